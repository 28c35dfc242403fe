namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// The dose–response trend of one scale over every day with a check-in on it: score = a + b·dose, where
/// the dose is the level in force that day (mg; 0 before the first dose and after a lapse), with AR(1)
/// errors in calendar days, fitted by generalised least squares with φ chosen by REML
/// (<see cref="Ar1Regression"/>). <see cref="SlopePerMg"/> is b in scale points per mg with its 95%
/// interval (Student's t, n − 3 degrees of freedom). A titration raises the dose over time, so the slope
/// also carries anything else that changed over those weeks; it is a description, not a causal estimate.
/// </summary>
public sealed record DoseResponseTrend
{
    public required ComparisonStatus Status { get; init; }

    /// <summary>Days in the fit.</summary>
    public required int Days { get; init; }

    /// <summary>Days in the fit on treatment (dose above 0).</summary>
    public required int TreatedDays { get; init; }

    /// <summary>Distinct doses among the days (0 included).</summary>
    public required int DoseLevels { get; init; }

    /// <summary>The fitted score at 0 mg.</summary>
    public double? Intercept { get; init; }

    /// <summary>Change of the score per mg of daily dose (scale points per mg).</summary>
    public double? SlopePerMg { get; init; }

    public double? Lower { get; init; }

    public double? Upper { get; init; }

    /// <summary>The day-to-day autocorrelation estimated with the trend.</summary>
    public double? Phi { get; init; }

    public int? DegreesOfFreedom { get; init; }

    /// <summary>Improved (the score moves the better way as the dose rises) or worse only when the interval excludes 0.</summary>
    public ChangeVerdict? Verdict { get; init; }

    /// <summary>Why there is no estimate; null when estimated or when the scale's own reason applies.</summary>
    public string? Reason { get; init; }
}
