using System.Globalization;
using Ldn.Core.Journal;
using NodaTime;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>The journal as tables: doses, check-ins, side effects, events and medications for a span of days.</summary>
internal static class JournalView
{
    public static void Write(JournalData data, JournalService journal, LocalDate? from, LocalDate? to, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(journal);
        var profile = journal.Profile;
        var console = ConsoleFactory.For(writer);
        string When(Instant at, string zone) => Markup.Escape(journal.Describe(at, zone));
        var span = (from, to) switch
        {
            (null, null) => "all entries",
            ({ } f, null) => $"from {f:uuuu-MM-dd}",
            (null, { } t) => $"up to {t:uuuu-MM-dd}",
            ({ } f, { } t) => $"{f:uuuu-MM-dd} to {t:uuuu-MM-dd}",
        };
        ConsoleText.Line(console, $"[bold]Journal[/]{(profile.Name is { } n ? " of " + Markup.Escape(n) : "")}, {Markup.Escape(span)} ({Markup.Escape(profile.TimeZoneId)}); conditions: {Markup.Escape(profile.Conditions.Count > 0 ? string.Join(", ", profile.Conditions) : "none recorded")}.");

        var doses = new Table().Border(TableBorder.Rounded).Title("Doses").AddColumns("Id", "When", "Dose", "Formulation", "Note");
        foreach (var d in data.Doses)
        {
            doses.AddRow(Id(d.Id), When(d.At, d.TimeZoneId), d.Skipped ? $"skipped ({Mg(d.DoseMg)})" : Mg(d.DoseMg), d.Formulation.ToString().ToLowerInvariant(), Markup.Escape(d.Note ?? ""));
        }

        var worse = data.Scales.Where(s => s.HigherIsWorse).Select(s => s.Label.ToLowerInvariant()).ToList();
        var better = data.Scales.Where(s => !s.HigherIsWorse).Select(s => s.Label.ToLowerInvariant()).ToList();
        var checkIns = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"Check-ins ({string.Join(", ", worse)}: 0 best; {string.Join(", ", better)}: 10 best)"))
            .AddColumns(["Id", "When", .. data.Scales.Select(s => Markup.Escape(s.Label)), "Note"]);
        foreach (var c in data.CheckIns)
        {
            checkIns.AddRow([Id(c.Id), When(c.At, c.TimeZoneId), .. data.Scales.Select(s => S(c.Score(s.Id))), Markup.Escape(c.Note ?? "")]);
        }

        var effects = new Table().Border(TableBorder.Rounded).Title("Side effects").AddColumns("Id", "Kind", "Severity", "From", "To", "Note");
        foreach (var s in data.SideEffects)
        {
            effects.AddRow(Id(s.Id), Markup.Escape(s.Kind + (s.TypedName is { } typed ? $" ('{typed}')" : "")), s.Severity.ToString().ToLowerInvariant(), When(s.From, s.TimeZoneId), s.To is { } t ? When(t, s.TimeZoneId) : "ongoing", Markup.Escape(s.Note ?? ""));
        }

        var events = new Table().Border(TableBorder.Rounded).Title("Events").AddColumns("Id", "When", "Kind", "Note");
        foreach (var e in data.Events)
        {
            events.AddRow(Id(e.Id), When(e.At, e.TimeZoneId), EventKinds.Name(e.Kind), Markup.Escape(e.Note ?? ""));
        }

        foreach (var (table, count) in new[] { (doses, data.Doses.Count), (checkIns, data.CheckIns.Count), (effects, data.SideEffects.Count), (events, data.Events.Count) })
        {
            if (count > 0)
            {
                StackedRecords.Write(console, table);
            }
        }

        if (data.Doses.Count + data.CheckIns.Count + data.SideEffects.Count + data.Events.Count == 0)
        {
            ConsoleText.Line(console, "No entries in this span.");
        }

        var current = data.Medications.Where(m => m.Until is null).Select(m => m.Name).ToList();
        var plan = journal.Today is var today && data.PlanOn(today) is { } version
            ? $"version {version.Id} from {version.From:uuuu-MM-dd}{(version.Adjustment is { } a and not "set" ? $" ({a})" : "")}, {(version.StepOn(today) is { } step ? $"{Mg(step.DoseMg)} at {step.At} today" : "no dose planned today")}; {data.Plans.Count} version{(data.Plans.Count == 1 ? "" : "s")} in all"
            : "none in force";
        var notChecked = Ldn.Core.Safety.MedicationRecognition.Check(current).Where(c => c.NotChecked).Select(c => c.Name).ToList();
        ConsoleText.Line(console, Markup.Escape($"Medications now: {(current.Count > 0 ? string.Join(", ", current) : "none recorded")}"
            + (notChecked.Count > 0 ? $" (not checked by the safety catalogue: {string.Join(", ", notChecked)})" : "") + $". Plan: {plan}."));
        ConsoleText.Line(console, Markup.Escape(BaselineStatus.Of(journal.LoadUpTo(journal.Today), journal.Today).Sentence));
        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string S(int? score) => score?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Mg(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " mg";

}
