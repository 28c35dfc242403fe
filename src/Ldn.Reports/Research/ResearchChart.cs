namespace Ldn.Reports.Research;

/// <summary>
/// One chart of a <see cref="ResearchReport"/> as the page's drawing script reads it from the inline JSON data
/// block: the canvas <see cref="Id"/> (<c>chart-1</c>, <c>chart-2</c>… in order of addition), what to draw and
/// the axis titles with their units.
/// </summary>
/// <param name="Id">The id of the chart's <c>&lt;canvas&gt;</c>.</param>
/// <param name="Kind">"line", "bar" or "scatter".</param>
/// <param name="Title">Heading above the chart.</param>
/// <param name="XLabel">Horizontal axis title with its unit.</param>
/// <param name="YLabel">Vertical axis title with its unit.</param>
/// <param name="Series">What is drawn.</param>
public sealed record ResearchChart(string Id, string Kind, string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Bar charts: the category labels, in order.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Bar charts: bars touch (a histogram) rather than stand apart.</summary>
    public bool Histogram { get; init; }

    /// <summary>Scatter: draw the dashed line y = x over the common range of both axes.</summary>
    public bool IdentityLine { get; init; }

    /// <summary>Scatter or line: a dashed horizontal reference line at this y (e.g. 0 for residuals).</summary>
    public double? ReferenceY { get; init; }

    /// <summary>Logarithmic x axis (doses spanning decades).</summary>
    public bool LogX { get; init; }

    /// <summary>Fixed y-axis range, when the quantity has a natural one (0–100% blockade).</summary>
    public double? YMin { get; init; }

    public double? YMax { get; init; }
}
