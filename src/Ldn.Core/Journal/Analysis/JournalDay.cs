using Ldn.Core.Advice;
using Ldn.Core.Protocols;
using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>What the day's dose log says.</summary>
public enum DoseStatus
{
    /// <summary>Nothing logged.</summary>
    NotLogged,

    /// <summary>A skipped dose logged and no dose taken.</summary>
    Skipped,

    /// <summary>At least one dose taken.</summary>
    Taken,
}

/// <summary>When the day's doses were taken, on the patient's local clock.</summary>
public enum DoseTiming
{
    None,

    /// <summary>18:00–05:59 (by default): the usual LDN bedtime dose.</summary>
    Bedtime,

    /// <summary>06:00–17:59: morning or daytime dosing (the switch advised after sleep problems).</summary>
    Morning,

    /// <summary>Doses on both sides of the line on one day.</summary>
    Mixed,
}

/// <summary>
/// One row of the day table: one local calendar day of the patient. <see cref="Scores"/> holds the day's
/// mean score on each scale of the journal's catalogue (in the catalogue's order, <see cref="DayTable.Scales"/>),
/// NaN without a check-in on that scale. <see cref="LevelMg"/> is the daily dose of the most recent
/// dose-day (null before the first dose and after a lapse); <see cref="DaysAtLevel"/> counts from the day
/// that level started (0 on the change day). <see cref="PlanVersionId"/> and <see cref="PlannedStep"/> are
/// the plan version in force that day and its step (null without a plan, before it, or between steps).
/// </summary>
public sealed record JournalDay(
    LocalDate Date,
    DoseStatus Dose,
    decimal DoseMg,
    int DoseCount,
    LocalTime? DoseTime,
    DoseTiming Timing,
    decimal? LevelMg,
    int DaysAtLevel,
    ScaleScores Scores,
    IReadOnlyList<string> SideEffects,
    SideEffectSeverity? MaxSeverity,
    bool Flare)
{
    public bool AnySideEffect => SideEffects.Count > 0;

    public long? PlanVersionId { get; init; }

    public PlanStep? PlannedStep { get; init; }

    /// <summary>The day's mean score on scale <paramref name="scaleId"/>; NaN without a check-in on it or for a scale not in the catalogue.</summary>
    public double Score(string scaleId) => Scores[scaleId];
}
