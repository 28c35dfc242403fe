using FsCheck;
using FsCheck.Fluent;
using Ldn.Core.Compounding;
using Xunit;

namespace Ldn.Core.Tests.Compounding;

/// <summary>Liquid LDN: worked examples done by hand, the refusals, and the rounding bound as a property.</summary>
public sealed class LiquidDosingTests
{
    [Fact]
    public void Fifty_mg_in_50_mL_gives_1_mg_per_mL_and_1_5_mg_is_exactly_1_50_mL()
    {
        // 50 mg / 50 mL = 1 mg/mL. 1.5 mg / 1 mg/mL = 1.50 mL = 150 marks of 0.01 mL, no rounding:
        // actual 1.50 mL × 1 mg/mL = 1.5 mg, error 0 %. 1.5 mL is more than a 1 mL syringe holds: 2 fills.
        // 50 mL / 1.5 mL = 33.3 → 33 whole doses.
        var batch = new LiquidBatch(50m, 50m);
        Assert.Equal(1m, batch.ConcentrationMgPerMl);
        var dose = batch.Measure(1.5m, Syringe.Default);
        Assert.Equal(new MeasuredLiquidDose(1.5m, 1.5m, 1.5m, 0m, 2), dose);
        Assert.Equal(33, batch.DosesPerBatch(dose));
    }

    [Fact]
    public void Fifty_mg_in_30_mL_with_a_1_mL_syringe_gives_4_5_mg_as_2_70_mL_in_3_draws()
    {
        // 4.5 mg × 30 mL / 50 mg = 135 / 50 = 2.70 mL exactly; 2.70 mL × 50 / 30 = 4.5 mg; 0 %.
        // ceiling(2.70 / 1) = 3 fills; 30 / 2.7 = 11.1 → 11 doses.
        var batch = new LiquidBatch(50m, 30m);
        var dose = batch.Measure(4.5m, Syringe.Default);
        Assert.Equal(2.70m, dose.VolumeMl);
        Assert.Equal(4.5m, dose.ActualDoseMg);
        Assert.Equal(0m, dose.RoundingErrorPercent);
        Assert.Equal(3, dose.Draws);
        Assert.Equal(11, batch.DosesPerBatch(dose));
    }

    [Fact]
    public void Keeping_tablet_and_volume_apart_is_exact_where_the_concentration_is_not()
    {
        // 50/30 = 1.666…67 in decimal; going through it, 2.70 mL × 1.666…67 is 4.5000…01 mg, not 4.5.
        var viaConcentration = LiquidDosing.Measure(50m / 30m, 4.5m, Syringe.Default);
        Assert.NotEqual(4.5m, viaConcentration.ActualDoseMg);
        Assert.Equal(4.5m, new LiquidBatch(50m, 30m).Measure(4.5m, Syringe.Default).ActualDoseMg);
    }

    [Fact]
    public void Decimal_arithmetic_is_exact_where_binary_floating_point_is_not()
    {
        // In double, 0.3 / 0.1 = 2.9999999999999996; in decimal it is 3. So 0.3 mg of a 0.1 mg/mL liquid
        // is exactly 3 mL = 30 marks of 0.1 mL, error exactly 0.
        Assert.NotEqual(3.0, 0.3 / 0.1);
        var dose = LiquidDosing.Measure(0.1m, 0.3m, new Syringe(5m, 0.1m));
        Assert.Equal(3m, dose.VolumeMl);
        Assert.Equal(0.3m, dose.ActualDoseMg);
        Assert.Equal(0m, dose.RoundingErrorPercent);
        Assert.Equal(1, dose.Draws);
    }

    [Fact]
    public void A_volume_between_marks_is_rounded_to_the_nearest_mark()
    {
        // 1 mg of a 3 mg/mL liquid is 0.333… mL → 0.33 mL; 0.33 × 3 = 0.99 mg; (0.99 − 1) / 1 × 100 = −1 %.
        var dose = LiquidDosing.Measure(3m, 1m, Syringe.Default);
        Assert.Equal(0.33m, dose.VolumeMl);
        Assert.Equal(0.99m, dose.ActualDoseMg);
        Assert.Equal(-1m, dose.RoundingErrorPercent);
    }

    [Fact]
    public void A_volume_exactly_halfway_between_marks_is_read_at_the_upper_mark()
    {
        // 0.125 mg of 1 mg/mL is 0.125 mL, halfway between 0.12 and 0.13 → 0.13 mL = 0.13 mg, +4 %.
        var dose = LiquidDosing.Measure(1m, 0.125m, Syringe.Default);
        Assert.Equal(0.13m, dose.VolumeMl);
        Assert.Equal(4m, dose.RoundingErrorPercent);
    }

    [Fact]
    public void Rounding_beyond_5_percent_is_refused_and_the_sentence_says_why()
    {
        // 1 mg of 3 mg/mL with a 3 mL syringe (0.1 mL marks): 0.333 mL → 0.3 mL = 0.9 mg, −10 %.
        var error = Assert.Throws<InvalidInputException>(() => LiquidDosing.Measure(3m, 1m, Syringe.ForCapacity(3m)));
        Assert.Contains("beyond ±5%", error.Message, StringComparison.Ordinal);
        Assert.Contains("more dilute", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dose_below_one_graduation_is_refused()
    {
        // 0.005 mg of 1 mg/mL is 0.005 mL, half of the 0.01 mL mark.
        var error = Assert.Throws<InvalidInputException>(() => LiquidDosing.Measure(1m, 0.005m, Syringe.Default));
        Assert.Contains("less than one graduation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_100_fills_are_refused()
    {
        // 101 mg of 1 mg/mL = 101 mL = 101 fills of a 1 mL syringe; 100 mg = 100 fills is allowed.
        Assert.Contains("100 fills", Assert.Throws<InvalidInputException>(() => LiquidDosing.Measure(1m, 101m, Syringe.Default)).Message, StringComparison.Ordinal);
        Assert.Equal(100, LiquidDosing.Measure(1m, 100m, Syringe.Default).Draws);
        Assert.Throws<InvalidInputException>(() => LiquidDosing.Measure(0.0000001m, 1e20m, Syringe.Default));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(1, 0)]
    [InlineData(1, -1)]
    public void Zero_or_negative_concentration_or_dose_is_refused(double concentration, double dose) =>
        Assert.Throws<InvalidInputException>(() => LiquidDosing.Measure((decimal)concentration, (decimal)dose, Syringe.Default));

    [Fact]
    public void A_dose_larger_than_the_whole_batch_is_refused()
    {
        var error = Assert.Throws<InvalidInputException>(() => new LiquidBatch(50m, 50m).Measure(60m, Syringe.Default));
        Assert.Contains("more than the whole batch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_without_drug_or_volume_is_refused()
    {
        Assert.Throws<InvalidInputException>(() => new LiquidBatch(0m, 50m));
        Assert.Throws<InvalidInputException>(() => new LiquidBatch(50m, 0m));
    }

    [Fact]
    public void Syringes_have_assumed_typical_graduations_and_must_be_a_whole_number_of_marks()
    {
        Assert.Equal(new Syringe(1m, 0.01m), Syringe.Default);
        Assert.Equal(0.01m, Syringe.ForCapacity(0.5m).GraduationMl);
        Assert.Equal(0.1m, Syringe.ForCapacity(3m).GraduationMl);
        Assert.Equal(0.2m, Syringe.ForCapacity(5m).GraduationMl);
        Assert.Equal(0.5m, Syringe.ForCapacity(10m).GraduationMl);
        Assert.Throws<InvalidInputException>(() => Syringe.ForCapacity(7m));
        Assert.Throws<InvalidInputException>(() => new Syringe(1m, 0.3m).Validated());
        Assert.Throws<InvalidInputException>(() => new Syringe(1m, 2m).Validated());
        Assert.Throws<InvalidInputException>(() => new Syringe(1m, 0m).Validated());
    }

    /// <summary>A liquid 0.1–10 mg/mL, a dose 0.1–10 mg and a syringe of the typical table.</summary>
    private static readonly Arbitrary<(decimal Concentration, decimal Dose, Syringe Syringe)> Cases =
        (from concentration in Gen.Choose(100, 10_000)
         from dose in Gen.Choose(10, 1_000)
         from syringe in Gen.Elements(Syringe.KnownCapacitiesMl.Select(Syringe.ForCapacity).ToArray())
         select (concentration / 1000m, dose / 100m, syringe)).ToArbitrary();

    [Fact]
    public void The_rounding_error_is_at_most_half_a_graduation_relative_to_the_dose() =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Cases, c =>
        {
            var (concentration, doseMg, syringe) = c;
            var exactMl = doseMg / concentration;
            MeasuredLiquidDose dose;
            try
            {
                dose = LiquidDosing.Measure(concentration, doseMg, syringe);
            }
            catch (InvalidInputException)
            {
                // Refused only for the documented reasons: below one mark, rounding beyond ±5 %, or more than 100 fills.
                var rounded = exactMl.RoundToMultipleOf(syringe.GraduationMl);
                Assert.True(
                    exactMl < syringe.GraduationMl
                    || Math.Abs(((rounded * concentration) - doseMg) * 100m / doseMg) > 5m
                    || rounded > 100m * syringe.CapacityMl,
                    $"{c} was refused");
                return;
            }

            // The volume is a whole number of marks, the nearest one, and the dose follows from it exactly.
            Assert.Equal(0m, dose.VolumeMl % syringe.GraduationMl);
            Assert.True(Math.Abs(dose.VolumeMl - exactMl) <= syringe.GraduationMl / 2m, $"{c}: {dose}");
            Assert.Equal(dose.VolumeMl * concentration, dose.ActualDoseMg);

            // |actual − wanted| / wanted ≤ (graduation / 2) × concentration / wanted, and within ±5 %.
            var bound = syringe.GraduationMl / 2m * concentration * 100m / doseMg;
            Assert.True(Math.Abs(dose.RoundingErrorPercent) <= bound + 1e-20m, $"{c}: {dose.RoundingErrorPercent} % > {bound} %");
            Assert.InRange(dose.RoundingErrorPercent, -5m, 5m);
            Assert.Equal((int)Math.Ceiling(dose.VolumeMl / syringe.CapacityMl), dose.Draws);
        }));
}
