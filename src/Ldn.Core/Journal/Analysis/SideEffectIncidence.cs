namespace Ldn.Core.Journal.Analysis;

/// <summary>Days on which a side-effect kind was ongoing, within one group's dose-days.</summary>
public sealed record KindCount(string Kind, int Days);

/// <summary>
/// One group of dose-days (a dose level or a dosing time): how many, on how many a side effect was
/// ongoing, that as a rate per 100 dose-days with its 95% Wilson interval, and the kinds seen.
/// </summary>
public sealed record IncidenceGroup(
    string Label,
    decimal? DoseMg,
    DoseTiming? Timing,
    int DoseDays,
    int DaysWithSideEffect,
    double Per100DoseDays,
    double Lower95,
    double Upper95,
    IReadOnlyList<KindCount> Kinds);

/// <summary>
/// Side effects by dose level and by dosing time. The unit is the dose-day; side effects last several
/// days, so days are not independent and the Wilson interval, which assumes they are, is too narrow
/// (<see cref="Caveat"/>).
/// </summary>
public sealed record SideEffectIncidence(IReadOnlyList<IncidenceGroup> ByDose, IReadOnlyList<IncidenceGroup> ByTiming)
{
    public const string Caveat =
        "Intervals treat dose-days as independent; a side effect lasting several days makes neighbouring days alike, so the true uncertainty is larger (the intervals are optimistic).";
}
