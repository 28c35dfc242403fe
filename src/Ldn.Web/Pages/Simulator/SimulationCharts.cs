using System.Globalization;
using Ldn.Core.Pharmacology;

namespace Ldn.Web.Pages.Simulator;

/// <summary>
/// The simulator's charts from a <see cref="SimulationResult"/>: receptor blockade (MOR, DOR, KOR in %),
/// plasma levels (naltrexone and 6β-naltrexol, ng/mL), the mechanism (net opioid signalling S, receptor
/// density, opioid synthesis and the inflammation index, each 1 when drug-free) and the condition's outcome
/// score, each against days after the first dose, with a text table of a few evenly spaced points.
/// </summary>
internal sealed record SimulationChart(string Id, string Title, string Caption, ChartData Data)
{
    /// <summary>Rows of the text alternative: at most this many evenly spaced points.</summary>
    public const int TableRows = 15;

    /// <summary>Daily peaks and troughs of plasma levels are readable over a week, not over months.</summary>
    public const int PlasmaDays = 7;

    public static IReadOnlyList<SimulationChart> For(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var first = result.Scenarios[0];
        var x = first.Series.TimeHours.Select(h => Math.Round(h / 24, 4)).ToList();
        ChartSeries Of(string label, double[] values, double scale = 1) => new(label, [.. values.Select(v => ChartData.Round(v * scale))]);
        string Tag(ScenarioResult s) => result.Scenarios.Count > 1 ? $", scenario {s.Scenario}" : "";
        var summary = first.Summary;
        var instrument = result.Condition.Instrument;
        var average = result.Average;
        ChartSeries[] averaged = average is null
            ? []
            :
            [
                Of("MOR 2.5%, model average", average.Band.Low, 100) with { Band = true },
                Of("MOR 97.5%, model average", average.Band.High, 100) with { Band = true },
                Of("MOR, model average", average.Series.Mor, 100),
            ];
        var blockadeCaption = average is null
            ? string.Create(CultureInfo.InvariantCulture, $"Mu-opioid receptor (MOR) blockade over the last dosing interval: peak {SimulationSummaryTable.Percent(summary.MorPeak)}, trough {SimulationSummaryTable.Percent(summary.MorTrough)}, mean {SimulationSummaryTable.Percent(summary.MorMean)} (scenario {first.Scenario}).")
            : string.Join(" ", SimulationSummaryTable.Band(result)) + " The shaded band is the 95% range from parameter uncertainty.";
        return
        [
            new("chart-blockade", "Opioid-receptor blockade",
                blockadeCaption,
                new ChartData("days after the first dose", "receptors blocked (%)", x,
                    [.. averaged, .. result.Scenarios.SelectMany(s => new[] { Of("MOR" + Tag(s), s.Series.Mor, 100), Of("DOR" + Tag(s), s.Series.Dor, 100), Of("KOR" + Tag(s), s.Series.Kor, 100) })])
                { YMin = 0, YMax = 100 }),
            new("chart-plasma", $"Plasma levels, last {PlasmaDays} days",
                $"Naltrexone peaks at {SimulationSummaryTable.Number(summary.ParentCmax.NanogramsPerMillilitre)} ng/mL and 6β-naltrexol at {SimulationSummaryTable.Number(summary.MetaboliteCmax.NanogramsPerMillilitre)} ng/mL over the last dosing interval.",
                Last(new ChartData("days after the first dose", "ng/mL", x, [Of("naltrexone", first.Series.ParentNgPerMl), Of("6β-naltrexol", first.Series.MetaboliteNgPerMl)]) { YMin = 0 }, PlasmaDays)),
            new("chart-mechanism", "Mechanism (1 = drug-free; " + WhatIf.Label + ")",
                $"Net opioid signalling S is above its drug-free value of 1 for {summary.SignallingOvershootHoursPerDay.ToString("0.0", CultureInfo.InvariantCulture)} hours a day; modelled inflammation change at week 12 ({WhatIf.Label}): {(summary.InflammationChangeWeek12 is { } change ? SimulationSummaryTable.SignedPercent(change) : "— (shorter than 12 weeks)")}.",
                new ChartData("days after the first dose", "relative to drug-free", x,
                    [.. result.Scenarios.SelectMany(s => new[]
                    {
                        Of("signalling S" + Tag(s), s.Series.OpioidSignalling), Of("receptor density" + Tag(s), s.Series.ReceptorDensity),
                        Of("opioid synthesis" + Tag(s), s.Series.Synthesis), Of("inflammation" + Tag(s), s.Series.Inflammation),
                    })])
                { YMin = 0 }),
            new("chart-outcome", $"{instrument.Name} (model)",
                $"{instrument.Name} ({instrument.Unit}) at the end: {string.Join(", ", result.Scenarios.Select(s => (s.Series.Count == 0 ? "—" : s.Series.ClinicalScore[^1].ToString("0.0", CultureInfo.InvariantCulture)) + Tag(s)))}; {(instrument.LowerIsBetter ? "lower" : "higher")} is better.",
                new ChartData("days after the first dose", instrument.Unit, x, [.. result.Scenarios.Select(s => Of(instrument.Name + Tag(s), s.Series.ClinicalScore))])),
        ];
    }

    /// <summary>The points of the last <paramref name="days"/> days of <paramref name="data"/>.</summary>
    private static ChartData Last(ChartData data, double days)
    {
        var from = data.X.Count == 0 ? 0 : data.X[^1] - days;
        var first = Math.Max(0, data.X.ToList().FindIndex(x => x >= from));
        return data with { X = [.. data.X.Skip(first)], Series = [.. data.Series.Select(s => s with { Values = [.. s.Values.Skip(first)] })] };
    }

    /// <summary>The indexes of at most <see cref="TableRows"/> evenly spaced points, first and last included.</summary>
    public IReadOnlyList<int> TablePoints()
    {
        var n = Data.X.Count;
        return n <= TableRows ? [.. Enumerable.Range(0, n)] : [.. Enumerable.Range(0, TableRows).Select(i => (int)Math.Round(i * (n - 1) / (double)(TableRows - 1))).Distinct()];
    }
}
