using Ldn.Core.Advice;
using NodaTime;

namespace Ldn.Core.Journal;

public sealed partial class JournalService
{
    /// <summary>
    /// The entries whose own local day lies in [<paramref name="first"/>, <paramref name="last"/>] (either
    /// open), with the profile, plan versions, scales and medications whole. An entry's day is its own
    /// zone's day, so a dose at 22:00 in Los Angeles is on that day even when it is morning at home.
    /// </summary>
    /// <exception cref="InvalidInputException"><paramref name="first"/> is after <paramref name="last"/>.</exception>
    public JournalData LoadDays(LocalDate? first, LocalDate? last, bool withHistory = false)
    {
        if (first > last)
        {
            throw new InvalidInputException($"The first day {first:uuuu-MM-dd} is after the last day {last:uuuu-MM-dd}.");
        }

        // Zones differ from home by at most 26 hours: load a day more on each side, then keep each
        // entry by its own local day.
        var data = Store.Load(
            first?.PlusDays(-2).AtStartOfDayInZone(HomeZone).ToInstant(),
            last?.PlusDays(3).AtStartOfDayInZone(HomeZone).ToInstant(),
            withHistory);
        bool In(Instant at, string zone)
        {
            var day = LocalDay(at, zone);
            return (first is null || day >= first) && (last is null || day <= last);
        }

        bool Overlaps(SideEffectEntry s) =>
            (last is null || LocalDay(s.From, s.TimeZoneId) <= last) && (first is null || s.To is not { } to || LocalDay(to, s.TimeZoneId) >= first);

        return data with
        {
            Doses = [.. data.Doses.Where(d => In(d.At, d.TimeZoneId))],
            CheckIns = [.. data.CheckIns.Where(c => In(c.At, c.TimeZoneId))],
            Events = [.. data.Events.Where(e => In(e.At, e.TimeZoneId))],
            SideEffects = [.. data.SideEffects.Where(Overlaps)],
        };
    }

    /// <summary>Everything up to and including <paramref name="day"/> (each entry by its own local day).</summary>
    public JournalData LoadUpTo(LocalDate day) => LoadDays(null, day);

    /// <summary>The plan version in force on <paramref name="day"/>, or null before the first plan.</summary>
    public PlanVersion? PlanOn(LocalDate day) => Store.Load(Now, Now).PlanOn(day);

    /// <summary>The state the adjustment rules read on <paramref name="day"/> (default today).</summary>
    public AdviceState AdviceState(LocalDate? day = null)
    {
        var on = day ?? Today;
        return JournalAdvice.StateOn(LoadUpTo(on), on);
    }

    /// <summary>The rules' advice for <paramref name="day"/> (default today), with the data it was read from.</summary>
    public (Advice.Advice Advice, JournalData Data) Advise(LocalDate? day = null)
    {
        var on = day ?? Today;
        var data = LoadUpTo(on);
        return (AdjustmentRules.Decide(JournalAdvice.StateOn(data, on)), data);
    }

    /// <summary>The safety findings on <paramref name="day"/> (default today): plan and recent doses, medications, conditions.</summary>
    public IReadOnlyList<Safety.SafetyFinding> Safety(LocalDate? day = null)
    {
        var on = day ?? Today;
        return JournalSafety.Evaluate(LoadUpTo(on), on);
    }
}
