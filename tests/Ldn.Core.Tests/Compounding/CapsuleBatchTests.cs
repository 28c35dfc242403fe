using Ldn.Core.Compounding;
using Xunit;

namespace Ldn.Core.Tests.Compounding;

public sealed class CapsuleBatchTests
{
    [Fact]
    public void Thirty_capsules_of_4_5_mg_from_50_mg_tablets()
    {
        // 4.5 mg × 30 = 135 mg; 135 / 50 = 2.7 → 3 whole tablets = 150 mg; 15 mg over, so use
        // 135 / 150 = 90 % of the blend, or make floor(150 / 4.5) = 33 capsules. ±10 % of 4.5 = 4.05–4.95 mg.
        var batch = CapsuleBatch.Plan(4.5m, 30, 50m);
        Assert.Equal(135m, batch.TotalActiveMg);
        Assert.Equal(3, batch.TabletsNeeded);
        Assert.Equal(150m, batch.WholeTabletsMg);
        Assert.Equal(15m, batch.ExcessActiveMg);
        Assert.Equal(0.9m, batch.FractionOfBlendToUse);
        Assert.Equal(33, batch.CapsulesFromWholeTablets);
        Assert.Equal(4.5m, batch.PerCapsuleMg);
        Assert.Equal(4.05m, batch.PerCapsuleMinMg);
        Assert.Equal(4.95m, batch.PerCapsuleMaxMg);
    }

    [Fact]
    public void Forty_capsules_need_4_tablets_which_are_enough_for_44()
    {
        // 4.5 × 40 = 180 mg → 4 tablets = 200 mg; 200 / 4.5 = 44.4 → 44 capsules; 20 mg over.
        var batch = CapsuleBatch.Plan(4.5m, 40, 50m);
        Assert.Equal(4, batch.TabletsNeeded);
        Assert.Equal(20m, batch.ExcessActiveMg);
        Assert.Equal(44, batch.CapsulesFromWholeTablets);
    }

    [Fact]
    public void An_exact_fit_leaves_nothing_over()
    {
        // 1.5 mg × 100 = 150 mg = exactly 3 tablets of 50 mg.
        var batch = CapsuleBatch.Plan(1.5m, 100, 50m);
        Assert.Equal(3, batch.TabletsNeeded);
        Assert.Equal(0m, batch.ExcessActiveMg);
        Assert.Equal(1m, batch.FractionOfBlendToUse);
        Assert.Equal(100, batch.CapsulesFromWholeTablets);
    }

    [Fact]
    public void Tenths_add_up_exactly()
    {
        // 0.1 mg × 3 = 0.3 mg exactly (0.1 + 0.1 + 0.1 is 0.30000000000000004 in double); per capsule ±10 % of 0.1 mg is 0.09–0.11 mg.
        var batch = CapsuleBatch.Plan(0.1m, 3, 0.3m);
        Assert.Equal(0.3m, batch.TotalActiveMg);
        Assert.Equal(1, batch.TabletsNeeded);
        Assert.Equal(0m, batch.ExcessActiveMg);
        Assert.Equal(0.09m, batch.PerCapsuleMinMg);
        Assert.Equal(0.11m, batch.PerCapsuleMaxMg);
    }

    [Theory]
    [InlineData(0, 30, 50)]
    [InlineData(-4.5, 30, 50)]
    [InlineData(4.5, 0, 50)]
    [InlineData(4.5, -1, 50)]
    [InlineData(4.5, 10_001, 50)]
    [InlineData(4.5, 30, 0)]
    [InlineData(4.5, 30, 1e6)]
    public void Bad_batches_are_refused(double doseMg, int count, double tabletMg) =>
        Assert.Throws<InvalidInputException>(() => CapsuleBatch.Plan((decimal)doseMg, count, (decimal)tabletMg));
}
