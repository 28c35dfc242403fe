namespace Ldn.Core.Population;

/// <summary>
/// One virtual subject of a population run, for <c>population --subjects</c>: the sampled parameter
/// values (in <see cref="SubjectParameters.Columns"/> order and units), the doses taken and summary
/// metrics read off the output grid.
/// </summary>
/// <param name="Index">Subject index (0-based): with the seed it identifies the subject.</param>
/// <param name="Parameters">Sampled values, one per <see cref="SubjectParameters.Columns"/> entry.</param>
/// <param name="DosesTaken">Doses taken (planned minus missed).</param>
/// <param name="MilligramsTaken">Total amount taken, mg (after the subject's product accuracy).</param>
/// <param name="MorTrough">Lowest MOR blockade (0–1) on the grid over the last 24 h (steady state).</param>
/// <param name="MorPeak">Highest MOR blockade (0–1) on the grid over the last 24 h.</param>
/// <param name="InflammationChangeWeek12">I(12 weeks)/D − 1 when week 12 is a grid time, else null.</param>
/// <param name="MorEnd">MOR blockade at the last grid time (the horizon).</param>
/// <param name="SignallingEnd">Opioid signalling S at the horizon.</param>
/// <param name="InflammationEnd">Inflammation index I at the horizon.</param>
/// <param name="ScoreEnd">Clinical score at the horizon (no measurement noise).</param>
public sealed record SubjectRecord(
    int Index,
    IReadOnlyList<double> Parameters,
    int DosesTaken,
    double MilligramsTaken,
    double MorTrough,
    double MorPeak,
    double? InflammationChangeWeek12,
    double MorEnd,
    double SignallingEnd,
    double InflammationEnd,
    double ScoreEnd)
{
    /// <summary>
    /// Builds the record of <paramref name="subject"/> from its samples <c>samples[point]</c> on
    /// <paramref name="grid"/> (hours), the horizon being the last grid time.
    /// </summary>
    public static SubjectRecord From(
        VirtualSubject subject, Dosing.Formulation formulation, ReadOnlySpan<SubjectSample> samples, double[] grid, int dosesTaken, double milligramsTaken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(grid);
        var metrics = new SubjectMetrics(grid[^1]);
        for (var point = 0; point < grid.Length; point++)
        {
            metrics.Observe(grid[point], samples[point], subject.Condition.DiseaseDrive);
        }

        return metrics.ToRecord(subject, formulation, dosesTaken, milligramsTaken);
    }

    /// <summary>The steady-state window: the last dosing interval of a daily regimen, hours.</summary>
    public const double SteadyStateHours = 24;
}
