using MathNet.Numerics.Statistics;

namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// The 2.5%, 50% and 97.5% quantiles of one quantity over the drawn replicates, by the same definition as the shipped
/// fit intervals (MathNet's <c>Quantile</c>, R type 8). The three come from one sorted sample and the quantile function
/// is non-decreasing in its level, so Low ≤ Median ≤ High always holds: the point (the median) lies in its band by
/// construction, with no clamping.
/// </summary>
public readonly record struct BandQuantiles(double Low, double Median, double High)
{
    /// <summary>Lower level: a central 95% band.</summary>
    public const double LowLevel = 0.025;

    /// <summary>Upper level.</summary>
    public const double HighLevel = 0.975;

    /// <summary>Sorts <paramref name="values"/> in place (a caller's scratch buffer) and reads the three quantiles.</summary>
    public static BandQuantiles Of(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Array.Sort(values);
        return new BandQuantiles(
            SortedArrayStatistics.Quantile(values, LowLevel),
            SortedArrayStatistics.Quantile(values, 0.5),
            SortedArrayStatistics.Quantile(values, HighLevel));
    }
}
