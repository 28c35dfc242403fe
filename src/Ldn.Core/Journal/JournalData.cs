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

    public PlanRecord? Plan { get; init; }

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
