namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// Fits the <see cref="DoseResponseTrend"/> of one scale: every day with a check-in on it, the score against
/// the dose level in force that day (0 mg before the first dose and after a lapse), by generalised least
/// squares with AR(1) errors and φ chosen by REML (<see cref="Ar1Regression"/>).
/// </summary>
public static class DoseResponse
{
    /// <summary>The trend of the <paramref name="scale"/>-th scale of <paramref name="table"/>; <paramref name="scaleReason"/> (the scale's shared reason) leaves it unestimated without a reason of its own.</summary>
    public static DoseResponseTrend Fit(DayTable table, int scale, string name, string? scaleReason, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var days = new List<int>(table.Days.Count);
        var y = new List<double>(table.Days.Count);
        var x = new List<double>(table.Days.Count * 2);
        var treated = 0;
        var doses = new HashSet<decimal>();
        foreach (var day in table.Days)
        {
            var v = day.Scores.At(scale);
            if (double.IsNaN(v))
            {
                continue;
            }

            var mg = day.LevelMg ?? 0;
            days.Add(day.Date.ToDateOnly().DayNumber);
            y.Add(v);
            x.Add(1);
            x.Add((double)mg);
            doses.Add(mg);
            treated += mg > 0 ? 1 : 0;
        }

        var trend = new DoseResponseTrend { Status = ComparisonStatus.NotEnoughData, Days = days.Count, TreatedDays = treated, DoseLevels = doses.Count };
        if (scaleReason is not null)
        {
            return trend;
        }

        if (treated < options.MinWindowDays)
        {
            return trend with { Reason = $"only {SymptomComparer.DaysText(treated)} of {name} check-ins on treatment; need {options.MinWindowDays}" };
        }

        if (Ar1Regression.Fit([.. days], [.. y], [.. x], 2) is not { } fit)
        {
            return trend with { Reason = $"the trend of {name} could not be fitted" };
        }

        var (slope, lower, upper) = fit.Interval([0, 1]);
        return trend with
        {
            Status = ComparisonStatus.Estimated,
            Intercept = fit.Coefficients[0],
            SlopePerMg = slope,
            Lower = lower,
            Upper = upper,
            Phi = fit.Phi,
            DegreesOfFreedom = fit.DegreesOfFreedom,
            Verdict = SymptomComparer.Verdict(lower, upper, table.Scales[scale].HigherIsWorse),
        };
    }
}
