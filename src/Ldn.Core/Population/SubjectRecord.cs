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
    /// Builds the record of <paramref name="subject"/> from its samples <c>samples[point·stride + column]</c>
    /// on <paramref name="grid"/> (hours), the horizon being the last grid time.
    /// </summary>
    public static SubjectRecord From(
        VirtualSubject subject, Dosing.Formulation formulation, ReadOnlySpan<SubjectSample> samples, int stride, int column, double[] grid, int dosesTaken, double milligramsTaken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(grid);
        var horizon = grid[^1];
        var trough = double.PositiveInfinity;
        var peak = double.NegativeInfinity;
        double? week12 = null;
        for (var point = 0; point < grid.Length; point++)
        {
            var s = samples[(point * stride) + column];
            if (grid[point] >= horizon - SteadyStateHours - 1e-9)
            {
                trough = Math.Min(trough, s.Mor);
                peak = Math.Max(peak, s.Mor);
            }

            if (Math.Abs(grid[point] - Pharmacology.Simulator.Week12.Hours) <= 1e-9)
            {
                week12 = (s.Inflammation / subject.Condition.DiseaseDrive) - 1;
            }
        }

        var end = samples[((grid.Length - 1) * stride) + column];
        return new SubjectRecord(
            subject.Index, SubjectParameters.Values(subject, formulation), dosesTaken, milligramsTaken, trough, peak, week12, end.Mor, end.Signalling, end.Inflammation, end.Score);
    }

    /// <summary>The steady-state window: the last dosing interval of a daily regimen, hours.</summary>
    public const double SteadyStateHours = 24;
}
