using Ldn.Core.Safety;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// A whole journal in memory, as a store loads it (or a window of it): what <c>show</c>, the analysis,
/// the report, the exports and <c>advise</c> read. Lists are in time order.
/// </summary>
public sealed record JournalData
{
    public required JournalProfile Profile { get; init; }

    /// <summary>
    /// Every version of the titration plan (deleted ones left out), ordered by <see cref="PlanVersion.From"/>
    /// and then by id: a later version with the same start replaces an earlier one from that day.
    /// </summary>
    public IReadOnlyList<PlanVersion> Plans { get; init; } = [];

    /// <summary>The newest version (the one in force from the last start date), or null without a plan.</summary>
    public PlanVersion? Plan => Plans.Count == 0 ? null : Plans[^1];

    /// <summary>The journal's symptom scales: the five built-in ones, then the patient's own in the order added.</summary>
    public IReadOnlyList<SymptomScale> Scales { get; init; } = SymptomScales.BuiltIn;

    /// <summary>The history of changes, oldest first; empty unless the caller loaded it (exports do).</summary>
    public IReadOnlyList<JournalChange> History { get; init; } = [];

    /// <summary>The plan version in force on <paramref name="day"/>: the last one starting on or before it; null before the first.</summary>
    public PlanVersion? PlanOn(LocalDate day) => Plans.LastOrDefault(p => p.From <= day);

    /// <summary>The day before the next version starts, or null for the newest version.</summary>
    public LocalDate? PlanEnd(PlanVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var index = Plans.ToList().IndexOf(version);
        return index >= 0 && index + 1 < Plans.Count ? Plans[index + 1].From.PlusDays(-1) : null;
    }

    public IReadOnlyList<DoseEntry> Doses { get; init; } = [];

    public IReadOnlyList<CheckInEntry> CheckIns { get; init; } = [];

    public IReadOnlyList<SideEffectEntry> SideEffects { get; init; } = [];

    public IReadOnlyList<EventEntry> Events { get; init; } = [];

    public IReadOnlyList<MedicationEntry> Medications { get; init; } = [];

    /// <summary>
    /// The patient as the safety checks see them on <paramref name="today"/>: medications still taken, and
    /// stopped ones with the day they were last taken (so an opioid's washout is checked).
    /// </summary>
    public PatientProfile PatientOn(LocalDate today, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new PatientProfile
        {
            Medications = [.. Medications
                .Where(m => m.Since.InZone(zone).Date <= today)
                .Select(m => new MedicationUse(m.Name, m.Until is { } until && until.InZone(zone).Date <= today ? until.InZone(zone).Date.ToDateOnly() : null))],
            HepaticImpairment = Profile.HepaticImpairment,
            RenalImpairment = Profile.RenalImpairment,
            Pregnant = Profile.Pregnant,
            Breastfeeding = Profile.Breastfeeding,
            // Thyroid replacement is recognised from the medications (levothyroxine, Synthroid …).
            TransplantImmunosuppression = Profile.TransplantImmunosuppression,
            PlannedSurgery = Profile.PlannedSurgery?.ToDateOnly(),
        };
    }
}
