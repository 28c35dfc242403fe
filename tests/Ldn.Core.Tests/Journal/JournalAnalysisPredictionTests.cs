using Ldn.Core.Journal.Analysis;
using NodaTime;
using Xunit;
using static Ldn.Core.Tests.Journal.JournalAnalysisTestJournals;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalAnalysisPredictionTests
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    [Fact]
    public void A_modelled_condition_gets_one_labelled_prediction_per_dose_level_at_the_usual_time()
    {
        var journal = PainJournal(Start, 14, 6, 30, 5, 4.5m, seed: 1, conditions: ["Fibromyalgia"]);

        var analysis = JournalAnalyzer.Analyze(journal, Start.PlusDays(43));

        var prediction = Assert.Single(analysis.Predictions);
        Assert.Equal(("fibromyalgia", 4.5m, 22, 30), (prediction.ConditionId, prediction.DoseMg, prediction.At.Hour, prediction.DoseDays));
        Assert.NotNull(prediction.ScoreChangeA);
        Assert.NotNull(prediction.ScoreChangeB);
        Assert.NotNull(prediction.InflammationChangeB);
        Assert.Contains(ModelPrediction.Label, analysis.Notes);
    }

    [Fact]
    public void A_condition_without_model_parameters_or_predictions_turned_off_gives_none()
    {
        Assert.Empty(JournalAnalyzer.Analyze(PainJournal(Start, 14, 6, 30, 5, 4.5m, seed: 1, conditions: ["hashimotos-thyroiditis"]), Start.PlusDays(43)).Predictions);
        Assert.Empty(JournalAnalyzer.Analyze(PainJournal(Start, 14, 6, 30, 5, 4.5m, seed: 1, conditions: ["crohns-disease"]), Start.PlusDays(43), new AnalysisOptions { ModelPredictions = false }).Predictions);
        Assert.NotNull(ModelPredictor.MatchCondition(["MS"]));
    }
}
