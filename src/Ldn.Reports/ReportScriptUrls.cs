namespace Ldn.Reports;

/// <summary>
/// Where a page that embeds a report (<see cref="JournalReport.RenderEmbedded"/>) serves its two scripts:
/// <paramref name="ChartLibrary"/> (the text of <see cref="ReportHtml.ChartLibrary"/>) and
/// <paramref name="DrawingScript"/> (<see cref="JournalReport.DrawingScript"/>), as same-origin URLs,
/// e.g. <c>/assets/chart.umd.min.js</c> and <c>/assets/report-charts.js</c>.
/// </summary>
public sealed record ReportScriptUrls(string ChartLibrary, string DrawingScript);
