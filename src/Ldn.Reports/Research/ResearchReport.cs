using System.Globalization;
using System.Text;
using Ldn.Core;

namespace Ldn.Reports.Research;

/// <summary>
/// Builds the self-contained HTML report of a research command (<c>population</c>, <c>dose-response</c>,
/// <c>trial</c>, <c>validate</c>, <c>fit</c> with <c>--report</c>): a title, an introduction, the
/// not-medical-advice notice, then tables, charts and sources in the order they are added, and a footer with
/// how the report was generated. The page is built on <see cref="ReportHtml"/> like the simulation and journal
/// reports: Chart.js and the drawing script inline under a Content-Security-Policy that runs only those two,
/// the chart data as one inert JSON block (<c>{"charts":[…]}</c>, one entry per <c>&lt;canvas&gt;</c>, see
/// <see cref="ResearchChart"/>), every text HTML-encoded. A drawn page sets <c>data-charts-ready</c> on the
/// body to the number of charts.
/// </summary>
public sealed class ResearchReport
{
    private readonly string _title;
    private readonly StringBuilder _intro = new();
    private readonly StringBuilder _body = new();
    private readonly List<ResearchChart> _charts = [];
    private readonly List<string> _sources = [];

    /// <param name="title">Page title and heading, e.g. "Population report".</param>
    /// <param name="subtitle">One line under the heading: what was run.</param>
    public ResearchReport(string title, string subtitle)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        _title = title;
        Subtitle = subtitle;
    }

    public string Subtitle { get; }

    /// <summary>The charts added so far, in order (their data as the page will hold it).</summary>
    public IReadOnlyList<ResearchChart> Charts => _charts;

    /// <summary>A paragraph of the introduction (above the notice).</summary>
    public ResearchReport Intro(string paragraph)
    {
        _intro.Append("<p>").Append(ReportHtml.Text(paragraph)).Append("</p>\n");
        return this;
    }

    /// <summary>Starts a section with a heading.</summary>
    public ResearchReport AddHeading(string heading)
    {
        _body.Append("<h2>").Append(ReportHtml.Text(heading)).Append("</h2>\n");
        return this;
    }

    public ResearchReport AddParagraph(string text)
    {
        _body.Append("<p class=\"caption\">").Append(ReportHtml.Text(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Term–description pairs (settings of the run).</summary>
    public ResearchReport AddFacts(IEnumerable<(string Term, string Description)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _body.Append("<dl class=\"facts\">\n");
        foreach (var (term, description) in facts)
        {
            ReportHtml.Fact(_body, term, description);
        }

        _body.Append("</dl>\n");
        return this;
    }

    /// <summary>
    /// A table with a title, column headers and rows of already formatted cells (each row as long as
    /// <paramref name="headers"/>). Cells that read as numbers are right-aligned.
    /// </summary>
    /// <exception cref="ArgumentException">A row has a different number of cells than there are headers.</exception>
    public ResearchReport AddTable(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        _body.Append("<figure class=\"table\">\n<h3>").Append(ReportHtml.Text(title)).Append("</h3>\n<div class=\"table-scroll\"><table>\n<thead><tr>");
        foreach (var header in headers)
        {
            _body.Append("<th>").Append(ReportHtml.Text(header)).Append("</th>");
        }

        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"A row of table '{title}' has {row.Count} cells for {headers.Count} columns.", nameof(rows));
            }

            _body.Append("<tr>");
            foreach (var cell in row)
            {
                _body.Append(LooksNumeric(cell) ? "<td class=\"num\">" : "<td>").Append(ReportHtml.Text(cell)).Append("</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody>\n</table></div>\n");
        if (caption is not null)
        {
            _body.Append("<figcaption>").Append(ReportHtml.Text(caption)).Append("</figcaption>\n");
        }

        _body.Append("</figure>\n");
        return this;
    }

    /// <summary>Lines over a numeric x axis; a series with <see cref="ChartSeries.Low"/>/<see cref="ChartSeries.High"/> gets a shaded band. Returns the canvas id.</summary>
    public string AddLineChart(
        string title, string caption, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series,
        double? yMin = null, double? yMax = null, bool logX = false, double? referenceY = null) =>
        Add(new ResearchChart(NextId(), "line", title, xLabel, yLabel, series) { YMin = yMin, YMax = yMax, LogX = logX, ReferenceY = referenceY }, caption);

    /// <summary>Bars per category (one per series in each); <paramref name="histogram"/> makes them touch. Returns the canvas id.</summary>
    /// <exception cref="ArgumentException">A series has a different number of values than there are categories.</exception>
    public string AddBarChart(string title, string caption, string xLabel, string yLabel, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, bool histogram = false)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        if (series.Any(s => s.Y.Count != categories.Count))
        {
            throw new ArgumentException($"Every series of bar chart '{title}' needs one value per category ({categories.Count}).", nameof(series));
        }

        return Add(new ResearchChart(NextId(), "bar", title, xLabel, yLabel, series) { Categories = categories, Histogram = histogram }, caption);
    }

    /// <summary>
    /// Points (e.g. observed on x, predicted on y) with optional error bars from <see cref="ChartSeries.Low"/>/<see cref="ChartSeries.High"/>,
    /// the line y = x when <paramref name="identityLine"/>, and a dashed line at <paramref name="referenceY"/>. Returns the canvas id.
    /// </summary>
    public string AddScatter(string title, string caption, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, bool identityLine, double? referenceY = null) =>
        Add(new ResearchChart(NextId(), "scatter", title, xLabel, yLabel, series) { IdentityLine = identityLine, ReferenceY = referenceY }, caption);

    /// <summary>A citation for the data or model the report rests on (listed once, in order of addition).</summary>
    public ResearchReport AddSource(string citation)
    {
        if (!string.IsNullOrWhiteSpace(citation) && !_sources.Contains(citation, StringComparer.Ordinal))
        {
            _sources.Add(citation);
        }

        return this;
    }

    /// <summary>The whole page: one HTML document with styles, Chart.js, the chart data and the drawing script inline.</summary>
    public string Render(ReportGeneration generation, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var dataJson = ReportHtml.DataJson(new { charts = _charts });
        var html = new StringBuilder(ReportHtml.ChartLibrary.Length + (dataJson.Length * 2) + _body.Length + 16_384);
        ReportHtml.AppendHead(html, "LDN Workbench — " + _title, Styles, ReportHtml.ChartLibrary, ResearchReportScript.Script);
        html.Append("<body>\n<main>\n<header>\n<h1>LDN Workbench — ").Append(ReportHtml.Text(_title)).Append("</h1>\n")
            .Append("<p class=\"subtitle\">").Append(ReportHtml.Text(Subtitle)).Append("</p>\n</header>\n")
            .Append(_intro)
            .Append("<section class=\"notice\" role=\"note\" id=\"notice\">\n<strong>Research model, not medical advice.</strong>\n<p>")
            .Append(ReportHtml.Text(Disclaimer.NotMedicalAdvice)).Append("</p>\n</section>\n")
            .Append("<p class=\"chart-error\" hidden></p>\n")
            .Append(_body);
        if (_sources.Count > 0)
        {
            html.Append("<h2>Sources</h2>\n<ol class=\"sources\">\n");
            foreach (var source in _sources)
            {
                html.Append("<li>").Append(ReportHtml.Text(source)).Append("</li>\n");
            }

            html.Append("</ol>\n");
        }

        AppendFooter(html, generation, generatedAt);
        html.Append("</main>\n");
        ReportHtml.AppendScripts(html, dataJson, ResearchReportScript.Script);
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendFooter(StringBuilder html, ReportGeneration generation, DateTimeOffset generatedAt)
    {
        var stamp = generatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        html.Append("<footer>\n<dl class=\"facts\">\n");
        ReportHtml.Fact(html, "Command", generation.CommandLine);
        ReportHtml.Fact(html, "Seed", generation.Seed is { } seed ? seed.ToString(CultureInfo.InvariantCulture) : "none (deterministic)");
        ReportHtml.Fact(html, "Parameter set", generation.ParameterSet);
        html.Append("</dl>\n<p>Generated <time datetime=\"").Append(stamp).Append("\">").Append(stamp)
            .Append("</time> by LDN Workbench. Charts drawn with Chart.js (MIT license). ")
            .Append(ReportHtml.Text(Disclaimer.NotMedicalAdvice)).Append("</p>\n</footer>\n");
    }

    private string Add(ResearchChart chart, string caption)
    {
        ArgumentNullException.ThrowIfNull(chart.Series);
        _charts.Add(chart);
        ReportHtml.Figure(_body, chart.Id, chart.Title, caption);
        return chart.Id;
    }

    private string NextId() => "chart-" + (_charts.Count + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// "12.3", "−4", "+0.5%", "3.1 (2.0 to 4.2)", "1.0 / 2.0 / 3.0": digits, signs and separators only, right-aligned like
    /// numbers; anything with words ("50 mg PK", "0.3× tolerance (…)") or a clock time stays text.
    /// </summary>
    private static bool LooksNumeric(string cell)
    {
        var rest = cell.Replace(" to ", " ", StringComparison.Ordinal);
        return rest.Length > 0 && rest.Any(char.IsAsciiDigit) && rest.All(c => char.IsAsciiDigit(c) || " .,%−+-–/()×".Contains(c, StringComparison.Ordinal));
    }

    private const string Styles = ReportHtml.BaseStyles + """
        header { margin-bottom: 12px; }
        figure.table h3 { margin-bottom: 8px; }
        .table-scroll { overflow-x: auto; }
        table td, table th { font-size: 0.9rem; }
        ol.sources li { margin: 4px 0; }
        footer dl.facts { margin-bottom: 8px; }
        footer dd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; word-break: break-all; }

        """;
}
