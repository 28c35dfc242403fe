using Ldn.Core.Advice;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using NodaTime;
using Xunit;
using static Ldn.Core.Tests.Journal.JournalAnalysisTestJournals;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalAnalysisDayTableTests
{
    private const string Tokyo = "Asia/Tokyo";
    private const string NewYork = "America/New_York";

    [Fact]
    public void Days_split_on_local_dates_across_the_spring_daylight_saving_change()
    {
        // London springs forward on 31 March 2024: that day has 23 hours.
        var start = new LocalDate(2024, 3, 29);
        var doses = Enumerable.Range(0, 5).Select(d => Dose(start.PlusDays(d), 1.5m)).ToList();
        var checkIns = Enumerable.Range(0, 5).Select(d => CheckIn(start.PlusDays(d), pain: d, hour: 0)).ToList(); // 00:00 local each day
        var journal = new JournalData { Profile = new JournalProfile { TimeZoneId = London }, Doses = doses, CheckIns = checkIns };

        var table = DayTable.Build(journal, start.PlusDays(4));

        Assert.Equal(5, table.Days.Count);
        Assert.All(table.Days, day => Assert.Equal((DoseStatus.Taken, new LocalTime(22, 0), DoseTiming.Bedtime), (day.Dose, day.DoseTime!.Value, day.Timing)));
        Assert.Equal([0.0, 1, 2, 3, 4], table.Days.Select(d => d.Score(SymptomScales.Pain)));

        // The same instants read in UTC would put the 00:00 BST check-ins from 31 March on the day before.
        var utc = DayTable.Build(journal with { CheckIns = [.. checkIns.Select(c => c with { TimeZoneId = "UTC" })] }, start.PlusDays(4));
        Assert.Equal(1.0, utc.Days.Single(d => d.Date == new LocalDate(2024, 3, 30)).Score(SymptomScales.Pain));
        Assert.Equal(2.5, utc.Days.Single(d => d.Date == new LocalDate(2024, 3, 31)).Score(SymptomScales.Pain)); // 2 and 3 averaged
    }

    [Fact]
    public void Days_split_on_local_dates_across_an_autumn_change_and_a_flight_to_Tokyo()
    {
        // New York falls back on 3 November 2024 (a 25-hour day), then the patient flies to Tokyo.
        var journal = new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = NewYork },
            Doses =
            [
                Dose(new LocalDate(2024, 11, 2), 3m, 22, NewYork),
                Dose(new LocalDate(2024, 11, 3), 3m, 22, NewYork),
                Dose(new LocalDate(2024, 11, 4), 3m, 9, NewYork), // morning dose before the flight
                Dose(new LocalDate(2024, 11, 6), 3m, 23, Tokyo),
                Dose(new LocalDate(2024, 11, 7), 3m, 0, Tokyo), // 00:40 is still the night of 6 November … see below
            ],
            CheckIns =
            [
                CheckIn(new LocalDate(2024, 11, 3), 4, hour: 23, zone: NewYork), // 04:00 UTC on 4 Nov
                CheckIn(new LocalDate(2024, 11, 6), 2, hour: 8, zone: Tokyo), // 23:00 UTC on 5 Nov
                CheckIn(new LocalDate(2024, 11, 6), 5, hour: 20, zone: Tokyo),
            ],
            Events = [new EventEntry(0, At(new LocalDate(2024, 11, 6), 7, 0, Tokyo), Tokyo, JournalEventKind.Flare)],
        };

        var table = DayTable.Build(journal, new LocalDate(2024, 11, 7));

        Assert.Equal(new LocalDate(2024, 11, 2), table.Start);
        Assert.Equal(6, table.Days.Count);
        Assert.Equal(4.0, table[new LocalDate(2024, 11, 3)]!.Score(SymptomScales.Pain));
        Assert.True(double.IsNaN(table[new LocalDate(2024, 11, 4)]!.Score(SymptomScales.Pain)));
        Assert.True(double.IsNaN(table[new LocalDate(2024, 11, 5)]!.Score(SymptomScales.Pain)));
        var nov6 = table[new LocalDate(2024, 11, 6)]!;
        Assert.Equal(3.5, nov6.Score(SymptomScales.Pain)); // two check-ins averaged
        Assert.True(nov6.Flare);
        Assert.Equal((2, 6m, DoseTiming.Bedtime, new LocalTime(23, 0)), (nov6.DoseCount, nov6.DoseMg, nov6.Timing, nov6.DoseTime!.Value));
        Assert.Equal((DoseTiming.Morning, new LocalTime(9, 0)), (table[new LocalDate(2024, 11, 4)]!.Timing, table[new LocalDate(2024, 11, 4)]!.DoseTime!.Value));
        Assert.Equal(DoseStatus.NotLogged, table[new LocalDate(2024, 11, 5)]!.Dose);
        Assert.Equal(DoseStatus.NotLogged, table[new LocalDate(2024, 11, 7)]!.Dose);
    }

    [Fact]
    public void The_level_is_the_latest_dose_day_and_counts_days_from_each_change_until_a_lapse()
    {
        var start = new LocalDate(2024, 1, 1);
        var doses = new List<DoseEntry>();
        doses.AddRange(Enumerable.Range(0, 3).Select(d => Dose(start.PlusDays(d), 1.5m)));
        doses.AddRange(Enumerable.Range(3, 2).Select(d => Dose(start.PlusDays(d), 3m)));
        doses.Add(Dose(start.PlusDays(5), 3m, skipped: true));
        doses.Add(Dose(start.PlusDays(20), 3m)); // after a 15-day gap: a new start
        var journal = new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = London },
            Doses = doses,
            SideEffects = [new SideEffectEntry(0, "nausea", SideEffectSeverity.Moderate, At(start, 23), null, London), new SideEffectEntry(0, "headache", SideEffectSeverity.Mild, At(start.PlusDays(1), 9), At(start.PlusDays(1), 12), London)],
        };

        var days = DayTable.Build(journal, start.PlusDays(21)).Days;

        Assert.Equal([1.5m, 1.5m, 1.5m, 3m, 3m, 3m], days.Take(6).Select(d => d.LevelMg!.Value));
        Assert.Equal([0, 1, 2, 0, 1, 2], days.Take(6).Select(d => d.DaysAtLevel));
        Assert.Equal(DoseStatus.Skipped, days[5].Dose);
        Assert.Equal(3m, days[11].LevelMg); // 7 days after the last dose
        Assert.Null(days[12].LevelMg); // lapsed
        Assert.Equal((3m, 0), (days[20].LevelMg!.Value, days[20].DaysAtLevel));
        Assert.Equal(["nausea", "headache"], days[1].SideEffects);
        Assert.Equal(SideEffectSeverity.Moderate, days[1].MaxSeverity);
        Assert.Equal(["nausea"], days[21].SideEffects); // still ongoing
    }

    [Fact]
    public void An_empty_journal_and_a_journal_starting_after_the_as_of_day_have_no_days()
    {
        var journal = new JournalData { Profile = new JournalProfile { TimeZoneId = London }, Doses = [Dose(new LocalDate(2024, 5, 1), 1m)] };

        var analysis = JournalAnalyzer.Analyze(journal, new LocalDate(2024, 4, 1));

        Assert.Equal(0, analysis.DaysCovered);
        Assert.All(analysis.Comparisons, c => Assert.Equal(ComparisonStatus.NotEnoughData, c.Status));
        Assert.Contains(analysis.Notes, n => n.Contains("after 2024-04-01", StringComparison.Ordinal));
    }
}
