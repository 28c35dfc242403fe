// LDN Workbench insights: the charts of /insights and /patients/{id}/insights, drawn by charts.js (loaded
// first) from every <script type="application/json" data-insights-chart-for="CANVAS-ID"> block. The block holds
// { dates: ["yyyy-MM-dd", ...], label, scores: [0-10 or null, ...], dose: [mg or null, ...] }: the scale's
// mean score on the left axis and the dose level as a step line on the right axis. Without JavaScript or
// Chart.js the page keeps its text alternative (a caption and a table), so nothing here is needed to read the data.
(function () {
  "use strict";
  if (typeof window.LdnCharts === "undefined") {
    return;
  }

  window.LdnCharts.draw("data-insights-chart-for", function (data) {
    return {
      type: "line",
      data: {
        labels: data.dates,
        datasets: [
          {
            label: data.label + " (0–10)",
            data: data.scores,
            yAxisID: "y",
            borderColor: "#1f4e79",
            backgroundColor: "#1f4e79",
            borderWidth: 2,
            pointRadius: 0,
            spanGaps: false
          },
          {
            label: "dose (mg)",
            data: data.dose,
            yAxisID: "dose",
            borderColor: "#a4161a",
            backgroundColor: "#a4161a",
            borderDash: [6, 3],
            borderWidth: 2,
            pointRadius: 0,
            stepped: "after"
          }
        ]
      },
      options: {
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { ticks: { maxTicksLimit: 5, maxRotation: 0 } },
          y: { min: 0, max: 10, title: { display: true, text: "score" } },
          dose: { position: "right", min: 0, title: { display: true, text: "mg" }, grid: { drawOnChartArea: false } }
        }
      }
    };
  });
})();
