using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ldn.Web.Pages.Simulator;

/// <summary>
/// One chart's data as the pages embed it in an inert <c>&lt;script type="application/json"&gt;</c> block that
/// <c>wwwroot/js/charts.js</c> draws with Chart.js: the x values (days), one or more named series of y values
/// (one per x; null for a gap) and the axis titles. The page always gives a text alternative beside it.
/// </summary>
internal sealed record ChartData(string XLabel, string YLabel, IReadOnlyList<double> X, IReadOnlyList<ChartSeries> Series)
{
    // The default encoder escapes <, >, & and non-ASCII, so the text cannot end the script block.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Draw as steps (a value holds until the next x), e.g. a plan's doses.</summary>
    public bool Stepped { get; init; }

    public double? YMin { get; init; }

    public double? YMax { get; init; }

    public string Json() => JsonSerializer.Serialize(this, Options);

    /// <summary>A value to 4 significant digits: enough for a chart, a quarter of the bytes.</summary>
    public static double Round(double value) =>
        value == 0 || !double.IsFinite(value) ? 0 : Math.Round(value, Math.Clamp(3 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 12));
}

/// <summary>
/// One line of a chart: its legend label and its y values. <see cref="Band"/> marks an edge of an uncertainty band:
/// charts.js draws it thin and fills the area between two consecutive band edges.
/// </summary>
internal sealed record ChartSeries(string Label, IReadOnlyList<double> Values)
{
    public bool? Band { get; init; }
}
