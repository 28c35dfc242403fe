// LDN Workbench charts: draws every <script type="application/json" data-chart-for="CANVAS-ID"> block with
// Chart.js (served locally at /assets/chart.umd.min.js). The block holds { xLabel, yLabel, x: [...],
// series: [{ label, values: [...] }], stepped, yMin, yMax }. Without JavaScript or Chart.js the page keeps its
// text alternative (a caption and a table), so nothing here is needed to read the data.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }

  // Colours with at least 3:1 contrast on white (WCAG 2.2 non-text contrast), told apart by dash as well.
  var colours = ["#1f4e79", "#a4161a", "#1d6b35", "#8a4b00", "#6a3d9a", "#00707a", "#5c4b00", "#b0006e"];
  var dashes = [[], [6, 3], [2, 2], [8, 3, 2, 3]];

  document.querySelectorAll('script[type="application/json"][data-chart-for]').forEach(function (block) {
    var canvas = document.getElementById(block.getAttribute("data-chart-for"));
    if (!canvas) {
      return;
    }

    var data;
    try {
      data = JSON.parse(block.textContent);
    } catch (e) {
      return;
    }

    var datasets = data.series.map(function (series, i) {
      return {
        label: series.label,
        data: series.values.map(function (y, j) { return { x: data.x[j], y: y }; }),
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        borderDash: dashes[Math.floor(i / colours.length) % dashes.length].length ? dashes[Math.floor(i / colours.length) % dashes.length] : dashes[i % dashes.length],
        borderWidth: 2,
        pointRadius: data.stepped ? 3 : 0,
        stepped: data.stepped ? "after" : false,
        fill: false
      };
    });

    // Shown first, so that Chart.js measures the container it draws in.
    canvas.closest(".chart").classList.add("drawn");
    new window.Chart(canvas, {
      type: "line",
      data: { datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        interaction: { mode: "nearest", axis: "x", intersect: false },
        scales: {
          x: { type: "linear", title: { display: true, text: data.xLabel } },
          y: { title: { display: true, text: data.yLabel }, min: data.yMin, max: data.yMax }
        },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 24 } },
          decimation: { enabled: !data.stepped, algorithm: "lttb", samples: 400 }
        }
      }
    });
  });
})();
