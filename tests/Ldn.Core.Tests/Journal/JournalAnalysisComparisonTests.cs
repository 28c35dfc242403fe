using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using NodaTime;
using Xunit;
using static Ldn.Core.Tests.Journal.JournalAnalysisTestJournals;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalAnalysisComparisonTests
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    private static SymptomComparison PainAt(JournalAnalysis analysis, decimal mg) =>
        analysis.Comparisons.Single(c => c.ScaleId == SymptomScales.Pain && c.Window == ComparisonWindow.DoseLevel && c.DoseMg == mg);

    [Fact]
    public void Pain_falling_from_6_to_4_on_4_5_mg_is_an_improvement_whose_interval_holds_minus_2()
    {
        var journal = PainJournal(Start, 28, 6, 60, 4, 4.5m, seed: 1);
        var analysis = JournalAnalyzer.Analyze(journal, Start.PlusDays(87));
        var pain = PainAt(analysis, 4.5m);

        Assert.Equal(ComparisonStatus.Estimated, pain.Status);
        Assert.Equal(28, pain.BaselineDays);
        Assert.Equal(60 - 4, pain.WindowDays); // the first 4 days at the new dose settle
        Assert.True(pain.Upper < 0, $"interval [{pain.Lower}, {pain.Upper}] should exclude 0");
        Assert.InRange(-2.0, pain.Lower!.Value, pain.Upper!.Value);
        Assert.Equal(ChangeVerdict.Improved, pain.Verdict);
        Assert.True(pain.LowerIsBetter);

        var recent = analysis.Comparisons.Single(c => c.ScaleId == SymptomScales.Pain && c.Window == ComparisonWindow.Recent);
        Assert.Equal(28, recent.WindowDays);
        Assert.Equal(ChangeVerdict.Improved, recent.Verdict);
    }

    [Fact]
    public void Rising_pain_is_worse_and_a_symptom_without_check_ins_has_one_reason_and_no_numbers()
    {
        var analysis = JournalAnalyzer.Analyze(PainJournal(Start, 28, 3, 40, 6, 3m, seed: 2), Start.PlusDays(67));

        Assert.Equal(ChangeVerdict.Worse, PainAt(analysis, 3m).Verdict);
        var sleep = analysis.Scales.Single(s => s.Scale.Id == SymptomScales.Sleep);
        Assert.Equal("no sleep quality check-ins up to the as-of day", sleep.Reason);
        Assert.All(sleep.Comparisons, c => Assert.Equal((ComparisonStatus.NotEnoughData, null, null), (c.Status, c.Reason, c.MeanChange)));
        Assert.Equal(ComparisonStatus.NotEnoughData, sleep.Trend.Status);
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

    [Fact]
    public void Five_days_before_the_first_dose_is_one_explanation_for_the_symptom_and_gives_no_number()
    {
        var analysis = JournalAnalyzer.Analyze(PainJournal(Start, 5, 6, 40, 4, 4.5m, seed: 3), Start.PlusDays(44));
        var scale = analysis.Scales.Single(s => s.Scale.Id == SymptomScales.Pain);
        var pain = PainAt(analysis, 4.5m);

        Assert.Equal("only 5 days of pain check-ins before the first dose; need 10", scale.Reason);
        Assert.Equal(2, scale.Comparisons.Count); // the 4.5 mg level and the latest weeks
        Assert.All(scale.Comparisons, c => Assert.Null(c.Reason)); // one explanation per symptom, not one per cell
        Assert.Null(scale.Trend.Reason);
        Assert.Equal(ComparisonStatus.NotEnoughData, pain.Status);
        Assert.Null(pain.MeanChange);
        Assert.Null(pain.Lower);
        Assert.Null(pain.Verdict);
    }

    [Fact]
    public void Too_few_days_at_a_dose_after_settling_is_not_enough_data_and_a_14_day_step_is_enough()
    {
        // 10 days at 1.5 mg: 6 remain after the 4 settling days.
        var analysis = JournalAnalyzer.Analyze(PainJournal(Start, 28, 6, 10, 4, 1.5m, seed: 4), Start.PlusDays(37));
        var pain = PainAt(analysis, 1.5m);

        Assert.Equal(ComparisonStatus.NotEnoughData, pain.Status);
        Assert.Equal("only 6 days of pain check-ins at 1.5 mg after the first 4 days at that dose; need 7", pain.Reason);

        // A 14-day step keeps 10 days: estimated.
        var step = PainAt(JournalAnalyzer.Analyze(PainJournal(Start, 14, 6, 14, 4, 1.5m, seed: 4), Start.PlusDays(27)), 1.5m);
        Assert.Equal((ComparisonStatus.Estimated, 10, 14), (step.Status, step.WindowDays, step.BaselineDays));
        Assert.InRange(-2.0, step.Lower!.Value, step.Upper!.Value);
    }

    [Fact]
    public void The_same_journal_gives_the_same_intervals_and_the_change_is_the_difference_of_the_means()
    {
        var journal = PainJournal(Start, 28, 6, 60, 5, 4.5m, seed: 5);
        var asOf = Start.PlusDays(87);
        var a = PainAt(JournalAnalyzer.Analyze(journal, asOf), 4.5m);
        var b = PainAt(JournalAnalyzer.Analyze(journal, asOf), 4.5m);

        Assert.Equal((a.Lower, a.Upper), (b.Lower, b.Upper));
        Assert.Equal(a.WindowMean!.Value - a.BaselineMean!.Value, a.MeanChange!.Value, 12);
        Assert.Equal(a.MeanChange!.Value, (a.Lower!.Value + a.Upper!.Value) / 2, 9); // symmetric t interval
    }
}
