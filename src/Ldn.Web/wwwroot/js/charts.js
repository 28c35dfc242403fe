// LDN Workbench charts with Chart.js (served locally at /assets/chart.umd.min.js). The one piece that finds a
// page's inert <script type="application/json" data-…-for="CANVAS-ID"> blocks, parses them, shows the chart's
// box and makes the chart: LdnCharts.draw(attribute, configOf) calls configOf(data) for each block and draws
// the Chart.js configuration it returns. This file draws the data-chart-for blocks (plan, simulator):
// { xLabel, yLabel, x: [...], series: [{ label, values: [...] }], stepped, yMin, yMax }; insights.js draws
// its own blocks through the same function. Without JavaScript or Chart.js the page keeps its text
// alternative (a caption and a table), so nothing here is needed to read the data.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }

  function draw(attribute, configOf) {
    document.querySelectorAll('script[type="application/json"][' + attribute + "]").forEach(function (block) {
      var canvas = document.getElementById(block.getAttribute(attribute));
      if (!canvas) {
        return;
      }

      var data;
      try {
        data = JSON.parse(block.textContent);
      } catch (e) {
        return;
      }

      // Shown first, so that Chart.js measures the container it draws in.
      canvas.closest(".chart").classList.add("drawn");
      new window.Chart(canvas, configOf(data));
    });
  }

  // What every chart of the workbench shares: drawn at once, filling its box (whose height the CSS sets),
  // the legend below the plot.
  window.Chart.defaults.animation = false;
  window.Chart.defaults.responsive = true;
  window.Chart.defaults.maintainAspectRatio = false;
  window.Chart.defaults.plugins.legend.position = "bottom";
  window.Chart.defaults.plugins.legend.labels.boxWidth = 24;
  window.LdnCharts = { draw: draw };

  // Colours with at least 3:1 contrast on white (WCAG 2.2 non-text contrast), told apart by dash as well.
  var colours = ["#1f4e79", "#a4161a", "#1d6b35", "#8a4b00", "#6a3d9a", "#00707a", "#5c4b00", "#b0006e"];
  var dashes = [[], [6, 3], [2, 2], [8, 3, 2, 3]];

  // A band (series with band: true, in pairs low then high) is drawn in the colour of the line that follows it: thin
  // edges, the area between them filled translucent.
  draw("data-chart-for", function (data) {
    var line = 0;
    var datasets = data.series.map(function (series, i) {
      var colour = colours[line % colours.length];
      var dataset = {
        label: series.label,
        data: series.values.map(function (y, j) { return { x: data.x[j], y: y }; }),
        borderColor: colour,
        backgroundColor: colour,
        borderDash: dashes[Math.floor(line / colours.length) % dashes.length].length ? dashes[Math.floor(line / colours.length) % dashes.length] : dashes[line % dashes.length],
        borderWidth: 2,
        pointRadius: data.stepped ? 3 : 0,
        stepped: data.stepped ? "after" : false,
        fill: false
      };
      if (series.band) {
        dataset.borderWidth = 1;
        dataset.borderDash = [];
        dataset.backgroundColor = colour + "33";
        dataset.fill = i > 0 && data.series[i - 1].band ? "-1" : false;
      } else {
        line++;
      }

      return dataset;
    });

    return {
      type: "line",
      data: { datasets: datasets },
      options: {
        parsing: false,
        normalized: true,
        interaction: { mode: "nearest", axis: "x", intersect: false },
        scales: {
          x: { type: "linear", title: { display: true, text: data.xLabel } },
          y: { title: { display: true, text: data.yLabel }, min: data.yMin, max: data.yMax }
        },
        plugins: {
          decimation: { enabled: !data.stepped, algorithm: "lttb", samples: 400 }
        }
      }
    };
  });
})();
