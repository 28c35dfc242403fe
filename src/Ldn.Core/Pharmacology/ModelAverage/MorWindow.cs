namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// MOR blockade over the summary window of one run, read off the same fine grid as <see cref="Simulator"/>'s summary:
/// peak and trough (0–1), time-weighted mean (0–1, trapezoidal) and hours above 25% and 50% (linear interpolation).
/// </summary>
public readonly record struct MorWindow(double Peak, double Trough, double Mean, double HoursAbove25, double HoursAbove50)
{
    /// <summary>The window summary of blockade values <paramref name="mor"/> at <paramref name="times"/> (hours, ascending, same length).</summary>
    public static MorWindow Of(ReadOnlySpan<double> times, ReadOnlySpan<double> mor)
    {
        double peak = double.MinValue, trough = double.MaxValue, integral = 0, above25 = 0, above50 = 0;
        for (var i = 0; i < times.Length; i++)
        {
            peak = Math.Max(peak, mor[i]);
            trough = Math.Min(trough, mor[i]);
            if (i > 0)
            {
                var dt = times[i] - times[i - 1];
                integral += 0.5 * (mor[i] + mor[i - 1]) * dt;
                above25 += Simulator.TimeAbove(mor[i - 1], mor[i], 0.25, dt);
                above50 += Simulator.TimeAbove(mor[i - 1], mor[i], 0.50, dt);
            }
        }

        var span = times[^1] - times[0];
        return new MorWindow(peak, trough, span > 0 ? integral / span : peak, above25, above50);
    }
}
