namespace Ldn.Core.Journal.Analysis;

/// <summary>The Wilson score interval for a proportion k/n: sensible at 0, at n, and for small n, unlike k/n ± z·SE.</summary>
public static class WilsonInterval
{
    public const double Z95 = 1.959963984540054;

    public static (double Lower, double Upper) Compute(int successes, int trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0)
        {
            return (0, 1);
        }

        double n = trials, p = successes / n, z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
