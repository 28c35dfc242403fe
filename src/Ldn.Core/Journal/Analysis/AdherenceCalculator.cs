using Ldn.Core.Protocols;
using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>Computes <see cref="Adherence"/> from the day table and, when the journal has one, its plan.</summary>
public static class AdherenceCalculator
{
    public static Adherence Compute(JournalData data, DayTable table, LocalDate asOf, AnalysisOptions options, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        IReadOnlyList<PlanStep>? steps = data.Plan?.Steps;
        return steps is null ? FromLog(data, asOf, options) : FromPlan(steps, table, asOf, options);
    }

    public static Adherence FromPlan(IReadOnlyList<PlanStep> steps, DayTable table, LocalDate asOf, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<AdherenceStep>(steps.Count);
        foreach (var step in steps)
        {
            var from = LocalDate.FromDateOnly(step.From);
            var to = step.To is { } end ? LocalDate.FromDateOnly(end) : asOf;
            if (to > asOf)
            {
                to = asOf;
            }

            if (from > to)
            {
                continue;
            }

            int planned = 0, taken = 0, off = 0;
            var planMg = step.TakenDoseMg;
            for (var date = from; date <= to; date = date.PlusDays(1))
            {
                planned++;
                if (table[date] is { Dose: DoseStatus.Taken } day)
                {
                    taken++;
                    if (Math.Abs(day.DoseMg - planMg) > options.OffPlanTolerance * planMg)
                    {
                        off++;
                    }
                }
            }

            rows.Add(new AdherenceStep(step.Number, from, to, planMg, planned, taken, off));
        }

        return new Adherence(
            true, rows.Sum(r => r.PlannedDays), rows.Sum(r => r.TakenDays), rows.Sum(r => r.OffPlanDays), rows,
            $"Planned dose-days from the plan's first day to {asOf:yyyy-MM-dd} on which a dose was taken; a dose more than {options.OffPlanTolerance:P0} from the planned one is off-plan.");
    }

    public static Adherence FromLog(JournalData data, LocalDate asOf, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        int taken = 0, skipped = 0;
        foreach (var dose in data.Doses)
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(dose.TimeZoneId ?? "")
                ?? DateTimeZoneProviders.Tzdb.GetZoneOrNull(data.Profile.TimeZoneId ?? "") ?? DateTimeZone.Utc;
            var local = dose.At.InZone(zone).LocalDateTime;
            var date = local.Hour < options.DoseDayStartHour ? local.Date.PlusDays(-1) : local.Date;
            if (date <= asOf)
            {
                _ = dose.Skipped ? skipped++ : taken++;
            }
        }

        return new Adherence(false, taken + skipped, taken, 0, [],
            "No plan: doses taken out of doses logged (taken + skipped) up to the as-of day; days with nothing logged are not counted.");
    }
}
