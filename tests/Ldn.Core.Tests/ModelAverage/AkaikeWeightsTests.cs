using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Pharmacology.ModelAverage;
using Xunit;

namespace Ldn.Core.Tests.ModelAverage;

/// <summary>Akaike weights (Burnham &amp; Anderson 2002, eq. 2.14) and the replicate apportioning, from the shipped fits.</summary>
public sealed class AkaikeWeightsTests
{
    [Fact]
    public void Weights_cover_exactly_the_adequate_fits_sum_to_one_and_follow_aic()
    {
        var fits = FitCatalog.Shipped;
        var weights = AkaikeWeights.Of(fits);

        Assert.Equal(fits.Where(f => f.Adequate).Select(f => f.Structure).Order(), weights.Select(w => w.Structure).Order());
        Assert.Equal(1.0, weights.Sum(w => w.Weight), 12);
        Assert.Equal(0.0, weights[0].DeltaAic);

        // Independent form: w_i/w_j = exp(−(AIC_i − AIC_j)/2), from the fits' own AICs.
        foreach (var w in weights)
        {
            var aic = fits.Single(f => f.Structure == w.Structure).Aic;
            var expected = 1 / fits.Where(f => f.Adequate).Sum(f => Math.Exp(-(f.Aic - aic) / 2));
            Assert.Equal(expected, w.Weight, 12);
        }

        Assert.True(weights.Zip(weights.Skip(1)).All(p => p.First.Aic <= p.Second.Aic && p.First.Weight >= p.Second.Weight));
    }

    [Fact]
    public void No_adequate_fit_is_one_sentence()
    {
        var none = FitCatalog.Shipped.Select(f => f with { Adequate = false }).ToList();
        var error = Assert.Throws<InvalidInputException>(() => AkaikeWeights.Of(none));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(7)]
    public void Apportioned_counts_sum_to_the_total_and_stay_within_one_of_their_share(int total)
    {
        double[] weights = [0.714, 0.286];
        var counts = ReplicateDraw.Apportion(weights, total);
        Assert.Equal(total, counts.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            Assert.True(Math.Abs(counts[i] - (weights[i] * total)) < 1, $"{counts[i]} for share {weights[i] * total}");
        }
    }

    [Fact]
    public void The_draw_is_fixed_by_its_seed()
    {
        var fits = FitCatalog.Shipped;
        var weights = AkaikeWeights.Of(fits);
        var (a, _) = ReplicateDraw.Draw(weights, fits, 50, 12);
        var (b, _) = ReplicateDraw.Draw(weights, fits, 50, 12);
        var (c, filled) = ReplicateDraw.Draw(weights, fits, 50, 13);
        Assert.Equal(a.Select(d => d.Parameters), b.Select(d => d.Parameters));
        Assert.NotEqual(a.Select(d => d.Parameters), c.Select(d => d.Parameters));
        Assert.Equal(50, filled.Sum(w => w.Replicates));
    }
}
