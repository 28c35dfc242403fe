using System.Globalization;
using Ldn.Core.Journal;
using NodaTime;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>The journal as tables: doses, check-ins, side effects, events and medications for a span of days.</summary>
internal static class JournalView
{
    public static void Write(JournalData data, JournalProfile profile, LocalDate? from, LocalDate? to, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(profile);
        var console = ConsoleFactory.For(writer);
        var span = (from, to) switch
        {
            (null, null) => "all entries",
            ({ } f, null) => $"from {f:uuuu-MM-dd}",
            (null, { } t) => $"up to {t:uuuu-MM-dd}",
            ({ } f, { } t) => $"{f:uuuu-MM-dd} to {t:uuuu-MM-dd}",
        };
        console.MarkupLine($"[bold]Journal[/]{(profile.Name is { } n ? " of " + Markup.Escape(n) : "")}, {Markup.Escape(span)} ({Markup.Escape(profile.TimeZoneId)}); conditions: {Markup.Escape(profile.Conditions.Count > 0 ? string.Join(", ", profile.Conditions) : "none recorded")}.");

        var doses = new Table().Border(TableBorder.Rounded).Title("Doses").AddColumns("Id", "When", "Dose", "Formulation", "Note");
        foreach (var d in data.Doses)
        {
            doses.AddRow(Id(d.Id), Local(d.At, d.TimeZoneId), d.Skipped ? $"skipped ({Mg(d.DoseMg)})" : Mg(d.DoseMg), d.Formulation.ToString().ToLowerInvariant(), Markup.Escape(d.Note ?? ""));
        }

        var checkIns = new Table().Border(TableBorder.Rounded).Title("Check-ins (fatigue, pain: 0 best; sleep, mood, focus: 10 best)").AddColumns("Id", "When", "Fatigue", "Pain", "Sleep", "Mood", "Focus", "Note");
        foreach (var c in data.CheckIns)
        {
            checkIns.AddRow(Id(c.Id), Local(c.At, c.TimeZoneId), S(c.Fatigue), S(c.Pain), S(c.Sleep), S(c.Mood), S(c.Focus), Markup.Escape(c.Note ?? ""));
        }

        var effects = new Table().Border(TableBorder.Rounded).Title("Side effects").AddColumns("Id", "Kind", "Severity", "From", "To", "Note");
        foreach (var s in data.SideEffects)
        {
            effects.AddRow(Id(s.Id), s.Kind, s.Severity.ToString().ToLowerInvariant(), Local(s.From, s.TimeZoneId), s.To is { } t ? Local(t, s.TimeZoneId) : "ongoing", Markup.Escape(s.Note ?? ""));
        }

        var events = new Table().Border(TableBorder.Rounded).Title("Events").AddColumns("Id", "When", "Kind", "Note");
        foreach (var e in data.Events)
        {
            events.AddRow(Id(e.Id), Local(e.At, e.TimeZoneId), EventKinds.Name(e.Kind), Markup.Escape(e.Note ?? ""));
        }

        foreach (var (table, count) in new[] { (doses, data.Doses.Count), (checkIns, data.CheckIns.Count), (effects, data.SideEffects.Count), (events, data.Events.Count) })
        {
            if (count > 0)
            {
                console.Write(table);
            }
        }

        if (data.Doses.Count + data.CheckIns.Count + data.SideEffects.Count + data.Events.Count == 0)
        {
            console.MarkupLine("No entries in this span.");
        }

        var current = data.Medications.Where(m => m.Until is null).Select(m => m.Name).ToList();
        console.MarkupLine(Markup.Escape($"Medications now: {(current.Count > 0 ? string.Join(", ", current) : "none recorded")}. Plan: {(data.Plan is null ? "none set" : "set")}."));
        console.MarkupLine(Markup.Escape(LdnApp.Notice));
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string S(int? score) => score?.ToString(CultureInfo.InvariantCulture) ?? "–";

    private static string Mg(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " mg";

    private static string Local(Instant at, string zone) => Markup.Escape(at.InZone(JournalTime.Zone(zone)).ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture));
}
