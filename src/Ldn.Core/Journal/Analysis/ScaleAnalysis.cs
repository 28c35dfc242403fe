namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// Everything the analysis says about one scale of the journal's catalogue: its baseline, its day-to-day
/// noise (the AR(1) model the intervals rest on), the comparisons of each window against the baseline,
/// and the dose–response trend over all days. When no comparison of the scale can be estimated for one
/// shared cause (no check-ins on it, no dose yet, too short a baseline), <see cref="Reason"/> says so
/// once and the comparisons carry no reason of their own.
/// </summary>
public sealed record ScaleAnalysis
{
    public required SymptomScale Scale { get; init; }

    /// <summary>Days up to the as-of day with a check-in on this scale.</summary>
    public required int CheckInDays { get; init; }

    /// <summary>Days with a check-in on this scale before the first dose.</summary>
    public required int BaselineDays { get; init; }

    public double? BaselineMean { get; init; }

    /// <summary>The one explanation for the whole scale when none of its comparisons can be estimated for a shared cause; else null.</summary>
    public string? Reason { get; init; }

    /// <summary>The day-to-day autocorrelation φ of the scale's noise (REML, from the baseline and the dose-level windows); null when not fitted.</summary>
    public double? Phi { get; init; }

    /// <summary>The standard deviation of the scale's day-to-day noise around the window means (scale points); null when not fitted.</summary>
    public double? NoiseSd { get; init; }

    /// <summary>One comparison per window (each dose level, then the latest weeks).</summary>
    public required IReadOnlyList<SymptomComparison> Comparisons { get; init; }

    public required DoseResponseTrend Trend { get; init; }
}
