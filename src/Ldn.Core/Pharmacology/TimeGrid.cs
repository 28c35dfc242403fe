using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>Evenly spaced sampling times from <c>from</c> to <c>to</c>, always including both ends.</summary>
internal static class TimeGrid
{
    public static double[] Create(double from, double to, double step)
    {
        var intervals = Intervals(from, to, step);
        var times = new double[ExactCount(from, to, step)];
        for (var i = 0; i <= intervals; i++)
        {
            times[i] = from + (i * step);
        }

        times[^1] = to;
        return times;
    }

    /// <summary>The number of times <see cref="Create"/> makes, exactly, without making them.</summary>
    public static long ExactCount(double from, double to, double step)
    {
        var intervals = Intervals(from, to, step);
        var endsOnGrid = Math.Abs(from + (intervals * step) - to) <= 1e-9 * Math.Max(1.0, Math.Abs(to));
        return intervals + (endsOnGrid ? 1 : 2);
    }

    /// <summary>Number of rows <see cref="Create"/> would make, without making them (at most one more than it makes).</summary>
    public static long Count(Duration span, Duration step) => (long)Math.Floor((span / step) + 1e-9) + 2;

    private static long Intervals(double from, double to, double step) => (long)Math.Floor(((to - from) / step) + 1e-9);
}
