namespace Ldn.Core.Population.Fast;

/// <summary>
/// The fixed steps every subject of a population takes, shared by all of them: the run is cut at each
/// planned dose time and each output-grid time, and each piece is split into equal steps no longer than
/// the maximum step. A missed dose is a dose of 0 mg at its planned time, so the schedule does not depend
/// on the subject. Steps of (nearly) equal length share one entry of <see cref="Lengths"/>, so each
/// subject needs one propagator per distinct length (one for the usual hourly or 6-hourly grid with
/// doses on whole hours).
/// </summary>
public sealed class StepSchedule
{
    private const double Slack = 1e-9;

    private StepSchedule(double[] lengths, int[] lengthOf, int[] doseAt, int[] gridAt, double[] grid, int doseCount)
    {
        DoseCount = doseCount;
        Lengths = lengths;
        LengthOf = lengthOf;
        DoseAt = doseAt;
        GridAt = gridAt;
        Grid = grid;
    }

    /// <summary>The distinct step lengths, hours.</summary>
    public IReadOnlyList<double> Lengths { get; }

    /// <summary>For each step, the index of its length in <see cref="Lengths"/>.</summary>
    public int[] LengthOf { get; }

    /// <summary>For each step, the planned dose given at its start, or −1.</summary>
    public int[] DoseAt { get; }

    /// <summary>For each step, the grid index its end lies on, or −1.</summary>
    public int[] GridAt { get; }

    /// <summary>The output grid, hours (its first time must be 0, the start).</summary>
    public double[] Grid { get; }

    public int Steps => LengthOf.Length;

    /// <summary>Number of planned doses the schedule was built for.</summary>
    public int DoseCount { get; }

    /// <summary>
    /// Builds the schedule for planned dose times <paramref name="doseHours"/> (ascending, ≥ 0), an output
    /// <paramref name="grid"/> from 0 to the horizon (ascending) and a largest step of
    /// <paramref name="maxStepHours"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The grid does not start at 0, or times are not ascending.</exception>
    public static StepSchedule Create(IReadOnlyList<double> doseHours, double[] grid, double maxStepHours)
    {
        ArgumentNullException.ThrowIfNull(doseHours);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxStepHours);
        if (grid.Length == 0 || grid[0] != 0)
        {
            throw new ArgumentException("The output grid must start at time 0.", nameof(grid));
        }

        var horizon = grid[^1];
        var lengths = new List<double>();
        var lengthOf = new List<int>();
        var doseAt = new List<int>();
        var gridAt = new List<int>();
        int nextDose = 0, nextGrid = 1;
        var t = 0.0;
        while (t < horizon - Slack)
        {
            var dose = -1;
            while (nextDose < doseHours.Count && doseHours[nextDose] <= t + Slack)
            {
                // Two doses at one time cannot happen on a daily regimen; the later index wins.
                dose = nextDose++;
            }

            var breakpoint = Math.Min(grid[nextGrid], nextDose < doseHours.Count ? doseHours[nextDose] : double.PositiveInfinity);
            var pieces = (int)Math.Ceiling(((breakpoint - t) / maxStepHours) - Slack);
            var h = (breakpoint - t) / Math.Max(1, pieces);
            var index = lengths.FindIndex(l => Math.Abs(l - h) <= Slack * Math.Max(1, h));
            if (index < 0)
            {
                index = lengths.Count;
                lengths.Add(h);
            }

            for (var k = 0; k < Math.Max(1, pieces); k++)
            {
                lengthOf.Add(index);
                doseAt.Add(k == 0 ? dose : -1);
                var last = k == Math.Max(1, pieces) - 1;
                gridAt.Add(last && Math.Abs(grid[nextGrid] - breakpoint) <= Slack * Math.Max(1, breakpoint) ? nextGrid : -1);
            }

            if (Math.Abs(grid[nextGrid] - breakpoint) <= Slack * Math.Max(1, breakpoint))
            {
                nextGrid++;
            }

            t = breakpoint;
        }

        return new StepSchedule([.. lengths], [.. lengthOf], [.. doseAt], [.. gridAt], grid, doseHours.Count);
    }
}
