using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// The analysis of a journal up to <see cref="AsOf"/>: the day table it rests on, the symptom
/// comparisons, adherence, side-effect incidence, the model's predictions beside them, and notes on
/// what was left out or assumed. Methods and thresholds: <c>docs/journal-analysis.md</c>.
/// </summary>
public sealed record JournalAnalysis
{
    public required LocalDate AsOf { get; init; }

    /// <summary>First day of the table (the first entry's local date); null for an empty journal.</summary>
    public LocalDate? From { get; init; }

    public required int DaysCovered { get; init; }

    public LocalDate? FirstDoseDate { get; init; }

    public required IReadOnlyList<JournalDay> Days { get; init; }

    public required IReadOnlyList<SymptomComparison> Comparisons { get; init; }

    public required Adherence Adherence { get; init; }

    public required SideEffectIncidence SideEffects { get; init; }

    /// <summary>Empty without a condition the model has parameters for, or when turned off.</summary>
    public required IReadOnlyList<ModelPrediction> Predictions { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public required AnalysisOptions Options { get; init; }
}
