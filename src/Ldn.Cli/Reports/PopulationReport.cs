using System.Globalization;
using Ldn.Cli.Output;
using Ldn.Core.Population;
using Ldn.Reports.Research;

namespace Ldn.Cli.Reports;

/// <summary>
/// The report of <c>ldn population --report</c>: p5–p95 bands with the median over time of MOR blockade and of the
/// inflammation index (and of signalling and the clinical score), and the weekly table of the terminal view. Built
/// from the <see cref="PopulationResult"/>; the percentiles are the same numbers as <c>--json</c> prints.
/// </summary>
internal static class PopulationReport
{
    public static ResearchReport Build(PopulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var settings = result.Settings;
        var instrument = result.Condition.Parameters.Instrument;
        var report = new ResearchReport(
            "population report",
            string.Create(CultureInfo.InvariantCulture,
                $"{settings.Subjects:N0} virtual subjects, {settings.Dose} daily at {settings.At} for {settings.Weeks} weeks, structure {settings.Scenario}, condition {result.Condition.Id}."));
        report.Intro("Each subject draws its own pharmacokinetic and response parameters from the population distributions of the parameter file; "
            + "the charts show, at each time, the 5th to 95th percentile across subjects as a band and the median as a line.");

        var indices = SimulationReport.ChartIndices(result.TimeHours.Count);
        var days = indices.Select(i => result.TimeHours[i] / 24).ToArray();
        report.AddHeading("Time courses");
        if (indices.Length < result.TimeHours.Count)
        {
            report.AddParagraph($"The charts plot {indices.Length.ToString(CultureInfo.InvariantCulture)} of the {result.TimeHours.Count.ToString(CultureInfo.InvariantCulture)} grid times; the table below is read from all of them.");
        }

        report.AddLineChart(
            "μ-opioid receptor (MOR) blockade",
            "Median and p5–p95 band across subjects of the modelled share of MOR occupied by naltrexone and 6β-naltrexol.",
            "Days since the first dose",
            "MOR blocked (%)",
            [Band("MOR blockade", result, PopulationMetric.Mor, indices, days, 100)],
            yMin: 0,
            yMax: 100);
        report.AddLineChart(
            "Inflammation index I (what-if module)",
            "Median and p5–p95 band of the inflammation index relative to its drug-free value 1 (dashed). The immune module is a hypothesis from rodent work (docs/model.md, section 5b), shown as a what-if.",
            "Days since the first dose",
            "Inflammation index (drug-free = 1)",
            [Band("Inflammation index", result, PopulationMetric.Inflammation, indices, days, 1)],
            referenceY: 1);
        report.AddLineChart(
            "Net opioid signalling S",
            "Median and p5–p95 band of S = P·U·(1 − O), relative to the drug-free value 1 (dashed).",
            "Days since the first dose",
            "Signalling S (drug-free = 1)",
            [Band("Signalling S", result, PopulationMetric.Signalling, indices, days, 1)],
            referenceY: 1);
        report.AddLineChart(
            $"Clinical score — {instrument.Name}",
            $"Median and p5–p95 band of the modelled score on {instrument.Name} ({instrument.Unit}), {(instrument.LowerIsBetter ? "lower" : "higher")} is better.",
            "Days since the first dose",
            $"{instrument.Name} ({instrument.Unit})",
            [Band(instrument.Name, result, PopulationMetric.ClinicalScore, indices, days, 1)]);

        report.AddHeading("Summary");
        report.AddTable(
            "Weekly percentiles (p5 / median / p95), just before the week's first dose",
            ["Week", "MOR blockade (%)", "Signalling S", "Inflammation I", $"Score ({instrument.Unit})"],
            PopulationView.WeeklyRows(result).Select(row => (IReadOnlyList<string>)
            [
                row.Week.ToString(CultureInfo.InvariantCulture),
                Cell(result.Band(row.Point, PopulationMetric.Mor), 100, "0.0"),
                Cell(result.Band(row.Point, PopulationMetric.Signalling), 1, "0.000"),
                Cell(result.Band(row.Point, PopulationMetric.Inflammation), 1, "0.000"),
                Cell(result.Band(row.Point, PopulationMetric.ClinicalScore), 1, "0.0"),
            ]),
            string.Create(CultureInfo.InvariantCulture,
                $"Percentiles come from {PopulationHistogram.Bins}-bin histograms and are accurate to {result.Histogram.Resolution(PopulationMetric.Mor) * 100:0.###} points of MOR blockade, {result.Histogram.Resolution(PopulationMetric.Inflammation):0.####} of I."));
        report.AddFacts(
        [
            ("Subjects", settings.Subjects.ToString("N0", CultureInfo.InvariantCulture)),
            ("Seed", settings.Seed.ToString(CultureInfo.InvariantCulture)),
            ("Daily dose", $"{settings.Dose} at {settings.At}, {settings.Formulation}"),
            ("Weeks", settings.Weeks.ToString(CultureInfo.InvariantCulture)),
            ("Blockade structure", settings.Scenario.ToString()),
            ("TLR4 term", settings.Tlr4 ? "on" : "off"),
            ("Output step", $"{settings.OutputStep}"),
        ]);
        report.AddSource("Model and population distributions: docs/model.md and data/parameters/naltrexone.yaml (each value with its citation).");
        report.AddSource($"Condition: {result.Condition.Parameters.Name} ({result.Condition.Id}); calibration: {result.Condition.Parameters.Calibration}");
        return report;
    }

    private static ChartSeries Band(string label, PopulationResult result, PopulationMetric metric, int[] indices, double[] days, double scale)
    {
        var bands = indices.Select(i => result.Band(i, metric)).ToArray();
        return ChartSeries.Of(label + " (median)", days, [.. bands.Select(b => b.P50 * scale)]) with
        {
            Low = ChartSeries.Finite([.. bands.Select(b => b.P5 * scale)]),
            High = ChartSeries.Finite([.. bands.Select(b => b.P95 * scale)]),
        };
    }

    private static string Cell(PercentileBand band, double scale, string format) =>
        string.Join(" / ", new[] { band.P5, band.P50, band.P95 }.Select(v => (v * scale).ToString(format, CultureInfo.InvariantCulture)));
}
