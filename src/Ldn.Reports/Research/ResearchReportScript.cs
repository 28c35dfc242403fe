namespace Ldn.Reports.Research;

/// <summary>
/// The drawing script of <see cref="ResearchReport"/>: one Chart.js chart per entry of <c>data.charts</c>
/// (<see cref="ResearchChart"/>), into the canvas with the entry's id. Bands are two invisible lines with the
/// area between them filled; error bars and the y = x and reference lines are small plugins drawn on the canvas.
/// </summary>
internal static class ResearchReportScript
{
    public const string Script = ReportHtml.ScriptStart + """
          const palette = ['#2563eb', '#dc2626', '#0f766e', '#ea580c', '#9333ea', '#475569', '#16a34a', '#b45309', '#db2777', '#0891b2'];
          const alpha = (hex, a) => {
            const n = parseInt(hex.slice(1), 16);
            return 'rgba(' + (n >> 16) + ', ' + ((n >> 8) & 255) + ', ' + (n & 255) + ', ' + a + ')';
          };
          const points = (xs, ys) => xs.map((x, i) => ({ x, y: ys[i] }));

          // Vertical error bars from each dataset's errorLow/errorHigh (absolute y values).
          const errorBars = {
            id: 'errorBars',
            afterDatasetsDraw(chart) {
              const { ctx, scales } = chart;
              chart.data.datasets.forEach((dataset, d) => {
                if (!dataset.errorLow || !chart.isDatasetVisible(d)) return;
                ctx.save();
                ctx.strokeStyle = dataset.borderColor;
                ctx.lineWidth = 1.5;
                dataset.data.forEach((p, i) => {
                  const lo = dataset.errorLow[i], hi = dataset.errorHigh[i];
                  if (p.y == null || lo == null || hi == null) return;
                  const x = scales.x.getPixelForValue(p.x);
                  const y1 = scales.y.getPixelForValue(lo), y2 = scales.y.getPixelForValue(hi);
                  ctx.beginPath();
                  ctx.moveTo(x, y1); ctx.lineTo(x, y2);
                  ctx.moveTo(x - 4, y1); ctx.lineTo(x + 4, y1);
                  ctx.moveTo(x - 4, y2); ctx.lineTo(x + 4, y2);
                  ctx.stroke();
                });
                ctx.restore();
              });
            },
          };

          // The dashed y = x line (where observed equals predicted) and a dashed horizontal reference line.
          const guides = (spec) => ({
            id: 'guides',
            afterDatasetsDraw(chart) {
              const { ctx, chartArea, scales } = chart;
              ctx.save();
              ctx.strokeStyle = 'rgba(71, 85, 105, 0.8)';
              ctx.setLineDash([6, 4]);
              ctx.lineWidth = 1;
              ctx.beginPath();
              if (spec.identityLine) {
                const lo = Math.max(scales.x.min, scales.y.min), hi = Math.min(scales.x.max, scales.y.max);
                if (hi > lo) {
                  ctx.moveTo(scales.x.getPixelForValue(lo), scales.y.getPixelForValue(lo));
                  ctx.lineTo(scales.x.getPixelForValue(hi), scales.y.getPixelForValue(hi));
                }
              }
              if (spec.referenceY != null) {
                const y = scales.y.getPixelForValue(spec.referenceY);
                if (y >= chartArea.top && y <= chartArea.bottom) {
                  ctx.moveTo(chartArea.left, y);
                  ctx.lineTo(chartArea.right, y);
                }
              }
              ctx.stroke();
              ctx.restore();
            },
          });

          const lineDatasets = (spec) => spec.series.flatMap((s, k) => {
            const color = palette[k % palette.length];
            const main = {
              label: s.label, data: points(s.x, s.y), borderColor: color, backgroundColor: color,
              borderWidth: 2, pointRadius: s.x.length > 60 ? 0 : 3, pointHitRadius: 4, spanGaps: false,
            };
            if (!s.low) return [main];
            // The band: its lower edge, then its upper edge filled down to the lower one ('-1').
            const edge = { borderWidth: 0, pointRadius: 0, pointHitRadius: 0, borderColor: 'transparent', bandPart: true };
            return [
              Object.assign({ label: s.label + ' band low', data: points(s.x, s.low), fill: false }, edge),
              Object.assign({ label: s.label + ' band', data: points(s.x, s.high), fill: '-1', backgroundColor: alpha(color, 0.18) }, edge),
              main,
            ];
          });

          const scatterDatasets = (spec) => spec.series.map((s, k) => {
            const color = palette[k % palette.length];
            return {
              label: s.label, data: points(s.x, s.y), borderColor: color, backgroundColor: alpha(color, 0.75),
              pointRadius: 4, pointHoverRadius: 6, showLine: false, errorLow: s.low, errorHigh: s.high,
            };
          });

          const barDatasets = (spec) => spec.series.map((s, k) => {
            const color = palette[k % palette.length];
            return { label: s.label, data: s.y, borderColor: color, backgroundColor: alpha(color, 0.7), borderWidth: 1 };
          });

          // Scatter with y = x: both axes suggested the same range, so the line runs corner to corner at 45°.
          const commonRange = (spec) => {
            const values = spec.series.flatMap((s) => [...s.x, ...s.y, ...(s.low || []), ...(s.high || [])]).filter((v) => v != null);
            if (values.length === 0) return {};
            const lo = Math.min(...values), hi = Math.max(...values);
            const pad = (hi - lo) * 0.05 || 1;
            return { suggestedMin: lo >= 0 ? Math.max(0, lo - pad) : lo - pad, suggestedMax: hi + pad };
          };

          const draw = (spec) => {
            const range = spec.kind === 'scatter' && spec.identityLine ? commonRange(spec) : {};
            // Lines end where the data end; a scatter keeps Chart.js's rounded ticks (the same on both axes when they share a range).
            const x = spec.kind === 'bar'
              ? { type: 'category', title: { display: true, text: spec.xLabel } }
              : Object.assign({ type: spec.logX ? 'logarithmic' : 'linear', bounds: spec.kind === 'line' ? 'data' : 'ticks', title: { display: true, text: spec.xLabel } }, range);
            const y = Object.assign({ type: 'linear', title: { display: true, text: spec.yLabel } }, range);
            if (spec.yMin != null) y.min = spec.yMin;
            if (spec.yMax != null) y.max = spec.yMax;
            if (spec.kind === 'bar') y.beginAtZero = true;
            const datasets = spec.kind === 'line' ? lineDatasets(spec) : spec.kind === 'bar' ? barDatasets(spec) : scatterDatasets(spec);
            return new Chart(document.getElementById(spec.id), {
              type: spec.kind === 'bar' ? 'bar' : spec.kind === 'scatter' ? 'scatter' : 'line',
              data: spec.kind === 'bar' ? { labels: spec.categories, datasets } : { datasets },
              plugins: [errorBars, guides(spec)],
              options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                normalized: true,
                datasets: { bar: spec.histogram ? { barPercentage: 1, categoryPercentage: 1 } : {} },
                interaction: spec.kind === 'line' ? { mode: 'nearest', axis: 'x', intersect: false } : { mode: 'nearest', intersect: true },
                scales: { x, y },
                plugins: {
                  legend: { position: 'bottom', display: spec.series.length > 1, labels: { filter: (item, d) => !d.datasets[item.datasetIndex].bandPart } },
                  tooltip: { filter: (item) => !item.dataset.bandPart },
                },
              },
            });
          };

          try {
            const charts = data.charts.map(draw);
            document.body.dataset.chartsReady = String(charts.length);
          } catch (error) {
            fail(error && error.message ? error.message : String(error));
          }

        """ + ReportHtml.ScriptEnd;
}
