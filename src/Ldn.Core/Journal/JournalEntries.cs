using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// A dose taken or skipped. <see cref="At"/> is an instant; <see cref="TimeZoneId"/> is the IANA zone the
/// patient was in, so "22:00" means what the patient's clock said, across daylight-saving changes and
/// travel. <see cref="Id"/> is 0 until the store assigns one.
/// </summary>
public sealed record DoseEntry(long Id, Instant At, string TimeZoneId, decimal DoseMg, Formulation Formulation, bool Skipped, string? Note = null);

/// <summary>
/// A daily check-in on 0–10 scales (higher = worse for fatigue and pain, higher = better for sleep
/// quality, mood and focus, as the patient is told when asked). A scale left out is null.
/// </summary>
public sealed record CheckInEntry(long Id, Instant At, string TimeZoneId, int? Fatigue, int? Pain, int? Sleep, int? Mood, int? Focus, string? Note = null);

/// <summary>A side effect from <see cref="From"/> to <see cref="To"/> (null while it lasts); the kind is from the evidence vocabulary.</summary>
public sealed record SideEffectEntry(long Id, string Kind, SideEffectSeverity Severity, Instant From, Instant? To, string TimeZoneId, string? Note = null);

/// <summary>Something that happened: a flare, an infection, a medication change, or anything else worth noting.</summary>
public sealed record EventEntry(long Id, Instant At, string TimeZoneId, JournalEventKind Kind, string? Note = null);

public enum JournalEventKind
{
    Flare,
    Infection,
    MedicationChange,
    Other,
}

/// <summary>A medication the patient takes from <see cref="Since"/>, until <see cref="Until"/> (null while taken).</summary>
public sealed record MedicationEntry(long Id, string Name, Instant Since, Instant? Until);

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

/// <summary>The titration plan the patient follows, as the JSON document of <c>ldn plan --json</c>, and when it was set.</summary>
public sealed record PlanRecord(Instant SetAt, string PlanJson);
