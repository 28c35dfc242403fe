using NodaTime;

namespace Ldn.Core.Journal.Analysis;

public enum ComparisonStatus
{
    /// <summary>Enough days on both sides: means, change and interval are given.</summary>
    Estimated,

    /// <summary>Too few days with check-ins; <see cref="SymptomComparison.Reason"/> says which side and how many.</summary>
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
    /// <summary>Days at one dose level, after the settling days.</summary>
    DoseLevel,

    /// <summary>The latest weeks up to the as-of day, on or after the first dose.</summary>
    Recent,
}

/// <summary>
/// One symptom before the first dose (baseline) against one window on treatment. Change = window mean −
/// baseline mean in scale points (negative = lower); the interval is the moving-block bootstrap's, see
/// <see cref="MovingBlockBootstrap"/>. With <see cref="ComparisonStatus.NotEnoughData"/> only the day
/// counts and the reason are given: no number that would look more certain than the data are.
/// </summary>
public sealed record SymptomComparison
{
    public required Symptom Symptom { get; init; }

    public required ComparisonWindow Window { get; init; }

    /// <summary>The dose level (daily mg) of a <see cref="ComparisonWindow.DoseLevel"/> window.</summary>
    public decimal? DoseMg { get; init; }

    /// <summary>For pain and fatigue a fall is better; for sleep, mood and focus a rise is.</summary>
    public required bool LowerIsBetter { get; init; }

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

    /// <summary>Block lengths (days) used for the baseline and the window.</summary>
    public (int Baseline, int Window)? BlockLengths { get; init; }

    public ChangeVerdict? Verdict { get; init; }

    /// <summary>Why there is no estimate, in plain words; null when estimated.</summary>
    public string? Reason { get; init; }
}
