using NodaTime;

namespace Ldn.Core.Journal.Analysis;

public enum ComparisonStatus
{
    /// <summary>Enough days on both sides: means, change and interval are given.</summary>
    Estimated,

    /// <summary>
    /// Too few days with check-ins: <see cref="SymptomComparison.Reason"/> says which side and how many, or, when
    /// the whole scale cannot be compared (no dose yet, too short a baseline), <see cref="ScaleAnalysis.Reason"/> does, once.
    /// </summary>
    NotEnoughData,
}

/// <summary>A verdict only where the 95% interval excludes 0; otherwise "no clear change".</summary>
public enum ChangeVerdict
{
    NoClearChange,
    Improved,
    Worse,
}

public enum ComparisonWindow
{
    /// <summary>Days at one dose level (a titration step), after the settling days.</summary>
    DoseLevel,

    /// <summary>The latest weeks up to the as-of day, on or after the first dose.</summary>
    Recent,
}

/// <summary>
/// One scale before the first dose (baseline) against one window on treatment. Change = window mean −
/// baseline mean in scale points (negative = lower); its 95% interval comes from the scale's day-to-day
/// noise model (an AR(1) process fitted by REML, <see cref="Ar1Regression"/>): the variance of the
/// difference of two means of autocorrelated days, with Student's t. With
/// <see cref="ComparisonStatus.NotEnoughData"/> only the day counts and the reason are given: no number
/// that would look more certain than the data are.
/// </summary>
public sealed record SymptomComparison
{
    /// <summary>The scale compared (built-in or the journal's own).</summary>
    public required SymptomScale Scale { get; init; }

    /// <summary>The scale's id ("pain", "brain-fog").</summary>
    public string ScaleId => Scale.Id;

    public required ComparisonWindow Window { get; init; }

    /// <summary>The dose level (daily mg) of a <see cref="ComparisonWindow.DoseLevel"/> window.</summary>
    public decimal? DoseMg { get; init; }

    /// <summary>True where a fall is better (the scale's <see cref="SymptomScale.HigherIsWorse"/>: pain, fatigue, brain fog); false for sleep, mood and focus.</summary>
    public bool LowerIsBetter => Scale.HigherIsWorse;

    /// <summary>Days with this symptom's check-ins before the first dose.</summary>
    public required int BaselineDays { get; init; }

    /// <summary>Days with this symptom's check-ins in the window.</summary>
    public required int WindowDays { get; init; }

    /// <summary>First and last day of the window that had data (null when it had none).</summary>
    public LocalDate? WindowFrom { get; init; }

    public LocalDate? WindowTo { get; init; }

    public required ComparisonStatus Status { get; init; }

    public double? BaselineMean { get; init; }

    public double? WindowMean { get; init; }

    public double? MeanChange { get; init; }

    /// <summary>Lower bound of the 95% interval of the change.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper bound of the 95% interval of the change.</summary>
    public double? Upper { get; init; }

    /// <summary>Degrees of freedom of the t quantile of the interval.</summary>
    public int? DegreesOfFreedom { get; init; }

    public ChangeVerdict? Verdict { get; init; }

    /// <summary>Why there is no estimate, in plain words; null when estimated or when the scale's own reason (<see cref="ScaleAnalysis.Reason"/>) applies to every window.</summary>
    public string? Reason { get; init; }
}
