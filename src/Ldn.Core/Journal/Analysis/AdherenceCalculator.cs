using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>Computes <see cref="Adherence"/> from the day table and, when the journal has one, the plan version in force on each day.</summary>
public static class AdherenceCalculator
{
    /// <summary>
    /// Adherence up to <paramref name="asOf"/>. With <paramref name="now"/>, a planned day whose dose is not
    /// yet due at that instant (and was not taken) is left out; without it every planned day up to the
    /// as-of day counts.
    /// </summary>
    public static Adherence Compute(JournalData data, DayTable table, LocalDate asOf, AnalysisOptions options, Instant? now = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        return data.Plans.Count == 0 ? FromLog(data, asOf, options) : FromPlan(data, table, asOf, options, now);
    }

    public static Adherence FromPlan(JournalData data, DayTable table, LocalDate asOf, AnalysisOptions options, Instant? now = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var zone = DayTable.ZoneResolver.Read(data.Profile.TimeZoneId) ?? DateTimeZone.Utc;
        var versions = new List<AdherenceVersion>(data.Plans.Count);
        var offPlan = new List<OffPlanDay>();
        var notYetDue = 0;
        foreach (var version in data.Plans)
        {
            var end = data.PlanEnd(version) is { } e && e < asOf ? e : asOf;
            if (version.From > end)
            {
                continue; // superseded from its first day, or starting after the as-of day
            }

            var rows = new List<AdherenceStep>(version.Steps.Count);
            foreach (var step in version.Steps)
            {
                var from = Max(LocalDate.FromDateOnly(step.From), version.From);
                var to = step.To is { } stepEnd && LocalDate.FromDateOnly(stepEnd) < end ? LocalDate.FromDateOnly(stepEnd) : end;
                if (from > to)
                {
                    continue;
                }

                int planned = 0, taken = 0, off = 0, offTime = 0;
                var planMg = step.TakenDoseMg;
                var planTiming = Timing(step.At, options);
                for (var date = from; date <= to; date = date.PlusDays(1))
                {
                    var day = table[date];
                    if (day is not { Dose: DoseStatus.Taken })
                    {
                        if (day is not { Dose: DoseStatus.Skipped } && now is { } instant && Due(date, step.At, zone, options) > instant)
                        {
                            notYetDue++;
                            continue;
                        }

                        planned++;
                        continue;
                    }

                    planned++;
                    taken++;
                    var offDose = Math.Abs(day.DoseMg - planMg) > options.OffPlanTolerance * planMg;
                    var offClock = day.Timing != planTiming;
                    off += offDose ? 1 : 0;
                    offTime += offClock ? 1 : 0;
                    if (offDose || offClock)
                    {
                        offPlan.Add(new OffPlanDay(date, day.DoseMg, planMg, day.Timing, step.At, offDose, offClock));
                    }
                }

                rows.Add(new AdherenceStep(step.Number, from, to, planMg, planned, taken, off)
                {
                    PlanVersionId = version.Id,
                    PlannedAt = step.At,
                    OffTimeDays = offTime,
                });
            }

            versions.Add(new AdherenceVersion(version.Id, version.From, end, version.Adjustment, rows));
        }

        var steps = versions.SelectMany(v => v.Steps).ToList();
        return new Adherence(
            true, steps.Sum(r => r.PlannedDays), steps.Sum(r => r.TakenDays), steps.Sum(r => r.OffPlanDays), steps,
            $"Each day is judged against the plan version in force that day. Planned dose-days from the plan's first day to {asOf:yyyy-MM-dd} on which a dose was taken; "
            + $"a day's dose counts as missed only once its planned time plus {options.MissedDoseGrace.TotalHours:0.#} hours has passed; "
            + $"a dose more than {options.OffPlanTolerance:P0} from the planned one, or taken at bedtime on a morning plan (or the other way round), is off-plan.")
        {
            Versions = versions,
            OffTimeDays = steps.Sum(r => r.OffTimeDays),
            OffPlan = offPlan,
            NotYetDueDays = notYetDue,
        };
    }

    public static Adherence FromLog(JournalData data, LocalDate asOf, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var zones = new DayTable.ZoneResolver(data.Profile.TimeZoneId);
        int taken = 0, skipped = 0;
        foreach (var dose in data.Doses)
        {
            var local = dose.At.InZone(zones.Get(dose.TimeZoneId)).LocalDateTime;
            var date = local.Hour < options.DoseDayStartHour ? local.Date.PlusDays(-1) : local.Date;
            if (date <= asOf)
            {
                _ = dose.Skipped ? skipped++ : taken++;
            }
        }

        return new Adherence(false, taken + skipped, taken, 0, [],
            "No plan: doses taken out of doses logged (taken + skipped) up to the as-of day; days with nothing logged are not counted.");
    }

    /// <summary>
    /// When the dose of <paramref name="date"/> stops being "not yet taken" and becomes missed: the planned
    /// clock time on that dose day (a time before <see cref="AnalysisOptions.DoseDayStartHour"/> is in the
    /// night after it) in the patient's zone, plus the grace period.
    /// </summary>
    public static Instant Due(LocalDate date, ClockTime at, DateTimeZone zone, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(options);
        var day = at.Hour < options.DoseDayStartHour ? date.PlusDays(1) : date;
        return day.At(new LocalTime(at.Hour, at.Minute)).InZoneLeniently(zone).ToInstant() + options.MissedDoseGrace;
    }

    /// <summary>The timing class of a planned clock time, by the day table's rule (bedtime from <see cref="AnalysisOptions.BedtimeStartHour"/> to <see cref="AnalysisOptions.DoseDayStartHour"/>).</summary>
    public static DoseTiming Timing(ClockTime at, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return at.Hour >= options.BedtimeStartHour || at.Hour < options.DoseDayStartHour ? DoseTiming.Bedtime : DoseTiming.Morning;
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;
}
