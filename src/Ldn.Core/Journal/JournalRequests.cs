using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// A dose to record, as a front end received it. Times are text as the user typed them (<c>22:00</c>,
/// <c>yesterday 22:00</c>, ISO 8601 with an offset), read in <see cref="TimeZone"/> or the journal's zone.
/// </summary>
/// <param name="DoseMg">The dose in mg; null takes the plan's dose for that day.</param>
/// <param name="At">When (default now).</param>
/// <param name="TimeZone">An IANA zone or <c>UTC±HH:mm</c> the patient was in; null: the journal's zone, or the typed offset.</param>
/// <param name="Formulation">Null: the plan's, or capsule.</param>
/// <param name="Skipped">The dose was skipped.</param>
/// <param name="Note">A free note.</param>
public sealed record DoseRequest(decimal? DoseMg = null, string? At = null, string? TimeZone = null, Formulation? Formulation = null, bool Skipped = false, string? Note = null);

/// <summary>A check-in: scores by scale (id or label, e.g. "brain fog"), each 0–10.</summary>
public sealed record CheckInRequest(IReadOnlyDictionary<string, int> Scores, string? At = null, string? TimeZone = null, string? Note = null);

/// <summary>A side effect as typed: a kind, an alias of one ("nightmares") or a near miss ("nightmres", asked about).</summary>
public sealed record SideEffectRequest(string Name, SideEffectSeverity Severity = SideEffectSeverity.Mild, string? From = null, string? To = null, string? TimeZone = null, string? Note = null);

/// <summary>An event: a flare, an infection, a medication change or another.</summary>
public sealed record EventRequest(JournalEventKind Kind, string? At = null, string? TimeZone = null, string? Note = null);

/// <summary>Fields to change on a dose; null leaves a field as it is (an empty note clears the note).</summary>
public sealed record DoseEdit(decimal? DoseMg = null, string? At = null, string? TimeZone = null, Formulation? Formulation = null, bool? Skipped = null, string? Note = null);

/// <summary>Fields to change on a check-in; <see cref="Scores"/> sets the named scales (others stay).</summary>
public sealed record CheckInEdit(IReadOnlyDictionary<string, int>? Scores = null, string? At = null, string? TimeZone = null, string? Note = null);

/// <summary>Fields to change on a side effect; <see cref="To"/> "ongoing" reopens it.</summary>
public sealed record SideEffectEdit(string? Name = null, SideEffectSeverity? Severity = null, string? From = null, string? To = null, string? TimeZone = null, string? Note = null);

/// <summary>Fields to change on an event.</summary>
public sealed record EventEdit(JournalEventKind? Kind = null, string? At = null, string? TimeZone = null, string? Note = null);

/// <summary>Fields to change on a medication; <see cref="Until"/> "ongoing" makes it current again.</summary>
public sealed record MedicationEdit(string? Name = null, string? Since = null, string? Until = null);

/// <summary>An entry as stored, with what the user should be told about it (a mapping made, the plan's dose).</summary>
public sealed record Recorded<T>(T Entry, IReadOnlyList<string> Notes)
    where T : IJournalEntry;

/// <summary>The day a dose belongs to, and its instant and zone.</summary>
internal readonly record struct EntryTime(Instant At, DateTimeZone Zone)
{
    public LocalDateTime Local => At.InZone(Zone).LocalDateTime;
}
