using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// What every correctable journal entry has: its kind, its id (per kind, stable: assigned once by the
/// store, kept by export and import) and its revision (1 when added, +1 on each edit, delete or
/// restore), which optimistic concurrency checks before a change.
/// </summary>
public interface IJournalEntry
{
    JournalEntryKind Kind { get; }

    long Id { get; }

    int Revision { get; }
}

/// <summary>
/// A dose taken or skipped. <see cref="At"/> is an instant; <see cref="TimeZoneId"/> is the IANA zone the
/// patient was in, so "22:00" means what the patient's clock said, across daylight-saving changes and
/// travel. <see cref="Id"/> is 0 until the store assigns one.
/// </summary>
public sealed record DoseEntry(long Id, Instant At, string TimeZoneId, decimal DoseMg, Formulation Formulation, bool Skipped, string? Note = null) : IJournalEntry
{
    public JournalEntryKind Kind => JournalEntryKind.Dose;

    public int Revision { get; init; } = 1;
}

/// <summary>
/// A daily check-in on 0–10 scales (higher = worse for fatigue and pain, higher = better for sleep
/// quality, mood and focus, as the patient is told when asked). A scale left out is null. Scores on the
/// journal's own scales (<see cref="SymptomScale"/>, e.g. "brain-fog") are in <see cref="OtherScores"/>,
/// keyed by scale id; <see cref="Score"/> reads any scale, built-in or not.
/// </summary>
public sealed record CheckInEntry(long Id, Instant At, string TimeZoneId, int? Fatigue, int? Pain, int? Sleep, int? Mood, int? Focus, string? Note = null) : IJournalEntry
{
    public JournalEntryKind Kind => JournalEntryKind.CheckIn;

    public int Revision { get; init; } = 1;

    /// <summary>Scores (0–10) on scales other than the five built-in ones, by scale id.</summary>
    public IReadOnlyDictionary<string, int> OtherScores { get; init; } = EmptyScores;

    private static readonly IReadOnlyDictionary<string, int> EmptyScores = new Dictionary<string, int>();

    /// <summary>Value equality including the scores on the journal's own scales (a record compares a dictionary by reference).</summary>
    public bool Equals(CheckInEntry? other) =>
        other is not null
        && (Id, At, TimeZoneId, Fatigue, Pain, Sleep, Mood, Focus, Note, Revision) == (other.Id, other.At, other.TimeZoneId, other.Fatigue, other.Pain, other.Sleep, other.Mood, other.Focus, other.Note, other.Revision)
        && OtherScores.Count == other.OtherScores.Count
        && OtherScores.All(p => other.OtherScores.TryGetValue(p.Key, out var v) && v == p.Value);

    public override int GetHashCode() => HashCode.Combine(Id, At, TimeZoneId, HashCode.Combine(Fatigue, Pain, Sleep, Mood, Focus), Note, Revision, OtherScores.Count);

    /// <summary>The score on scale <paramref name="scaleId"/> (built-in or the journal's own), null when not given.</summary>
    public int? Score(string scaleId) => scaleId switch
    {
        SymptomScales.Fatigue => Fatigue,
        SymptomScales.Pain => Pain,
        SymptomScales.Sleep => Sleep,
        SymptomScales.Mood => Mood,
        SymptomScales.Focus => Focus,
        _ => OtherScores.TryGetValue(scaleId, out var v) ? v : null,
    };

    /// <summary>Every score given, built-in scales first, as <c>{ scaleId: value }</c>.</summary>
    public IReadOnlyDictionary<string, int> Scores()
    {
        var all = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in SymptomScales.BuiltInIds)
        {
            if (Score(id) is { } v)
            {
                all[id] = v;
            }
        }

        foreach (var (id, v) in OtherScores.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            all[id] = v;
        }

        return all;
    }

    /// <summary>A check-in with the given scores, built-in ones into their fields and the rest into <see cref="OtherScores"/>.</summary>
    public static CheckInEntry WithScores(long id, Instant at, string timeZoneId, IReadOnlyDictionary<string, int> scores, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        int? Get(string key) => scores.TryGetValue(key, out var v) ? v : null;
        return new CheckInEntry(id, at, timeZoneId, Get(SymptomScales.Fatigue), Get(SymptomScales.Pain), Get(SymptomScales.Sleep), Get(SymptomScales.Mood), Get(SymptomScales.Focus), note)
        {
            OtherScores = scores.Where(p => !SymptomScales.IsBuiltIn(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        };
    }
}

/// <summary>
/// A side effect from <see cref="From"/> to <see cref="To"/> (null while it lasts); the kind is from the
/// evidence vocabulary. <see cref="TypedName"/> keeps the words the patient typed when they were an alias
/// ("nightmares" recorded as vivid-dreams), so nothing is mapped silently.
/// </summary>
public sealed record SideEffectEntry(long Id, string Kind, SideEffectSeverity Severity, Instant From, Instant? To, string TimeZoneId, string? Note = null) : IJournalEntry
{
    JournalEntryKind IJournalEntry.Kind => JournalEntryKind.SideEffect;

    public int Revision { get; init; } = 1;

    /// <summary>The name as typed, when it differed from <see cref="Kind"/>; null otherwise.</summary>
    public string? TypedName { get; init; }
}

/// <summary>Something that happened: a flare, an infection, a medication change, or anything else worth noting.</summary>
public sealed record EventEntry(long Id, Instant At, string TimeZoneId, JournalEventKind Kind, string? Note = null) : IJournalEntry
{
    JournalEntryKind IJournalEntry.Kind => JournalEntryKind.Event;

    public int Revision { get; init; } = 1;
}

public enum JournalEventKind
{
    Flare,
    Infection,
    MedicationChange,
    Other,
}

/// <summary>A medication the patient takes from <see cref="Since"/>, until <see cref="Until"/> (null while taken).</summary>
public sealed record MedicationEntry(long Id, string Name, Instant Since, Instant? Until) : IJournalEntry
{
    public JournalEntryKind Kind => JournalEntryKind.Medication;

    public int Revision { get; init; } = 1;
}

/// <summary>
/// Who the journal is for: a display name, the home time zone, the conditions (ids of the evidence
/// catalogue where one matches) and the flags the safety checks use. Medications are entries of their
/// own, because they start and stop.
/// </summary>
public sealed record JournalProfile
{
    public string? Name { get; init; }

    /// <summary>IANA zone for times typed without one ("22:00", "yesterday").</summary>
    public required string TimeZoneId { get; init; }

    public IReadOnlyList<string> Conditions { get; init; } = [];

    public bool HepaticImpairment { get; init; }

    public bool RenalImpairment { get; init; }

    public bool Pregnant { get; init; }

    public bool Breastfeeding { get; init; }

    public bool TransplantImmunosuppression { get; init; }

    public LocalDate? PlannedSurgery { get; init; }
}
