using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>One plan step up to the as-of day: planned dose-days, days a dose was taken, and taken doses off the plan by more than the tolerance.</summary>
public sealed record AdherenceStep(int Step, LocalDate From, LocalDate To, decimal PlannedMg, int PlannedDays, int TakenDays, int OffPlanDays)
{
    public double? Share => PlannedDays == 0 ? null : TakenDays / (double)PlannedDays;
}

/// <summary>
/// How closely doses were taken. With a plan (<see cref="FromPlan"/>): the share of planned dose-days,
/// from the plan's first day to the as-of day, on which a dose was taken, with
/// <see cref="OffPlanDays"/> those taken days whose dose differs from the planned one by more than the
/// tolerance. Without a plan: taken / (taken + skipped) logged doses; days with nothing logged are not counted.
/// </summary>
public sealed record Adherence(bool FromPlan, int Expected, int Taken, int OffPlanDays, IReadOnlyList<AdherenceStep> Steps, string Basis)
{
    public double? Share => Expected == 0 ? null : Taken / (double)Expected;
}
