using Ldn.Core.Advice;
using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// Turns a journal into the state the adjustment rules read (<see cref="AdviceState"/>) for one day. The
/// current arrangement is the last dose taken, unless the plan version in force began after it (a plan
/// adjustment not yet taken): then it is that version's step. Days on the step count the days taken at
/// that dose since it last changed; the plan's ladder (kept across holds and step-downs) gives the next
/// and previous doses and the step length; <see cref="AdviceState.DaysSinceChange"/> is the time since
/// the dose changed or the plan was adjusted, whichever is later, so that rules with a settling time
/// wait. Side effects are those ongoing that day, and a flare counts if one was logged in the last
/// <see cref="FlareWindowDays"/> days. Medications and conditions come from the profile, so an opioid
/// added to the record always ends in stop-and-contact-prescriber. Days are each entry's own local days.
/// </summary>
public static class JournalAdvice
{
    /// <summary>A flare logged within the last week holds escalation (the tool's own rule, like the flare rule itself).</summary>
    public const int FlareWindowDays = 7;

    /// <exception cref="InvalidInputException">Nothing taken and no plan: there is no dose to reason about.</exception>
    public static AdviceState StateOn(JournalData data, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(data);
        var zone = JournalTime.Zone(data.Profile.TimeZoneId);
        var version = data.PlanOn(today) ?? (data.Plans.Count > 0 ? data.Plans[0] : null);
        var taken = data.Doses.Where(d => !d.Skipped && JournalService.DoseDay(d.At, d.TimeZoneId) <= today).OrderBy(d => d.At).ToList();
        var lastDay = taken.Count > 0 ? JournalService.DoseDay(taken[^1].At, taken[^1].TimeZoneId) : (LocalDate?)null;
        var planStep = version?.StepOn(today) ?? version?.Steps[0];
        var adjusted = version is not null && data.Plans.Count > 0 && !ReferenceEquals(version, data.Plans[0]) && version.From <= today;

        decimal current;
        int daysOnStep;
        ClockTime? doseTime;
        Dosing.Formulation formulation;
        int? sinceDoseChange = null;
        string? doseChange = null;
        if (taken.Count > 0 && !(adjusted && version!.From > lastDay) )
        {
            var last = taken[^1];
            current = last.DoseMg;
            formulation = last.Formulation;
            var local = last.At.InZone(JournalTime.Zone(last.TimeZoneId)).TimeOfDay;
            doseTime = ClockTime.FromHoursAndMinutes(local.Hour, local.Minute);
            var changed = taken.FindLastIndex(d => d.DoseMg != current);
            var onStep = taken.Skip(changed + 1).Select(d => JournalService.DoseDay(d.At, d.TimeZoneId)).Distinct().ToList();
            daysOnStep = onStep.Count;
            if (changed >= 0)
            {
                sinceDoseChange = Period.Between(onStep[0], today, PeriodUnits.Days).Days;
                doseChange = $"the dose changed to {AdviceState.Mg(current)} on {onStep[0]:uuuu-MM-dd}";
            }
        }
        else if (planStep is not null)
        {
            // Nothing taken yet, or the plan was adjusted after the last dose: the plan's step is where the
            // patient stands, with the days already taken at that dose.
            current = planStep.DoseMg;
            formulation = planStep.Formulation;
            doseTime = planStep.At;
            daysOnStep = taken.AsEnumerable().Reverse().TakeWhile(d => d.DoseMg == current)
                .Select(d => JournalService.DoseDay(d.At, d.TimeZoneId)).Distinct().Count();
        }
        else
        {
            throw new InvalidInputException("The journal has no dose taken and no plan; log a dose ('ldn journal dose') or set a plan ('ldn journal plan set FILE') first.");
        }

        decimal? next = null;
        decimal? previous = null;
        var stepDays = 14;
        if (version is not null)
        {
            var (ladder, start) = PlanAdjuster.LadderOf(version);
            // The ladder step with this dose: the one the version is on today if it has this dose, else the nearest.
            var position = Math.Clamp(start + Math.Max(0, version.Steps.ToList().FindLastIndex(s => s.From <= today.ToDateOnly())), 0, ladder.Count - 1);
            var index = ladder[position].DoseMg == current
                ? position
                : ladder.Select((s, i) => (s, i)).Where(x => x.s.DoseMg == current).OrderBy(x => Math.Abs(x.i - position)).Select(x => (int?)x.i).FirstOrDefault() ?? -1;
            if (index >= 0)
            {
                next = index + 1 < ladder.Count ? ladder[index + 1].DoseMg : null;
                previous = index > 0 ? ladder[index - 1].DoseMg : null;
                stepDays = ladder[index].Days ?? stepDays;
            }
            else
            {
                // A dose off the plan (a step-down by hand, say): the plan's doses around it.
                next = ladder.Select(s => s.DoseMg).Where(d => d > current).Order().Cast<decimal?>().FirstOrDefault();
                previous = ladder.Select(s => s.DoseMg).Where(d => d < current).OrderDescending().Cast<decimal?>().FirstOrDefault();
            }
        }

        var (sinceChange, lastChange) = (sinceDoseChange, doseChange);
        if (adjusted)
        {
            var sincePlan = Period.Between(version!.From, today, PeriodUnits.Days).Days;
            if (sinceChange is null || sincePlan < sinceChange)
            {
                (sinceChange, lastChange) = (sincePlan, $"the plan was adjusted ({version.Adjustment ?? "set"}) from {version.From:uuuu-MM-dd}");
            }
        }

        return new AdviceState
        {
            Protocol = version is null ? null : "journal plan",
            CurrentDoseMg = current,
            DaysOnStep = daysOnStep,
            StepDays = stepDays,
            NextDoseMg = next,
            PreviousDoseMg = previous,
            DoseTime = doseTime,
            Formulation = formulation,
            DaysSinceChange = sinceChange,
            LastChange = lastChange,
            Today = today.ToDateOnly(),
            SideEffects = [.. data.SideEffects
                .Where(s => Day(s.From, s.TimeZoneId) <= today && (s.To is not { } to || Day(to, s.TimeZoneId) >= today))
                .Select(s => new SideEffectReport(s.Kind, s.Severity, Period.Between(Day(s.From, s.TimeZoneId), today, PeriodUnits.Days).Days + 1))],
            Flare = data.Events.Any(e => e.Kind == JournalEventKind.Flare && Day(e.At, e.TimeZoneId) <= today && Day(e.At, e.TimeZoneId) > today.PlusDays(-FlareWindowDays)),
            Patient = data.PatientOn(today, zone),
        };
    }

    private static LocalDate Day(Instant at, string zoneId) => JournalService.LocalDay(at, zoneId);
}
