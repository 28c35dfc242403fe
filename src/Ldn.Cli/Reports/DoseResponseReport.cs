using System.Globalization;
using Ldn.Cli.Output;
using Ldn.Core.Dosing;
using Ldn.Core.Units;
using Ldn.Core.Pharmacology;
using Ldn.Reports;
using Ldn.Reports.Research;

namespace Ldn.Cli.Reports;

/// <summary>
/// The report of <c>ldn dose-response --report</c>: MOR trough and peak, signalling overshoot and the week-12
/// inflammation change against the daily dose, one line per structure and dosing time, and the table of all rows.
/// Built from the <see cref="DoseResponseResult"/>: the plotted numbers are the rows <c>--json</c> prints. The
/// inflammation module is a what-if (issue 12, item 5), so the report states no best dose.
/// </summary>
internal static class DoseResponseReport
{
    public static ResearchReport Build(DoseResponseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var request = result.Request;
        var doses = request.Doses.Select(d => d.Milligrams).ToArray();
        var report = new ResearchReport(
            "dose–response report",
            $"Daily {request.Formulation.Name()} doses of {string.Join(", ", doses.Select(Mg))} mg at {string.Join(", ", request.Times)} for {request.Weeks.ToString(CultureInfo.InvariantCulture)} weeks; condition {result.Condition.Id}.");
        report.Intro("Each dose is simulated as a daily regimen; blockade is summarised over the last dosing interval. "
            + "The signalling and inflammation panels come from the rebound/immune module, a hypothesis from rodent work: read them as what-ifs, not findings.");
        foreach (var note in DoseResponseView.Notes(result))
        {
            report.AddParagraph(note);
        }

        var curves = result.Rows.GroupBy(r => (r.Scenario, r.At)).ToList();
        string Label(OccupancyScenario scenario, ClockTime at) => request.Times.Count > 1 ? $"{scenario.Name()} at {at}" : $"structure {scenario.Name()}";
        ChartSeries[] Series(Func<DoseResponseRow, double?> value, double scale) =>
            [.. curves.Select(c => new ChartSeries(Label(c.Key.Scenario, c.Key.At), [.. c.Select(r => r.Dose.Milligrams)], [.. c.Select(r => value(r) is { } v && double.IsFinite(v) ? v * scale : (double?)null)]))];

        report.AddHeading("Blockade against dose");
        report.AddLineChart(
            "MOR blockade trough (last dosing interval)",
            "The lowest share of μ-opioid receptors blocked in the last 24 h, per structure; the dose axis is logarithmic.",
            "Daily dose (mg, logarithmic)",
            "MOR blocked at trough (%)",
            Series(r => r.MorTrough, 100),
            yMin: 0,
            yMax: 100,
            logX: true);
        report.AddLineChart(
            "MOR blockade peak (last dosing interval)",
            "The highest share of μ-opioid receptors blocked in the last 24 h, per structure.",
            "Daily dose (mg, logarithmic)",
            "MOR blocked at peak (%)",
            Series(r => r.MorPeak, 100),
            yMin: 0,
            yMax: 100,
            logX: true);

        report.AddHeading("What-if: rebound and inflammation");
        report.AddLineChart(
            "Signalling overshoot (what-if)",
            "Hours a day with net opioid signalling S above its drug-free value, in the rebound hypothesis.",
            "Daily dose (mg, logarithmic)",
            "Hours a day with S > 1",
            Series(r => r.SignallingOvershootHours, 1),
            yMin: 0,
            logX: true);
        if (result.Rows.Any(r => r.InflammationChangeWeek12 is not null))
        {
            report.AddLineChart(
                "Inflammation change at week 12 (what-if)",
                "I(12 weeks)/I(0) − 1 in percent; below 0 means less inflammation. It depends on the synthesis gain α_P and on the blockade structure, neither known for people.",
                "Daily dose (mg, logarithmic)",
                "Inflammation change at week 12 (%)",
                Series(r => r.InflammationChangeWeek12, 100),
                logX: true,
                referenceY: 0);
        }

        report.AddHeading("All rows");
        report.AddTable(
            "Dose–response rows",
            ["Structure", "Time", "Dose (mg)", "MOR peak (%)", "MOR trough (%)", "Overshoot (h/day)", "Night S", "Inflammation wk 12 (what-if)"],
            result.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Scenario.Name(),
                r.At.ToString(),
                Mg(r.Dose.Milligrams),
                Fixed(r.MorPeak * 100, "0.0"),
                Fixed(r.MorTrough * 100, "0.0"),
                Fixed(r.SignallingOvershootHours, "0.0"),
                r.NocturnalSignalling is { } night ? Fixed(night, "0.000") : "—",
                r.InflammationChangeWeek12 is { } change ? DoseResponse.Percent(change) : "—",
            ]));
        report.AddFacts(
        [
            ("Formulation", request.Formulation.Name()),
            ("Parameter set", result.Parameters.Name),
            ("Condition", $"{result.Condition.Name} ({result.Condition.Id})"),
            ("TLR4 term", result.Tlr4 ? "on" : "off"),
        ]);
        report.AddSource("Model: docs/model.md; parameters with their citations: data/parameters/naltrexone.yaml.");
        report.AddSource("Clinical dose evidence (not modelled here): fibromyalgia dose finding, ED50 3.88 mg and ED95 5.40 mg; see ../shared/research/clinical-evidence.md and ldn evidence.");
        return report;
    }

    private static string Mg(double mg) => mg.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Fixed(double value, string format) => ReportHtml.Fixed(value, format);
}
