using Ldn.Core.Journal.Analysis;
using Xunit;
using static Ldn.Core.Tests.Journal.JournalAnalysisTestJournals;

namespace Ldn.Core.Tests.Journal;

/// <summary>The AR(1) regression the intervals rest on (<see cref="Ar1Regression"/>).</summary>
public sealed class JournalAnalysisAr1Tests
{
    [Fact]
    public void The_correlated_sum_variance_matches_the_quadratic_form_with_gaps()
    {
        int[] days = [0, 1, 2, 5, 6, 9, 20, 21];
        double[] w = [0.5, -1, 0.25, 2, -0.5, 1, 3, -2];
        const double phi = 0.6;
        var brute = 0.0;
        for (var i = 0; i < days.Length; i++)
        {
            for (var j = 0; j < days.Length; j++)
            {
                brute += w[i] * w[j] * Math.Pow(phi, Math.Abs(days[i] - days[j]));
            }
        }

        Assert.Equal(brute, Ar1Regression.CorrelatedSumVariance(days, w, phi), 10);
        Assert.Equal(w.Sum(x => x * x), Ar1Regression.CorrelatedSumVariance(days, w, 0), 10);
    }

    [Fact]
    public void On_a_long_series_the_fit_recovers_phi_the_means_and_the_variance()
    {
        // Two halves with means 2 and 5, unit-variance AR(1) noise with φ = 0.6, every third day missing.
        var random = new Random(3);
        var noise = Ar1(3000, 0.6, random);
        var days = Enumerable.Range(0, 3000).Where(d => d % 3 != 2).ToArray();
        var y = days.Select(d => (d < 1500 ? 2 : 5) + noise[d]).ToArray();
        var design = days.SelectMany(d => d < 1500 ? new double[] { 1, 0 } : [0, 1]).ToArray();

        var fit = Ar1Regression.Fit(days, y, design, 2)!;

        Assert.InRange(fit.Phi, 0.55, 0.65);
        Assert.InRange(fit.Sigma2, 0.9, 1.1);
        var (difference, lower, upper) = fit.Interval([-1, 1]);
        Assert.InRange(3.0, lower, upper);
        Assert.InRange(difference, 2.8, 3.2);

        // With φ fixed at 0 the interval is about √((1 + φ)/(1 − φ)) = 2 times narrower: the iid mistake.
        var iid = Ar1Regression.Fit(days, y, design, 2, phi: 0)!.Interval([-1, 1]);
        Assert.InRange((upper - lower) / (iid.Upper - iid.Lower), 1.6, 2.4);
    }

    [Fact]
    public void Too_few_days_or_an_empty_column_give_no_fit()
    {
        Assert.Null(Ar1Regression.Fit([0, 1, 2], [1.0, 2, 3], [1.0, 0, 1, 0, 1, 0], 2));
        Assert.Null(Ar1Regression.Fit([0, 1, 2, 3, 4], [1.0, 2, 3, 2, 1], [1.0, 0, 1, 0, 1, 0, 1, 0, 1, 0], 2));
        Assert.Throws<ArgumentException>(() => Ar1Regression.Fit([0, 0, 1, 2], [1.0, 2, 3, 4], [1.0, 1, 1, 1], 1));
    }
}
