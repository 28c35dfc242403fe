using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ldn.Core.Journal;

namespace Ldn.Web.Pages.Insights;

/// <summary>
/// One symptom chart of <c>/insights</c>: a scale's trailing-mean score (0–10, left axis) per day with the
/// dose level in force (mg, right axis, a step line), from <see cref="JournalChartSeries"/> so the page
/// plots the report's numbers. <see cref="Json"/> is what <c>wwwroot/js/insights.js</c> reads from the
/// page's inert <c>&lt;script type="application/json"&gt;</c> block; <see cref="Caption"/> and
/// <see cref="TablePoints"/> are the text alternative.
/// </summary>
/// <param name="Id">The canvas id (<c>chart-{scale id}</c>).</param>
/// <param name="Title">The scale's label.</param>
/// <param name="Caption">One sentence: first and latest mean and the dose range.</param>
/// <param name="Dates">The date of each point (yyyy-MM-dd; the first day of a bin when binned).</param>
/// <param name="Scores">The scale's mean score per point (null without a check-in in reach).</param>
/// <param name="DoseMg">The dose level in force per point (mg; null off treatment).</param>
internal sealed record InsightsChart(string Id, string Title, string Caption, IReadOnlyList<string> Dates, IReadOnlyList<double?> Scores, IReadOnlyList<double?> DoseMg)
{
    /// <summary>Rows of the text alternative: at most this many evenly spaced points.</summary>
    public const int TableRows = 15;

    // The default encoder escapes <, >, & and non-ASCII, so the text cannot end the script block.
    private static readonly JsonSerializerOptions Options = new() { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>One chart per scale with at least one scored point, in the catalogue's order.</summary>
    public static IReadOnlyList<InsightsChart> For(JournalChartSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var dates = series.Dose.X.Select(x => series.StartDate.PlusDays(x).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)).ToList();
        var dose = series.Symptoms.Level.Select(l => l is { } v ? (double?)Math.Round(v, 3) : null).ToList();
        var mean = series.BinDays == 1 ? $"{JournalChartSeries.SymptomMeanDays}-day mean" : $"{series.BinDays}-day bin mean";
        return [.. series.Symptoms.Scales
            .Where(s => s.Values.Any(v => v is not null))
            .Select(s =>
            {
                var scores = s.Values.Select(v => v is { } x ? (double?)Math.Round(x, 2) : null).ToList();
                var first = scores.First(v => v is not null)!.Value;
                var last = scores.Last(v => v is not null)!.Value;
                var doses = dose.Where(d => d is not null).Select(d => d!.Value).ToList();
                var doseText = doses.Count == 0 ? "no dose yet" : $"dose level {Number(doses.Min())} to {Number(doses.Max())} mg";
                var better = s.HigherIsWorse ? "lower is better" : "higher is better";
                return new InsightsChart($"chart-{s.Id}", s.Label,
                    $"{s.Label} ({mean}, 0–10, {better}): {Number(first)} at the start, {Number(last)} at the latest; {doseText}.",
                    dates, scores, dose);
            })];
    }

    /// <summary>The data for insights.js: <c>{ dates, label, scores, dose }</c>.</summary>
    public string Json() => JsonSerializer.Serialize(new { dates = Dates, label = Title, scores = Scores, dose = DoseMg }, Options);

    /// <summary>The indexes of at most <see cref="TableRows"/> evenly spaced points, first and last included.</summary>
    public IReadOnlyList<int> TablePoints()
    {
        var n = Dates.Count;
        return n <= TableRows ? [.. Enumerable.Range(0, n)] : [.. Enumerable.Range(0, TableRows).Select(i => (int)Math.Round(i * (n - 1) / (double)(TableRows - 1))).Distinct()];
    }

    /// <summary>A value as the page writes it (invariant, up to 2 decimals); "—" for none.</summary>
    public static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";
}
