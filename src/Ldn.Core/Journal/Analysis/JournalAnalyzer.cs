using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// Analyses a treatment journal: pure (no clock, no I/O) and deterministic. The as-of day is the caller's
/// "today" in the patient's zone; <c>now</c>, when given, is the current instant, so a dose that is not yet
/// due (its planned time plus <see cref="AnalysisOptions.MissedDoseGrace"/>) is not counted as missed.
/// </summary>
public static class JournalAnalyzer
{
    /// <exception cref="InvalidInputException">The options are out of range.</exception>
    public static JournalAnalysis Analyze(JournalData data, LocalDate asOf, AnalysisOptions? options = null, Instant? now = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= AnalysisOptions.Default;
        options.Validate();
        var table = DayTable.Build(data, asOf, options);
        var notes = new List<string>(table.Notes);
        var scales = SymptomComparer.Analyze(table, asOf, options);
        var adherence = AdherenceCalculator.Compute(data, table, asOf, options, now);
        var incidence = IncidenceCalculator.Compute(table);
        var predictions = ModelPredictor.Predict(data, table, options);
        if (table.FirstDoseDate is null)
        {
            notes.Add("No dose taken up to the as-of day: every day is baseline.");
        }

        if (adherence.NotYetDueDays > 0)
        {
            notes.Add($"{adherence.NotYetDueDays} planned dose{(adherence.NotYetDueDays == 1 ? " is" : "s are")} not yet due and not counted as missed.");
        }

        notes.Add("Before/after comparisons in one person cannot separate the drug from time, placebo response, other treatments or the natural course of the illness.");
        notes.Add(SideEffectIncidence.Caveat);
        if (predictions.Count > 0)
        {
            notes.Add(ModelPrediction.Label);
        }

        return new JournalAnalysis
        {
            AsOf = asOf,
            Now = now,
            From = table.Start,
            DaysCovered = table.Days.Count,
            FirstDoseDate = table.FirstDoseDate,
            Days = table.Days,
            Scales = scales,
            Adherence = adherence,
            SideEffects = incidence,
            Predictions = predictions,
            Baseline = BaselineStatus.From(table, options),
            Notes = notes,
            Options = options,
        };
    }
}
