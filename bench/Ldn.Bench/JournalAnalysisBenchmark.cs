using BenchmarkDotNet.Attributes;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using NodaTime;

namespace Ldn.Bench;

/// <summary>
/// Issue 5's figure: a 10-year journal (3,650 days, ≈20,000 entries: a dose and 4–5 check-ins a day,
/// side effects and flares, titration 1.5 → 3 → 4.5 mg, a bedtime/morning switch) analysed in full,
/// with and without the model predictions (one 12-week simulation per dose level).
/// </summary>
[MemoryDiagnoser]
public class JournalAnalysisBenchmark
{
    private readonly JournalData _journal = TenYears();
    private readonly LocalDate _asOf = new LocalDate(2015, 1, 1).PlusDays(3649);

    [Benchmark(Description = "analyse a 10-year journal (no model)")]
    public JournalAnalysis WithoutModel() => JournalAnalyzer.Analyze(_journal, _asOf, new AnalysisOptions { ModelPredictions = false });

    [Benchmark(Description = "analyse a 10-year journal (with model predictions)")]
    public JournalAnalysis WithModel() => JournalAnalyzer.Analyze(_journal, _asOf);

    public static JournalData TenYears()
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
        var random = new Random(42);
        var start = new LocalDate(2015, 1, 1);
        var doses = new List<DoseEntry>();
        var checkIns = new List<CheckInEntry>();
        var sideEffects = new List<SideEffectEntry>();
        var events = new List<EventEntry>();
        Instant At(LocalDate date, int hour) => date.At(new LocalTime(hour, random.Next(60))).InZoneLeniently(zone).ToInstant();
        int Score(double mean) => (int)Math.Clamp(Math.Round(mean + (random.NextDouble() * 3) - 1.5), 0, 10);
        for (var d = 0; d < 3650; d++)
        {
            var date = start.PlusDays(d);
            if (d >= 30)
            {
                var mg = d < 44 ? 1.5m : d < 58 ? 3m : 4.5m;
                var hour = d is > 400 and < 800 ? 8 : 22;
                doses.Add(new DoseEntry(0, At(date, hour), zone.Id, mg, Formulation.Capsule, random.NextDouble() < 0.05));
            }

            var pain = d < 30 ? 6 : 4.5;
            for (var c = 0; c < (d % 2 == 0 ? 5 : 4); c++)
            {
                checkIns.Add(new CheckInEntry(0, At(date, 7 + (3 * c)), zone.Id, Score(5), Score(pain), Score(6), Score(6), Score(5)));
            }

            if (random.NextDouble() < 0.03)
            {
                sideEffects.Add(new SideEffectEntry(0, random.NextDouble() < 0.5 ? "vivid-dreams" : "insomnia", SideEffectSeverity.Mild, At(date, 7), At(date.PlusDays(random.Next(4)), 20), zone.Id));
            }

            if (random.NextDouble() < 0.02)
            {
                events.Add(new EventEntry(0, At(date, 12), zone.Id, JournalEventKind.Flare));
            }
        }

        return new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = zone.Id, Conditions = ["fibromyalgia"] },
            Doses = doses,
            CheckIns = checkIns,
            SideEffects = sideEffects,
            Events = events,
        };
    }
}
