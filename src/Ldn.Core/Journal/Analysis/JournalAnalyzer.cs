using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// Analyses a treatment journal: pure (no clock, no I/O) and deterministic for a given
/// <see cref="AnalysisOptions.Seed"/>. The as-of day is the caller's "today" in the patient's zone.
/// </summary>
public static class JournalAnalyzer
{
    public static JournalAnalysis Analyze(JournalData data, LocalDate asOf, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= AnalysisOptions.Default;
        options.Validate();
        var table = DayTable.Build(data, asOf, options);
        var notes = new List<string>(table.Notes);
        var comparisons = SymptomComparer.Compare(table, asOf, options, new MovingBlockBootstrap(options.Resamples));
        var adherence = AdherenceCalculator.Compute(data, table, asOf, options, notes);
        var incidence = IncidenceCalculator.Compute(table);
        var predictions = ModelPredictor.Predict(data, table, options);
        if (table.FirstDoseDate is null)
        {
            notes.Add("No dose taken up to the as-of day: every day is baseline.");
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
            From = table.Start,
            DaysCovered = table.Days.Count,
            FirstDoseDate = table.FirstDoseDate,
            Days = table.Days,
            Comparisons = comparisons,
            Adherence = adherence,
            SideEffects = incidence,
            Predictions = predictions,
            Notes = notes,
            Options = options,
        };
    }
}
