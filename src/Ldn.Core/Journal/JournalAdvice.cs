using Ldn.Core.Advice;
using Ldn.Core.Protocols;
using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// Turns a journal into the state the adjustment rules read (<see cref="AdviceState"/>) for one day: the
/// current dose is the last dose taken, days on the step count the days taken at that dose since it last
/// changed, the plan (if set) gives the next and previous steps and the step length, side effects are
/// those ongoing that day, and a flare counts if one was logged in the last <see cref="FlareWindowDays"/>
/// days. Medications and conditions come from the profile, so an opioid added to the record always ends
/// in stop-and-contact-prescriber.
/// </summary>
public static class JournalAdvice
{
    /// <summary>A flare logged within the last week holds escalation (the tool's own rule, like the flare rule itself).</summary>
    public const int FlareWindowDays = 7;

    public static AdviceState StateOn(JournalData data, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(data);
        var zone = JournalTime.Zone(data.Profile.TimeZoneId);
        var steps = data.PlanOn(today)?.Steps ?? (data.Plans.Count > 0 ? data.Plans[0].Steps : null);
        var taken = data.Doses.Where(d => !d.Skipped && Day(d.At, d.TimeZoneId) <= today).OrderBy(d => d.At).ToList();

        decimal current;
        int daysOnStep;
        ClockTime? doseTime = null;
        var formulation = Dosing.Formulation.Capsule;
        if (taken.Count > 0)
        {
            var last = taken[^1];
            current = last.DoseMg;
            formulation = last.Formulation;
            var local = last.At.InZone(Zone(last.TimeZoneId)).TimeOfDay;
            doseTime = ClockTime.FromHoursAndMinutes(local.Hour, local.Minute);
            var changed = taken.FindLastIndex(d => d.DoseMg != current);
            daysOnStep = taken.Skip(changed + 1).Select(d => Day(d.At, d.TimeZoneId)).Distinct().Count();
        }
        else if (steps is not null)
        {
            // Nothing taken yet: the plan's first step is where the patient stands, with no days done.
            current = steps[0].DoseMg;
            formulation = steps[0].Formulation;
            doseTime = steps[0].At;
            daysOnStep = 0;
        }
        else
        {
            throw new InvalidInputException("The journal has no dose taken and no plan; log a dose ('ldn journal dose') or set a plan ('ldn journal plan set FILE') first.");
        }

        decimal? next = null;
        decimal? previous = null;
        var stepDays = 14;
        if (steps is not null)
        {
            // The step with this dose; if several, the one whose dates hold today, else the latest begun.
            var index = steps.Select((s, i) => (s, i)).Where(x => x.s.DoseMg == current)
                .OrderByDescending(x => LocalDate.FromDateOnly(x.s.From) <= today && (x.s.To is null || LocalDate.FromDateOnly(x.s.To.Value) >= today))
                .ThenByDescending(x => x.s.From)
                .Select(x => (int?)x.i).FirstOrDefault();
            if (index is { } i)
            {
                next = i + 1 < steps.Count ? steps[i + 1].DoseMg : null;
                previous = i > 0 ? steps[i - 1].DoseMg : null;
                stepDays = steps[i].Days ?? stepDays;
            }
            else
            {
                // A dose off the plan (a step-down, say): the plan's doses around it.
                next = steps.Select(s => s.DoseMg).Where(d => d > current).Order().Cast<decimal?>().FirstOrDefault();
                previous = steps.Select(s => s.DoseMg).Where(d => d < current).OrderDescending().Cast<decimal?>().FirstOrDefault();
            }
        }

        return new AdviceState
        {
            Protocol = steps is null ? null : "journal plan",
            CurrentDoseMg = current,
            DaysOnStep = daysOnStep,
            StepDays = stepDays,
            NextDoseMg = next,
            PreviousDoseMg = previous,
            DoseTime = doseTime,
            Formulation = formulation,
            Today = today.ToDateOnly(),
            SideEffects = [.. data.SideEffects
                .Where(s => Day(s.From, s.TimeZoneId) <= today && (s.To is not { } to || Day(to, s.TimeZoneId) >= today))
                .Select(s => new SideEffectReport(s.Kind, s.Severity, Period.Between(Day(s.From, s.TimeZoneId), today, PeriodUnits.Days).Days + 1))],
            Flare = data.Events.Any(e => e.Kind == JournalEventKind.Flare && Day(e.At, e.TimeZoneId) <= today && Day(e.At, e.TimeZoneId) > today.PlusDays(-FlareWindowDays)),
            Patient = data.PatientOn(today, zone),
        };
    }

    private static LocalDate Day(Instant at, string zoneId) => at.InZone(Zone(zoneId)).Date;

    private static DateTimeZone Zone(string id) => JournalTime.Zone(id);
}
