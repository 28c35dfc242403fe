using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>Evenly spaced sampling times from <c>from</c> to <c>to</c>, always including both ends.</summary>
internal static class TimeGrid
{
    public static double[] Create(double from, double to, double step)
    {
        var intervals = (long)Math.Floor(((to - from) / step) + 1e-9);
        var endsOnGrid = Math.Abs(from + (intervals * step) - to) <= 1e-9 * Math.Max(1.0, Math.Abs(to));
        var count = intervals + (endsOnGrid ? 1 : 2);
        var times = new double[count];
        for (var i = 0; i <= intervals; i++)
        {
            times[i] = from + (i * step);
        }

        times[^1] = to;
        return times;
    }

    /// <summary>Number of rows <see cref="Create"/> would make, without making them.</summary>
    public static long Count(Duration span, Duration step) => (long)Math.Floor((span / step) + 1e-9) + 2;
}
