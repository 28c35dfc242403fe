using System.Text.Json;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Population;
using Ldn.Core.Protocols;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// A realistic synthetic patient for <c>ldn journal demo</c>, seeded so every run with the same seed is
/// the same: three weeks of baseline check-ins, then the standard titration (1.5 → 3 → 4.5 mg at about
/// 22:00) with about 95% adherence, daily morning check-ins whose pain and fatigue ease slowly with
/// day-to-day correlated noise, vivid dreams and insomnia in the first fortnight, one flare and one
/// infection. The numbers are invented to exercise the tool; they are not data about LDN.
/// </summary>
public static class DemoJournal
{
    /// <summary>Three weeks: the analysis needs at least 14 days of check-ins before the first dose, and the demo checks in on about 90% of days.</summary>
    public const int BaselineDays = 21;

    /// <param name="seed">The same seed gives the same patient.</param>
    /// <param name="lastDay">The journal's last day.</param>
    /// <param name="days">Days of journal, ending on <paramref name="lastDay"/>.</param>
    /// <param name="zone">The patient's zone.</param>
    /// <param name="condition">The condition's evidence id.</param>
    /// <param name="now">When given, entries after it are left out (this evening's dose is not yet taken), so the demo holds no future entry; the random draws are the same either way.</param>
    /// <exception cref="InvalidInputException">A span outside 28–3653 days.</exception>
    public static JournalData Create(long seed, LocalDate lastDay, int days, DateTimeZone zone, string condition = "fibromyalgia", Instant? now = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (days is < BaselineDays + 7 or > 3653)
        {
            throw new InvalidInputException($"A demo journal spans {BaselineDays + 7} to 3653 days (got {days}).");
        }

        var random = new SubjectRandom(seed, 0);
        var first = lastDay.PlusDays(1 - days);
        var start = first.PlusDays(BaselineDays);
        var plan = PlanBuilder.Build(new PlanRequest
        {
            Protocol = ProtocolCatalog.Find("standard"),
            Start = start.ToDateOnly(),
            TimeZone = zone,
        });
        var planJson = JsonSerializer.Serialize(PlanDocument.From(plan, "Synthetic demo plan for trying LDN Workbench; not medical advice."), JournalDocument.Options);

        var doses = new List<DoseEntry>();
        var checkIns = new List<CheckInEntry>();
        var noise = new double[5];
        for (var day = first; day <= lastDay; day = day.PlusDays(1))
        {
            var onDay = Period.Between(start, day, PeriodUnits.Days).Days;
            // Benefit builds over about eight weeks on LDN; invented, to give the analysis something to find.
            var benefit = onDay < 0 ? 0 : Math.Min(1.0, onDay / 56.0);
            for (var i = 0; i < noise.Length; i++)
            {
                noise[i] = (0.7 * noise[i]) + (0.7 * random.NextGaussian());
            }

            if (random.NextDouble() < 0.9)
            {
                var morning = At(day, 7, 30 + (int)(random.NextDouble() * 60), zone);
                checkIns.Add(new CheckInEntry(0, morning, zone.Id,
                    Score(7 - (1.5 * benefit) + noise[0]), Score(6 - (1.8 * benefit) + noise[1]), Score(4 + (1.0 * benefit) + noise[2]),
                    Score(5 + (0.8 * benefit) + noise[3]), Score(5 + (0.5 * benefit) + noise[4]),
                    onDay == 0 ? "First LDN dose tonight." : null));
            }

            if (onDay < 0)
            {
                continue;
            }

            var step = plan.Steps.Last(s => LocalDate.FromDateOnly(s.From) <= day);
            var roll = random.NextDouble();
            if (roll < 0.02)
            {
                continue; // forgotten and not logged
            }

            var evening = At(day, 21, 30 + (int)(random.NextDouble() * 60), zone);
            doses.Add(new DoseEntry(0, evening, zone.Id, step.DoseMg, Formulation.Capsule, Skipped: roll < 0.05, roll < 0.05 ? "Forgot until morning; skipped." : null));
        }

        Instant Day(int offset, int hour) => At(start.PlusDays(offset), hour, 0, zone);
        return new JournalData
        {
            Profile = new JournalProfile { Name = "Demo patient", TimeZoneId = zone.Id, Conditions = [condition] },
            Plans = [PlanVersion.Initial(planJson, At(first, 12, 0, zone))],
            Doses = [.. doses.Where(d => now is null || d.At <= now)],
            CheckIns = [.. checkIns.Where(c => now is null || c.At <= now)],
            SideEffects =
            [
                new SideEffectEntry(0, SideEffectKinds.VividDreams, SideEffectSeverity.Mild, Day(1, 7), Day(9, 7), zone.Id, "Vivid dreams most nights at first."),
                new SideEffectEntry(0, SideEffectKinds.Insomnia, SideEffectSeverity.Moderate, Day(15, 7), Day(19, 7), zone.Id, "Woke at 3 am after the step to 3 mg."),
            ],
            Events =
            [
                new EventEntry(0, Day(Math.Min(35, days - BaselineDays - 1), 18), zone.Id, JournalEventKind.Flare, "Pain flare after a long week."),
                new EventEntry(0, Day(Math.Min(48, days - BaselineDays - 1), 9), zone.Id, JournalEventKind.Infection, "Cold."),
            ],
            Medications = [new MedicationEntry(0, "Vitamin D 20 µg", At(first, 9, 0, zone), null)],
        };
    }

    private static int Score(double value) => (int)Math.Clamp(Math.Round(value), 0, 10);

    private static Instant At(LocalDate day, int hour, int minute, DateTimeZone zone) =>
        day.At(new LocalTime(hour, 0)).PlusMinutes(minute).InZoneLeniently(zone).ToInstant();
}
