using System.Globalization;

namespace Ldn.Core.Compounding;

/// <summary>
/// Turns a wanted dose of a liquid into a volume on a syringe. The exact volume is dose / concentration;
/// the syringe can only be read to its nearest mark, so the volume is rounded to the nearest graduation
/// and the dose actually delivered is that volume × concentration. A dose is refused when it needs less
/// than one graduation, or when rounding moves it by more than ±5 %.
/// </summary>
public static class LiquidDosing
{
    /// <summary>Measures <paramref name="doseMg"/> of a liquid of <paramref name="concentrationMgPerMl"/> with <paramref name="syringe"/>.</summary>
    /// <exception cref="InvalidInputException">The inputs are not positive, or the syringe cannot measure the dose.</exception>
    public static MeasuredLiquidDose Measure(decimal concentrationMgPerMl, decimal doseMg, Syringe syringe)
    {
        if (concentrationMgPerMl <= 0m)
        {
            throw new InvalidInputException("The liquid's concentration must be greater than zero: a liquid with no drug in it cannot deliver a dose.");
        }

        return Measure(concentrationMgPerMl, 1m, doseMg, syringe);
    }

    /// <summary>
    /// The same for a liquid of <paramref name="massMg"/> in <paramref name="volumeMl"/>. Keeping the two
    /// apart instead of dividing first keeps the arithmetic exact: 4.5 mg of 50 mg in 30 mL is
    /// 4.5 × 30 / 50 = 2.7 mL exactly, whereas 4.5 / (50 / 30) passes through 1.666… mg/mL and does not
    /// come back to 2.7.
    /// </summary>
    internal static MeasuredLiquidDose Measure(decimal massMg, decimal volumeMl, decimal doseMg, Syringe syringe)
    {
        try
        {
            return Compute(massMg, volumeMl, doseMg, syringe);
        }
        catch (OverflowException e)
        {
            // Only absurd inputs (far beyond the CLI's limits) get here; they are still the caller's mistake.
            throw new InvalidInputException("The figures are too large or too small to compute: check the units of the dose, concentration and volumes.", e);
        }
    }

    private static MeasuredLiquidDose Compute(decimal massMg, decimal volumeMl, decimal doseMg, Syringe syringe)
    {
        ArgumentNullException.ThrowIfNull(syringe);
        syringe.Validated();
        if (massMg <= 0m || volumeMl <= 0m)
        {
            throw new InvalidInputException("The liquid's concentration must be greater than zero: a liquid with no drug in it cannot deliver a dose.");
        }

        if (doseMg <= 0m)
        {
            throw new InvalidInputException("The dose must be greater than zero.");
        }

        var graduation = syringe.GraduationMl;
        var exactVolumeMl = doseMg * volumeMl / massMg;
        if (exactVolumeMl < graduation)
        {
            throw new InvalidInputException(Fmt(
                $"A dose of {doseMg.Normalize()} mg needs {Math.Round(exactVolumeMl, 6).Normalize()} mL, less than one graduation ({graduation.Normalize()} mL) of a {syringe.CapacityMl.Normalize()} mL syringe: make a more dilute liquid or use a syringe with finer marks."));
        }

        var measuredMl = exactVolumeMl.RoundToMultipleOf(graduation);
        var actualMg = measuredMl * massMg / volumeMl;
        var errorPercent = (actualMg - doseMg) * 100m / doseMg;
        if (Math.Abs(errorPercent) > CompoundingLimits.LargestRoundingErrorPercent)
        {
            throw new InvalidInputException(Fmt(
                $"A {syringe.CapacityMl.Normalize()} mL syringe marked every {graduation.Normalize()} mL cannot measure {doseMg.Normalize()} mg: the nearest mark, {measuredMl.Normalize()} mL, gives {Math.Round(actualMg, 4).Normalize()} mg ({errorPercent:+0.0;-0.0}%, beyond ±{CompoundingLimits.LargestRoundingErrorPercent}%), so make a more dilute liquid or use a syringe with finer marks."));
        }

        // Fills of the syringe: a full syringe is a reading (its capacity is a whole number of marks), so
        // a volume beyond the capacity is taken as full fills plus one partial fill.
        var fills = Math.Ceiling(measuredMl / syringe.CapacityMl);
        if (fills > CompoundingLimits.LargestDraws)
        {
            // Checked before converting to int, so an absurd volume cannot overflow.
            throw new InvalidInputException(Fmt(
                $"A dose of {doseMg.Normalize()} mg is {Math.Round(measuredMl, 4).Normalize()} mL, more than {CompoundingLimits.LargestDraws} fills of a {syringe.CapacityMl.Normalize()} mL syringe: use a larger syringe or a more concentrated liquid."));
        }

        var draws = (int)fills;
        return new MeasuredLiquidDose(doseMg, measuredMl, actualMg, errorPercent, draws);
    }

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
