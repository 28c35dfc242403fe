using Ldn.Core.Advice;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using NodaTime;
using Xunit;
using static Ldn.Core.Tests.Journal.JournalAnalysisTestJournals;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalAnalysisIncidenceTests
{
    private static readonly LocalDate Start = new(2024, 3, 1);

    [Theory]
    [InlineData(5, 20, 11.19, 46.87)]
    [InlineData(0, 10, 0.0, 27.75)]
    [InlineData(10, 10, 72.25, 100.0)]
    [InlineData(1, 2, 9.45, 90.55)]
    public void Wilson_bounds_match_known_values(int k, int n, double lower, double upper)
    {
        var (lo, hi) = WilsonInterval.Compute(k, n);
        Assert.Equal(lower, 100 * lo, 2);
        Assert.Equal(upper, 100 * hi, 2);
    }

    [Fact]
    public void Incidence_counts_side_effect_days_among_dose_days_by_dose_and_by_time()
    {
        var doses = new List<DoseEntry>();
        for (var d = 0; d < 20; d++)
        {
            doses.Add(Dose(Start.PlusDays(d), 4.5m)); // 20 bedtime days at 4.5 mg
        }

        for (var d = 20; d < 30; d++)
        {
            doses.Add(Dose(Start.PlusDays(d), 3m, hour: 8)); // 10 morning days at 3 mg
        }

        var journal = new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = London },
            Doses = doses,
            SideEffects =
            [
                // Mar 3–6 (4 days) vivid dreams, Mar 6–7 insomnia: 5 distinct days, dreams on 4, insomnia on 2.
                new SideEffectEntry(0, "vivid-dreams", SideEffectSeverity.Mild, At(Start.PlusDays(2), 7), At(Start.PlusDays(5), 7), London),
                new SideEffectEntry(0, "insomnia", SideEffectSeverity.Moderate, At(Start.PlusDays(5), 3), At(Start.PlusDays(6), 23), London),
            ],
        };

        var incidence = JournalAnalyzer.Analyze(journal, Start.PlusDays(29)).SideEffects;

        var high = incidence.ByDose.Single(g => g.DoseMg == 4.5m);
        Assert.Equal((20, 5, 25.0), (high.DoseDays, high.DaysWithSideEffect, high.Per100DoseDays));
        Assert.Equal(11.19, high.Lower95, 2);
        Assert.Equal(46.87, high.Upper95, 2);
        Assert.Equal([new KindCount("vivid-dreams", 4), new KindCount("insomnia", 2)], high.Kinds);
        var low = incidence.ByDose.Single(g => g.DoseMg == 3m);
        Assert.Equal((10, 0, 0.0), (low.DoseDays, low.DaysWithSideEffect, low.Per100DoseDays));
        Assert.Equal(27.75, low.Upper95, 2);

        Assert.Equal([DoseTiming.Bedtime, DoseTiming.Morning], incidence.ByTiming.Select(g => g.Timing!.Value));
        Assert.Equal((20, 5), (incidence.ByTiming[0].DoseDays, incidence.ByTiming[0].DaysWithSideEffect));
        Assert.Equal("morning", incidence.ByTiming[1].Label);
    }
}
