using FsCheck;
using FsCheck.Fluent;
using Ldn.Core.Compounding;
using Xunit;

namespace Ldn.Core.Tests.Compounding;

public sealed class DropDosingTests
{
    [Fact]
    public void One_mg_per_mL_in_0_05_mL_drops_gives_1_5_mg_as_30_drops()
    {
        // One drop holds 1 mg/mL × 0.05 mL = 0.05 mg; 1.5 / 0.05 = 30 drops = 1.5 mL = 1.5 mg, 0 %.
        var dose = DropDosing.Measure(1m, 0.05m, 1.5m);
        Assert.Equal(30, dose.DropsPerDose);
        Assert.Equal(1.5m, dose.VolumeMl);
        Assert.Equal(1.5m, dose.ActualDoseMg);
        Assert.Equal(0m, dose.RoundingErrorPercent);
    }

    [Fact]
    public void Half_a_drop_rounds_up()
    {
        // 0.04 mg per drop; 1.5 / 0.04 = 37.5 → 38 drops = 1.52 mg; (1.52 − 1.5) / 1.5 × 100 = +1.333… %.
        var dose = DropDosing.Measure(1m, 0.04m, 1.5m);
        Assert.Equal(38, dose.DropsPerDose);
        Assert.Equal(1.52m, dose.ActualDoseMg);
        Assert.Equal(1.3333m, Math.Round(dose.RoundingErrorPercent, 4));
    }

    [Fact]
    public void Fewer_than_one_drop_or_more_than_100_are_refused()
    {
        Assert.Contains("less than one drop", Assert.Throws<InvalidInputException>(() => DropDosing.Measure(1m, 0.05m, 0.02m)).Message, StringComparison.Ordinal);
        Assert.Contains("more than the 100", Assert.Throws<InvalidInputException>(() => DropDosing.Measure(1m, 0.05m, 6m)).Message, StringComparison.Ordinal);
        Assert.Equal(100, DropDosing.Measure(1m, 0.05m, 5m).DropsPerDose);
        Assert.Equal(1, DropDosing.Measure(1m, 0.05m, 0.05m).DropsPerDose);

        // 100.5 drops would round to 101: refused; 100.4 rounds to 100: allowed.
        Assert.Throws<InvalidInputException>(() => DropDosing.Measure(1m, 0.05m, 5.025m));
        Assert.Equal(100, DropDosing.Measure(1m, 0.05m, 5.02m).DropsPerDose);
    }

    [Fact]
    public void Absurd_figures_are_bad_input_not_an_overflow() =>
        Assert.Throws<InvalidInputException>(() => DropDosing.Measure(1e-20m, 1e-8m, 7e20m));

    [Theory]
    [InlineData(0, 0.05, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 0.05, 0)]
    [InlineData(-1, 0.05, 1)]
    public void Zero_or_negative_figures_are_refused(double concentration, double drop, double dose) =>
        Assert.Throws<InvalidInputException>(() => DropDosing.Measure((decimal)concentration, (decimal)drop, (decimal)dose));

    [Fact]
    public void Drops_are_the_nearest_whole_number_and_the_dose_follows_exactly() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(
            (from c in Gen.Choose(100, 5_000)
             from drop in Gen.Choose(20, 100)
             from dose in Gen.Choose(50, 600)
             select (Concentration: c / 1000m, Drop: drop / 1000m, Dose: dose / 100m)).ToArbitrary(),
            x =>
            {
                var exact = x.Dose / (x.Concentration * x.Drop);
                if (exact < 1m || Math.Round(exact, MidpointRounding.AwayFromZero) > 100m)
                {
                    Assert.Throws<InvalidInputException>(() => DropDosing.Measure(x.Concentration, x.Drop, x.Dose));
                    return;
                }

                var d = DropDosing.Measure(x.Concentration, x.Drop, x.Dose);
                Assert.True(Math.Abs(d.DropsPerDose - exact) <= 0.5m, $"{x}: {d.DropsPerDose} drops for {exact}");
                Assert.Equal(d.DropsPerDose * x.Drop * x.Concentration, d.ActualDoseMg);
            }));
}
