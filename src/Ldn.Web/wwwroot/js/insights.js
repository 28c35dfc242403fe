// LDN Workbench insights: draws every <script type="application/json" data-insights-chart-for="CANVAS-ID">
// block with Chart.js (served locally at /assets/chart.umd.min.js). The block holds
// { dates: ["yyyy-MM-dd", ...], label, scores: [0-10 or null, ...], dose: [mg or null, ...] }: the scale's
// mean score on the left axis and the dose level as a step line on the right axis. Without JavaScript or
// Chart.js the page keeps its text alternative (a caption and a table), so nothing here is needed to read the data.
(function () {
  "use strict";
  if (typeof window.Chart === "undefined") {
    return;
  }

  document.querySelectorAll('script[type="application/json"][data-insights-chart-for]').forEach(function (block) {
    var canvas = document.getElementById(block.getAttribute("data-insights-chart-for"));
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
    new window.Chart(canvas, {
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
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          x: { ticks: { maxTicksLimit: 5, maxRotation: 0 } },
          y: { min: 0, max: 10, title: { display: true, text: "score" } },
          dose: { position: "right", min: 0, title: { display: true, text: "mg" }, grid: { drawOnChartArea: false } }
        },
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 24 } }
        }
      }
    });
  });
})();
