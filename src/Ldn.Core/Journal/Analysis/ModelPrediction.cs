using Ldn.Core.Units;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// What the mechanism model predicts for one observed dose level taken daily at the patient's usual
/// clock time for 12 weeks: the relative change of the condition's mean clinical score at week 12
/// (negative = lower score; the instrument says which way is better; includes the model's mean placebo
/// response) and of the inflammation index, under occupancy scenarios A and B. A model hypothesis
/// about an average trial patient, not an expectation for this patient.
/// </summary>
public sealed record ModelPrediction(
    string ConditionId,
    string Instrument,
    bool InstrumentLowerIsBetter,
    decimal DoseMg,
    ClockTime At,
    int DoseDays,
    double? ScoreChangeA,
    double? ScoreChangeB,
    double? InflammationChangeA,
    double? InflammationChangeB)
{
    public const string Label =
        "Model hypothesis (mechanism model, mean trial patient, 12 weeks of daily dosing): not an expectation for this patient and not evidence that the dose works.";
}
