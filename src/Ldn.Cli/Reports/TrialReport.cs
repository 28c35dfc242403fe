using System.Globalization;
using Ldn.Cli.Output;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Trials;
using Ldn.Core.Units;
using Ldn.Reports.Research;

namespace Ldn.Cli.Reports;

/// <summary>
/// The report of <c>ldn trial --report</c>: each drug arm's time course of MOR blockade and of the modelled score for a
/// typical subject (the parameter set's central values, no variability), the predicted responder rates and mean
/// changes per arm beside the published ones, and the effect table (each drug arm against placebo). Arm outcomes
/// and differences are the <see cref="TrialResult"/>'s numbers, as <c>--json</c> prints them; only the time courses
/// are simulated here, on the arms' planned doses.
/// </summary>
internal static class TrialReport
{
    /// <summary>Spacing of the typical-subject time courses: enough to show the daily blockade cycle over weeks.</summary>
    private static readonly Duration TimeCourseStep = Duration.FromHours(2);

    public static ResearchReport Build(TrialResult result, ModelParameters model)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(model);
        var design = result.Design;
        var instrument = design.Instrument;
        var report = new ResearchReport(
            "virtual trial report",
            Fmt($"{design.Name} ({design.Weeks:0.#} weeks), run {result.Repetitions} times over with virtual subjects at the published n."));
        report.Intro(design.Citation);
        foreach (var note in TrialView.Notes(result))
        {
            report.AddParagraph(note);
        }

        AppendTimeCourses(report, result, model);

        report.AddHeading("Arms: predicted and published");
        var arms = result.Arms.Select(a => a.Arm).Distinct(StringComparer.Ordinal).ToArray();
        report.AddBarChart(
            $"Mean change in {instrument.Name} per arm",
            "Mean over virtual repetitions of the arm's mean change (end − baseline; negative = the score fell), per structure, beside the published mean change where the paper gave one (a missing bar: not reported).",
            "Arm",
            $"Mean change ({instrument.Unit})",
            arms,
            ArmSeries(result, arms, a => a.MeanChange, a => a.PublishedMeanChange, 1));
        report.AddBarChart(
            "Responder rate per arm",
            $"Share of responders ({design.Responder}), predicted per structure and published.",
            "Arm",
            "Responders (%)",
            arms,
            ArmSeries(result, arms, a => a.ResponderRate, a => a.PublishedResponderRate, 100));
        report.AddTable(
            "Arms",
            ["Arm", "Structure", "n", "Dose (mg)", "Responders, predicted (95% range)", "Published", $"Mean change ({instrument.Unit}), predicted (95% range)", "Published"],
            result.Arms.Select(a => (IReadOnlyList<string>)
            [
                a.Arm,
                a.Scenario.Name(),
                a.N.ToString(CultureInfo.InvariantCulture),
                Fmt($"{a.DoseMg:0.###}"),
                Fmt($"{a.ResponderRate * 100:0.0}% ({a.ResponderRateLow * 100:0.0}–{a.ResponderRateHigh * 100:0.0})"),
                a.PublishedResponderRate is { } r ? Fmt($"{r * 100:0.0}%") : "—",
                Fmt($"{Signed(a.MeanChange)} ({Signed(a.MeanChangeLow)} to {Signed(a.MeanChangeHigh)})"),
                a.PublishedMeanChange is { } c ? Signed(c) : "—",
            ]));

        report.AddHeading("Effect against placebo");
        report.AddTable(
            "Differences (drug arm − placebo), mean and 95% range across repetitions",
            ["Structure", "Arm", "Versus", $"Mean change difference ({instrument.Unit})", "Published", "Responder difference (points)"],
            result.Differences.Select(d => (IReadOnlyList<string>)
            [
                d.Scenario.Name(),
                d.Arm,
                d.Versus,
                Fmt($"{Signed(d.MeanChange)} ({Signed(d.MeanChangeLow)} to {Signed(d.MeanChangeHigh)})"),
                d.PublishedMeanChange is { } p
                    ? Signed(p) + (d.PublishedMeanChangeLow is { } l && d.PublishedMeanChangeHigh is { } h ? $" ({Signed(l)} to {Signed(h)})" : string.Empty)
                    : "—",
                Fmt($"{Signed(d.ResponderRate * 100)} ({Signed(d.ResponderRateLow * 100)} to {Signed(d.ResponderRateHigh * 100)})"),
            ]),
            result.Differences.Count == 0 ? "The design has no placebo arm, so there is no difference to report." : null);
        report.AddSource(design.Citation);
        report.AddSource($"Condition {design.Condition.Id}; calibration: {design.Condition.Parameters.Calibration}");
        return report;
    }

    /// <summary>Typical-subject MOR blockade and score per drug arm and structure (placebo takes no drug and has no blockade to show).</summary>
    private static void AppendTimeCourses(ResearchReport report, TrialResult result, ModelParameters model)
    {
        var design = result.Design;
        var blockade = new List<ChartSeries>();
        var score = new List<ChartSeries>();
        foreach (var arm in design.Arms.Where(a => !a.IsPlacebo))
        {
            var doses = design.PlannedDoses(arm);
            var events = doses.Select(d => new DoseEvent(d.Amount, d.Time, Duration.FromHours(24), 1, d.Formulation)).ToList();
            var regimen = new Regimen(ClockTime.Parse(TrialDesign.DefaultClock), events, Duration.FromWeeks(design.WeeksOf(arm)));
            var simulation = Simulator.Run(regimen, model, design.Condition.Parameters, TimeCourseStep, result.Scenarios, tlr4: false);
            foreach (var scenario in simulation.Scenarios)
            {
                var series = scenario.Series;
                var days = series.TimeHours.Select(t => t / 24).ToArray();
                var label = result.Scenarios.Count > 1 ? $"{arm.Name} ({scenario.Scenario.Name()})" : arm.Name;
                blockade.Add(ChartSeries.Of(label, days, [.. series.Mor.Select(m => m * 100)]));
                score.Add(ChartSeries.Of(label, days, series.ClinicalScore));
            }
        }

        if (blockade.Count == 0)
        {
            return;
        }

        var instrument = design.Instrument;
        report.AddHeading("Arm time courses (typical subject)");
        report.AddLineChart(
            "MOR blockade per arm",
            "A typical subject (central parameter values, no between-subject variability) on each arm's planned doses, including any titration.",
            "Days since the first dose",
            "MOR blocked (%)",
            blockade,
            yMin: 0,
            yMax: 100);
        report.AddLineChart(
            $"Modelled {instrument.Name} per arm",
            $"The typical subject's modelled mean score ({instrument.Unit}; {(instrument.LowerIsBetter ? "lower" : "higher")} is better), including the condition's mean placebo response.",
            "Days since the first dose",
            $"{instrument.Name} ({instrument.Unit})",
            score);
    }

    private static ChartSeries[] ArmSeries(TrialResult result, string[] arms, Func<ArmOutcome, double> predicted, Func<ArmOutcome, double?> published, double scale)
    {
        var series = result.Scenarios.Select(s => new ChartSeries(
            "predicted, " + s.Name(),
            [],
            [.. arms.Select(name => (double?)(predicted(result.Arm(name, s)) * scale))])).ToList();
        series.Add(new ChartSeries("published", [], [.. arms.Select(name => published(result.Arm(name, result.Scenarios[0])) * scale)]));
        return [.. series];
    }

    private static string Signed(double value) => Fmt($"{value:+0.00;−0.00;0.00}");

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
