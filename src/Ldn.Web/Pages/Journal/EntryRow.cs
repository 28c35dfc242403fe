using System.Globalization;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;

namespace Ldn.Web.Pages.Journal;

/// <summary>
/// One journal entry as a line of the pages: its kind and id (per kind), its revision, when it happened
/// (<see cref="At"/> for ordering, <see cref="When"/> as "2026-12-01 22:00" in the entry's zone), a title
/// ("Taken 1.5 mg capsule"), details (scores, severity, end), the note, and whether it is deleted.
/// </summary>
internal sealed record EntryRow(JournalEntryKind Kind, long Id, int Revision, Instant At, string When, string Title, string? Detail, string? Note, bool Deleted)
{
    /// <summary>The kind as the routes write it: dose, check-in, side-effect, event, medication.</summary>
    public string KindName => JournalEntryKinds.Name(Kind);

    public string EditUrl => $"/journal/edit/{KindName}/{Id.ToString(CultureInfo.InvariantCulture)}";

    public string HistoryUrl => $"/journal/history/{KindName}/{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The anchor of the entry's line on <c>/journal</c>.</summary>
    public string Anchor => $"{KindName}-{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The line of <paramref name="entry"/>; check-in scores are labelled from <paramref name="scales"/>.</summary>
    public static EntryRow Of(IJournalEntry entry, JournalService journal, IReadOnlyList<SymptomScale> scales, bool deleted = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(scales);
        return entry switch
        {
            DoseEntry d => new(d.Kind, d.Id, d.Revision, d.At, journal.Describe(d.At, d.TimeZoneId),
                $"{(d.Skipped ? "Skipped" : "Taken")} {AdviceState.Mg(d.DoseMg)} {d.Formulation.Name()}", null, d.Note, deleted),
            CheckInEntry c => new(c.Kind, c.Id, c.Revision, c.At, journal.Describe(c.At, c.TimeZoneId), "Check-in", Scores(c, scales), c.Note, deleted),
            SideEffectEntry s => new(JournalEntryKind.SideEffect, s.Id, s.Revision, s.From, journal.Describe(s.From, s.TimeZoneId),
                $"Side effect: {s.Kind}{(s.TypedName is { } typed ? $" (“{typed}”)" : "")}",
                $"{Severity(s.Severity)}, {(s.To is { } to ? $"until {journal.Describe(to, s.TimeZoneId)}" : "ongoing")}", s.Note, deleted),
            EventEntry e => new(JournalEntryKind.Event, e.Id, e.Revision, e.At, journal.Describe(e.At, e.TimeZoneId), $"Event: {EventKinds.Name(e.Kind)}", null, e.Note, deleted),
            MedicationEntry m => new(m.Kind, m.Id, m.Revision, m.Since, journal.Describe(m.Since, journal.Profile.TimeZoneId),
                $"Medication: {m.Name}", m.Until is { } until ? $"last taken {journal.Describe(until, journal.Profile.TimeZoneId)}" : "taken now", null, deleted),
            _ => throw new ArgumentOutOfRangeException(nameof(entry), "Plan versions are not journal lines."),
        };
    }

    /// <summary>mild, moderate or severe.</summary>
    public static string Severity(SideEffectSeverity severity) => severity.ToString().ToLowerInvariant();

    private static string Scores(CheckInEntry checkIn, IReadOnlyList<SymptomScale> scales) =>
        string.Join(" · ", checkIn.Scores().Select(p =>
            $"{scales.FirstOrDefault(s => s.Id == p.Key)?.Label ?? p.Key} {p.Value.ToString(CultureInfo.InvariantCulture)}"));
}
