using Ldn.Core.Journal.Analysis;
using NodaTime;
using Xunit;
using static Ldn.Core.Tests.Journal.JournalAnalysisTestJournals;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalAnalysisComparisonTests
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    private static SymptomComparison PainAt(JournalAnalysis analysis, decimal mg) =>
        analysis.Comparisons.Single(c => c.Symptom == Symptom.Pain && c.Window == ComparisonWindow.DoseLevel && c.DoseMg == mg);

    [Fact]
    public void Pain_falling_from_6_to_4_on_4_5_mg_is_an_improvement_whose_interval_holds_minus_2()
    {
        var journal = PainJournal(Start, 28, 6, 60, 4, 4.5m, seed: 1);
        var analysis = JournalAnalyzer.Analyze(journal, Start.PlusDays(87));
        var pain = PainAt(analysis, 4.5m);

        Assert.Equal(ComparisonStatus.Estimated, pain.Status);
        Assert.Equal(28, pain.BaselineDays);
        Assert.Equal(60 - 7, pain.WindowDays); // the first 7 days at the new dose settle
        Assert.True(pain.Upper < 0, $"interval [{pain.Lower}, {pain.Upper}] should exclude 0");
        Assert.InRange(-2.0, pain.Lower!.Value, pain.Upper!.Value);
        Assert.Equal(ChangeVerdict.Improved, pain.Verdict);
        Assert.True(pain.LowerIsBetter);

        var recent = analysis.Comparisons.Single(c => c.Symptom == Symptom.Pain && c.Window == ComparisonWindow.Recent);
        Assert.Equal(28, recent.WindowDays);
        Assert.Equal(ChangeVerdict.Improved, recent.Verdict);
    }

    [Fact]
    public void Rising_pain_is_worse_and_a_symptom_without_check_ins_has_not_enough_data()
    {
        var analysis = JournalAnalyzer.Analyze(PainJournal(Start, 28, 3, 40, 6, 3m, seed: 2), Start.PlusDays(67));

        Assert.Equal(ChangeVerdict.Worse, PainAt(analysis, 3m).Verdict);
        var sleep = analysis.Comparisons.Single(c => c.Symptom == Symptom.Sleep && c.DoseMg == 3m);
        Assert.Equal(ComparisonStatus.NotEnoughData, sleep.Status);
        Assert.Equal("only 0 days of sleep check-ins before the first dose; need 14", sleep.Reason);
    }

    [Fact]
    public void Without_an_effect_the_interval_covers_0_in_at_least_90_percent_of_50_seeds()
    {
        var covered = 0;
        for (var seed = 0; seed < 50; seed++)
        {
            var analysis = JournalAnalyzer.Analyze(PainJournal(Start, 28, 5, 56, 5, 4.5m, seed), Start.PlusDays(83), new AnalysisOptions { ModelPredictions = false });
            var pain = PainAt(analysis, 4.5m);
            if (pain.Lower <= 0 && pain.Upper >= 0)
            {
                covered++;
                Assert.Equal(ChangeVerdict.NoClearChange, pain.Verdict);
            }
        }

        Assert.True(covered >= 45, $"covered 0 in {covered} of 50");
    }

    /// <summary>
    /// AR(1) noise with φ = 0.7 (a bad day is followed by a bad day), no true change, 60 days on each side,
    /// 200 seeded replicates. Expected: block bootstrap ≈ 90–94% (measured while choosing the rule), iid
    /// bootstrap ≈ 55% (its variance misses the factor (1 + φ)/(1 − φ) ≈ 5.7). Tolerances: with 200
    /// replicates the binomial SE at 90% is ≈ 2 points, so block ≥ 85% and iid ≤ 75% fail only on a real regression.
    /// </summary>
    [Fact]
    public void Under_autocorrelated_noise_block_intervals_cover_near_95_percent_and_iid_intervals_do_not()
    {
        const int replicates = 200;
        var bootstrap = new MovingBlockBootstrap(2000);
        int blockCovered = 0, iidCovered = 0;
        double blockWidth = 0, iidWidth = 0;
        for (var r = 0; r < replicates; r++)
        {
            var random = new Random(1000 + r);
            var baseline = Ar1(60, 0.7, random);
            var window = Ar1(60, 0.7, random);
            var (lo, hi) = bootstrap.DifferenceInterval(baseline, window, seed: r);
            var (iidLo, iidHi) = bootstrap.DifferenceInterval(baseline, window, seed: r, blockLength: 1, expand: false);
            blockCovered += lo <= 0 && hi >= 0 ? 1 : 0;
            iidCovered += iidLo <= 0 && iidHi >= 0 ? 1 : 0;
            blockWidth += hi - lo;
            iidWidth += iidHi - iidLo;
        }

        var block = blockCovered * 100.0 / replicates;
        var iid = iidCovered * 100.0 / replicates;
        Assert.True(block is >= 85 and <= 99, $"block coverage {block}%");
        Assert.True(iid <= 75, $"iid coverage {iid}%");
        Assert.True(blockWidth > 1.8 * iidWidth, $"block width {blockWidth / replicates:0.00} vs iid {iidWidth / replicates:0.00}");
    }

    [Fact]
    public void Five_days_before_the_first_dose_is_not_enough_data_and_gives_no_number()
    {
        var analysis = JournalAnalyzer.Analyze(PainJournal(Start, 5, 6, 40, 4, 4.5m, seed: 3), Start.PlusDays(44));
        var pain = PainAt(analysis, 4.5m);

        Assert.Equal(ComparisonStatus.NotEnoughData, pain.Status);
        Assert.Equal("only 5 days of pain check-ins before the first dose; need 14", pain.Reason);
        Assert.Null(pain.MeanChange);
        Assert.Null(pain.Lower);
        Assert.Null(pain.Verdict);
    }

    [Fact]
    public void Too_few_days_at_a_dose_after_settling_is_not_enough_data()
    {
        // 18 days at 1.5 mg: 11 remain after the 7 settling days.
        var analysis = JournalAnalyzer.Analyze(PainJournal(Start, 28, 6, 18, 4, 1.5m, seed: 4), Start.PlusDays(45));
        var pain = PainAt(analysis, 1.5m);

        Assert.Equal(ComparisonStatus.NotEnoughData, pain.Status);
        Assert.Equal("only 11 days of pain check-ins at 1.5 mg after the first 7 days at that dose; need 14", pain.Reason);
    }

    [Fact]
    public void The_same_seed_gives_the_same_intervals_and_another_seed_other_ones()
    {
        var journal = PainJournal(Start, 28, 6, 60, 5, 4.5m, seed: 5);
        var asOf = Start.PlusDays(87);
        var a = PainAt(JournalAnalyzer.Analyze(journal, asOf), 4.5m);
        var b = PainAt(JournalAnalyzer.Analyze(journal, asOf), 4.5m);
        var c = PainAt(JournalAnalyzer.Analyze(journal, asOf, new AnalysisOptions { Seed = 7 }), 4.5m);

        Assert.Equal((a.Lower, a.Upper), (b.Lower, b.Upper));
        Assert.NotEqual((a.Lower, a.Upper), (c.Lower, c.Upper));
        Assert.Equal(a.MeanChange, c.MeanChange);
    }

    [Fact]
    public void The_block_length_rule_is_a_week_at_least_root_n_and_leaves_three_blocks()
    {
        Assert.Equal(4, MovingBlockBootstrap.BlockLength(14));
        Assert.Equal(7, MovingBlockBootstrap.BlockLength(28));
        Assert.Equal(8, MovingBlockBootstrap.BlockLength(60));
        Assert.Equal(20, MovingBlockBootstrap.BlockLength(365));
        Assert.InRange(MovingBlockBootstrap.StudentQuantile(WilsonInterval.Z95, 3), 3.12, 3.22); // t(3) = 3.182
        Assert.InRange(MovingBlockBootstrap.StudentQuantile(WilsonInterval.Z95, 10), 2.22, 2.24); // t(10) = 2.228
        Assert.Equal(1.959964, MovingBlockBootstrap.NormalQuantile(0.975), 5);
    }
}
