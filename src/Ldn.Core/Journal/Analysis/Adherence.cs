using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// One step of one plan version, over the days that version was in force, up to the as-of day: planned
/// dose-days (those whose dose was due, <see cref="AnalysisOptions.MissedDoseGrace"/>), days a dose was
/// taken, taken doses off the planned dose by more than the tolerance, and taken doses at another time
/// of day than planned (a bedtime dose on a morning plan, or the other way round).
/// </summary>
public sealed record AdherenceStep(int Step, LocalDate From, LocalDate To, decimal PlannedMg, int PlannedDays, int TakenDays, int OffPlanDays)
{
    /// <summary>The plan version the step belongs to (<see cref="PlanVersion.Id"/>).</summary>
    public long PlanVersionId { get; init; }

    /// <summary>The step's planned clock time.</summary>
    public ClockTime PlannedAt { get; init; }

    /// <summary>Taken days whose dosing time (bedtime or morning) is not the planned one.</summary>
    public int OffTimeDays { get; init; }

    public double? Share => PlannedDays == 0 ? null : TakenDays / (double)PlannedDays;
}

/// <summary>One plan version over the days it was in force (from its start to the day before the next version, or the as-of day).</summary>
public sealed record AdherenceVersion(long PlanVersionId, LocalDate From, LocalDate To, string? Adjustment, IReadOnlyList<AdherenceStep> Steps)
{
    public int Expected => Steps.Sum(s => s.PlannedDays);

    public int Taken => Steps.Sum(s => s.TakenDays);

    public int OffPlanDays => Steps.Sum(s => s.OffPlanDays);

    public double? Share => Expected == 0 ? null : Taken / (double)Expected;
}

/// <summary>A day whose taken dose or dosing time differs from the plan in force that day.</summary>
public sealed record OffPlanDay(LocalDate Date, decimal TakenMg, decimal PlannedMg, DoseTiming Timing, ClockTime PlannedAt, bool OffDose, bool OffTime);

/// <summary>
/// How closely doses were taken. With a plan (<see cref="FromPlan"/>): each day is judged against the plan
/// version in force on it (<see cref="JournalData.PlanOn"/>), so days before a <c>plan set</c> or
/// <c>plan adjust</c> still count against the earlier plan. Adherence is the share of planned dose-days,
/// from the plan's first day to the as-of day, on which a dose was taken; a day's dose is planned only once
/// it is due (its planned clock time plus <see cref="AnalysisOptions.MissedDoseGrace"/> has passed, when
/// the analysis knows the current instant). <see cref="OffPlanDays"/> counts taken days whose dose differs
/// from the planned one by more than the tolerance. Without a plan: taken / (taken + skipped) logged doses;
/// days with nothing logged are not counted.
/// </summary>
public sealed record Adherence(bool FromPlan, int Expected, int Taken, int OffPlanDays, IReadOnlyList<AdherenceStep> Steps, string Basis)
{
    public double? Share => Expected == 0 ? null : Taken / (double)Expected;

    /// <summary>The plan versions in force up to the as-of day, oldest first, each with its steps.</summary>
    public IReadOnlyList<AdherenceVersion> Versions { get; init; } = [];

    /// <summary>Taken days whose dosing time differs from the plan's (bedtime against morning).</summary>
    public int OffTimeDays { get; init; }

    /// <summary>Every taken day off the plan by dose or time, oldest first.</summary>
    public IReadOnlyList<OffPlanDay> OffPlan { get; init; } = [];

    /// <summary>Planned days left out because their dose was not yet due at the analysis instant (0 without one).</summary>
    public int NotYetDueDays { get; init; }
}
