using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// The analysis of a journal up to <see cref="AsOf"/>: the day table it rests on, per scale of the
/// journal's catalogue the comparisons and the dose–response trend, adherence against the plan version
/// in force each day, side-effect incidence, the model's predictions beside them, the baseline status,
/// and notes on what was left out or assumed. Methods and thresholds: <c>docs/journal-analysis.md</c>.
/// </summary>
public sealed record JournalAnalysis
{
    public required LocalDate AsOf { get; init; }

    /// <summary>The instant the analysis was made for (doses not yet due then are not missed); null when only the day was given.</summary>
    public Instant? Now { get; init; }

    /// <summary>First day of the table (the first entry's local date); null for an empty journal.</summary>
    public LocalDate? From { get; init; }

    public required int DaysCovered { get; init; }

    public LocalDate? FirstDoseDate { get; init; }

    public required IReadOnlyList<JournalDay> Days { get; init; }

    /// <summary>One entry per scale of the catalogue, in its order: the built-in five, then the patient's own.</summary>
    public required IReadOnlyList<ScaleAnalysis> Scales { get; init; }

    /// <summary>Every comparison of every scale, scale by scale (each dose level, then the latest weeks).</summary>
    public IReadOnlyList<SymptomComparison> Comparisons => [.. Scales.SelectMany(s => s.Comparisons)];

    /// <summary>How many baseline days there are and whether the recommended number was reached.</summary>
    public required BaselineStatus Baseline { get; init; }

    public required Adherence Adherence { get; init; }

    public required SideEffectIncidence SideEffects { get; init; }

    /// <summary>Empty without a condition the model has parameters for, or when turned off.</summary>
    public required IReadOnlyList<ModelPrediction> Predictions { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public required AnalysisOptions Options { get; init; }
}
