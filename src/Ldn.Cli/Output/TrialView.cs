using System.Globalization;
using Ldn.Core.Pharmacology;
using Ldn.Core.Trials;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>The human view of a virtual trial: predicted against published, one table per scenario.</summary>
internal static class TrialView
{
    private const string Missing = "–";

    public static void Write(TrialResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var console = ConsoleFactory.For(writer);
        var design = result.Design;
        var instrument = design.Instrument;
        ConsoleText.Line(console, Markup.Escape(design.Name));
        ConsoleText.Line(console, Markup.Escape(design.Citation));
        ConsoleText.Line(console, Markup.Escape(Fmt(
            $"{design.Type.ToString().ToLowerInvariant()} design, {design.Weeks:0.#} weeks; condition {design.Condition.Id}; outcome {instrument.Name} ({instrument.Unit}), responder: {design.Responder}; {result.Repetitions} virtual repetitions at the published n, seed {result.Seed}.")));
        foreach (var scenario in result.Scenarios)
        {
            console.WriteLine();
            var table = new Table()
                .Border(TableBorder.Rounded)
                .Title(Markup.Escape($"Scenario {scenario} ({(scenario == OccupancyScenario.A ? "blockade follows plasma" : "slow effect site")})"))
                .AddColumn("Arm")
                .AddColumn(new TableColumn("n").RightAligned())
                .AddColumn(new TableColumn("Responders, predicted (95% range)").RightAligned())
                .AddColumn(new TableColumn("Published").RightAligned())
                .AddColumn(new TableColumn($"Mean change ({instrument.Unit}), predicted (95% range)").RightAligned())
                .AddColumn(new TableColumn("Published").RightAligned());
            foreach (var a in result.Arms.Where(a => a.Scenario == scenario))
            {
                table.AddRow(
                    Markup.Escape(a.Arm),
                    a.N.ToString(CultureInfo.InvariantCulture),
                    Fmt($"{Percent(a.ResponderRate)} ({Percent(a.ResponderRateLow)}–{Percent(a.ResponderRateHigh)})"),
                    a.PublishedResponderRate is { } r ? Percent(r) : Missing,
                    Fmt($"{a.MeanChange:+0.00;−0.00;0.00} ({a.MeanChangeLow:+0.00;−0.00;0.00} to {a.MeanChangeHigh:+0.00;−0.00;0.00})"),
                    a.PublishedMeanChange is { } c ? Fmt($"{c:+0.00;−0.00;0.00}") : Missing);
            }

            foreach (var d in result.Differences.Where(d => d.Scenario == scenario))
            {
                table.AddRow(
                    Markup.Escape($"Difference ({d.Arm} − {d.Versus})"),
                    string.Empty,
                    Fmt($"{Points(d.ResponderRate)} ({Points(d.ResponderRateLow)} to {Points(d.ResponderRateHigh)})"),
                    Missing,
                    Fmt($"{d.MeanChange:+0.00;−0.00;0.00} ({d.MeanChangeLow:+0.00;−0.00;0.00} to {d.MeanChangeHigh:+0.00;−0.00;0.00})"),
                    d.PublishedMeanChange is { } p
                        ? Fmt($"{p:+0.00;−0.00;0.00}") + (d.PublishedMeanChangeLow is { } l && d.PublishedMeanChangeHigh is { } h ? Fmt($" ({l:+0.00;−0.00;0.00} to {h:+0.00;−0.00;0.00})") : string.Empty)
                        : Missing);
            }

            StackedRecords.Write(console, table);
        }

        console.WriteLine();
        foreach (var note in Notes(result))
        {
            ConsoleText.Line(console, Markup.Escape(note));
        }

        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }

    /// <summary>How to read the run, shared by the table and the JSON document.</summary>
    public static IReadOnlyList<string> Notes(TrialResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var notes = new List<string>
        {
            "Ranges are the 2.5th–97.5th percentiles across virtual repetitions of the whole trial at the published n: how much a trial of this size varies by chance under the model, not a confidence interval for the model.",
            "Mean change is score at the end − score at baseline, each measured with noise (negative = the score fell).",
        };
        if (result.Design.Type == TrialDesignType.Crossover)
        {
            notes.Add("Crossover: the same virtual subjects take every arm, each arm starting from baseline; carry-over and period effects are ignored.");
        }

        if (result.Design.Notes.Length > 0)
        {
            notes.Add(result.Design.Notes);
        }

        notes.Add("Calibration: " + result.Design.Condition.Parameters.Calibration);
        return notes;
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Points(double fraction) => Fmt($"{fraction * 100:+0;−0;0} pts");

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
