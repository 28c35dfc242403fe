using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using NodaTime;
using Xunit;
using static Ldn.Core.Tests.Journal.JournalAnalysisTestJournals;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalAnalysisAdherenceTests
{
    private const string PlanJson = """
        {"protocol":"test","steps":[
          {"step":1,"from":"2024-01-01","to":"2024-01-07","doseMg":1.5,"at":"22:00"},
          {"step":2,"from":"2024-01-08","to":"2024-01-14","doseMg":3,"at":"22:00"},
          {"step":3,"from":"2024-01-15","to":null,"doseMg":4.5,"at":"22:00"}]}
        """;

    private static readonly LocalDate Jan1 = new(2024, 1, 1);

    [Fact]
    public void With_a_plan_adherence_counts_planned_dose_days_taken_and_off_plan_doses()
    {
        var doses = new List<DoseEntry>();
        for (var d = 0; d < 5; d++)
        {
            doses.Add(Dose(Jan1.PlusDays(d), 1.5m)); // step 1: 5 of 7
        }

        doses.Add(Dose(Jan1.PlusDays(5), 1.5m, skipped: true));
        doses.Add(Dose(Jan1.PlusDays(7), 1.5m)); // step 2: off-plan (half the planned 3 mg)
        doses.Add(Dose(Jan1.PlusDays(8), 3.2m)); // 6.7% off: within the 10% tolerance
        doses.Add(Dose(Jan1.PlusDays(9), 3.4m)); // 13% off: off-plan
        for (var d = 10; d < 13; d++)
        {
            doses.Add(Dose(Jan1.PlusDays(d), 3m)); // step 2: 6 of 7 in all
        }

        doses.Add(Dose(Jan1.PlusDays(15), 4.5m, hour: 1)); // 01:00 on Jan 16 is the night of Jan 15
        for (var d = 16; d < 20; d++)
        {
            doses.Add(Dose(Jan1.PlusDays(d), 4.5m)); // step 3, Jan 15–20: 5 of 6
        }

        doses.Add(Dose(Jan1.PlusDays(25), 4.5m)); // after the as-of day: ignored
        var journal = new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = London },
            Plans = [PlanVersion.Initial(PlanJson, At(Jan1, 8))],
            Doses = doses,
        };

        var adherence = JournalAnalyzer.Analyze(journal, new LocalDate(2024, 1, 20)).Adherence;

        Assert.True(adherence.FromPlan);
        Assert.Equal(20, adherence.Expected);
        Assert.Equal(16, adherence.Taken);
        Assert.Equal(0.8, adherence.Share!.Value, 10);
        Assert.Equal(2, adherence.OffPlanDays);
        Assert.Equal([(7, 5, 0), (7, 6, 2), (6, 5, 0)], adherence.Steps.Select(s => (s.PlannedDays, s.TakenDays, s.OffPlanDays)));
        Assert.Equal(new LocalDate(2024, 1, 20), adherence.Steps[2].To);
    }

    [Fact]
    public void Without_a_plan_adherence_is_taken_out_of_logged_doses()
    {
        var journal = new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = London },
            Doses = [Dose(Jan1, 1.5m), Dose(Jan1.PlusDays(1), 1.5m, skipped: true), Dose(Jan1.PlusDays(2), 1.5m), Dose(Jan1.PlusDays(3), 1.5m), Dose(Jan1.PlusDays(9), 1.5m)],
        };

        var adherence = JournalAnalyzer.Analyze(journal, Jan1.PlusDays(5)).Adherence;

        Assert.False(adherence.FromPlan);
        Assert.Equal((4, 3), (adherence.Expected, adherence.Taken));
        Assert.Equal(0.75, adherence.Share!.Value, 10);
        Assert.Empty(adherence.Steps);
    }
}
