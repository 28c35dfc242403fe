using Xunit;
using Xunit.Abstractions;
using static Ldn.Core.Tests.Journal.JournalAnalysisCoverageStudy;

namespace Ldn.Core.Tests.Journal;

/// <summary>
/// A small version of the coverage study (the full one, ≥ 1,000 replicates per cell: bench/coverage.sh,
/// figures in docs/journal-analysis.md). 200 seeded replicates per cell; the per-step intervals of the
/// three steps are pooled (about 590 intervals). Bounds: 95% ± 3 binomial standard errors
/// (√(0.95·0.05/n): ±2.7 points for 590 intervals, ±4.6 for the 200 trend slopes), so a real loss of
/// coverage (or intervals far too wide) fails and chance alone almost never does; the seeds are fixed.
/// </summary>
public sealed class JournalAnalysisCoverageTests(ITestOutputHelper output)
{
    private const int Replicates = 200;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    public void Per_step_and_trend_intervals_keep_95_percent_coverage_under_AR1_noise_with_a_known_effect(double phi)
    {
        var tallies = Run(Protocol(phi, effect: true), Replicates);
        foreach (var t in tallies)
        {
            output.WriteLine(t.ToString());
        }

        AssertNominal(tallies.Where(t => t.Interval.StartsWith("step", StringComparison.Ordinal)));
        AssertNominal(tallies.Where(t => t.Interval == "dose-response slope"));
        AssertNominal(tallies.Where(t => t.Interval == "latest 28 days"));
    }

    [Fact]
    public void Per_step_intervals_keep_95_percent_coverage_without_an_effect_and_on_the_demo_journal()
    {
        var none = Run(Protocol(0.6, effect: false), Replicates);
        var demo = Run(Demo(), Replicates / 2);
        foreach (var t in none.Concat(demo))
        {
            output.WriteLine(t.ToString());
        }

        AssertNominal(none.Where(t => t.Interval.StartsWith("step", StringComparison.Ordinal)));
        AssertNominal(none.Where(t => t.Interval == "dose-response slope"));
        AssertNominal(demo); // every window of the five scales: about 2,000 intervals, ±1.5 points
    }

    private static void AssertNominal(IEnumerable<Tally> tallies)
    {
        var list = tallies.ToList();
        var covered = list.Sum(t => t.Covered);
        var n = list.Sum(t => t.Estimated);
        Assert.True(n >= 90, $"only {n} intervals were estimated");
        var coverage = covered / (double)n;
        var bound = 3 * Math.Sqrt(0.95 * 0.05 / n);
        Assert.True(Math.Abs(coverage - 0.95) <= bound, $"coverage {coverage:P1} of {n} intervals is outside 95% ± {bound:P1}");
    }
}
