using Ldn.Cli.Reports;
using Ldn.Core.Pharmacology.Streaming;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>The report's chart thinning keeps short series whole and every extreme of a long one, within its limit.</summary>
public sealed class ChartDecimatorTests
{
    private static readonly Func<SeriesPoint, double>[] Quantities = [p => p.Mor, p => p.ClinicalScore];

    [Fact]
    public void A_series_within_the_limit_is_kept_whole()
    {
        var points = Series(500, seed: 1);
        var kept = Thin(points, maxPoints: 500);
        Assert.Equal(points, kept);
    }

    [Theory]
    [InlineData(501, 1)]
    [InlineData(10_000, 2)]
    [InlineData(123_457, 3)]
    public void A_long_series_keeps_first_last_and_every_global_extreme_in_time_order(int count, int seed)
    {
        var points = Series(count, seed);
        var kept = Thin(points, maxPoints: 500);

        Assert.InRange(kept.Count, 20, 500);
        Assert.Equal(points[0], kept[0]);
        Assert.Equal(points[^1], kept[^1]);
        Assert.Equal(kept.Select(p => p.TimeHours).Order(), kept.Select(p => p.TimeHours));
        Assert.Equal(kept.Count, kept.Select(p => p.TimeHours).Distinct().Count());
        foreach (var quantity in Quantities)
        {
            Assert.Equal(points.Max(quantity), kept.Max(quantity));
            Assert.Equal(points.Min(quantity), kept.Min(quantity));
        }

        // A spike narrower than a bucket still shows: every spike (MOR ≥ 2, above all else) with no other spike
        // within a hundredth of the series (longer than a bucket) is the highest point of its bucket, so it is kept.
        var spikes = Enumerable.Range(0, count).Where(i => points[i].Mor >= 2).ToList();
        var lone = spikes.Where(i => spikes.All(j => j == i || Math.Abs(j - i) > count / 100)).ToList();
        Assert.True(count < 10_000 || lone.Count > 0, "The series has no lone spike to look for.");
        Assert.All(lone, i => Assert.Contains(points[i], kept));
    }

    private static List<SeriesPoint> Thin(List<SeriesPoint> points, int maxPoints)
    {
        var thinner = new ChartDecimator(points.Count, Quantities, maxPoints);
        foreach (var point in points)
        {
            thinner.Add(point);
        }

        return [.. thinner.Points()];
    }

    /// <summary>A noisy oscillation (at most 1.1) with rare spikes of 2–3, so extremes fall anywhere in a bucket.</summary>
    private static List<SeriesPoint> Series(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var mor = random.NextDouble() < 0.002 ? 2 + random.NextDouble() : Math.Sin(i / 37.0) + (0.1 * random.NextDouble());
            var score = Math.Cos(i / 101.0) - (0.2 * random.NextDouble());
            return new SeriesPoint(i * 0.1, 0, 0, mor, 0, 0, 0, 0, 0, 0, score);
        })];
    }
}
