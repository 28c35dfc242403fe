using System.Globalization;

namespace Ldn.Core.Compounding;

/// <summary>
/// Turns a wanted dose of a liquid into whole drops: drops = dose / (concentration × drop volume),
/// rounded to the nearest whole drop (halves up). The drop volume is whatever the dropper delivers;
/// it varies with the dropper, the angle and the liquid, so it should be measured, not assumed.
/// </summary>
public static class DropDosing
{
    /// <exception cref="InvalidInputException">A figure is not positive, or the dose is less than one drop or more than 100.</exception>
    public static MeasuredDropDose Measure(decimal concentrationMgPerMl, decimal dropVolumeMl, decimal doseMg)
    {
        try
        {
            return Compute(concentrationMgPerMl, dropVolumeMl, doseMg);
        }
        catch (OverflowException e)
        {
            // Only absurd inputs (far beyond the CLI's limits) get here; they are still the caller's mistake.
            throw new InvalidInputException("The figures are too large or too small to compute: check the units of the dose, concentration and volumes.", e);
        }
    }

    private static MeasuredDropDose Compute(decimal concentrationMgPerMl, decimal dropVolumeMl, decimal doseMg)
    {
        if (concentrationMgPerMl <= 0m)
        {
            throw new InvalidInputException("The concentration must be greater than zero: a liquid with no drug in it cannot deliver a dose.");
        }

        if (dropVolumeMl <= 0m)
        {
            throw new InvalidInputException("The drop volume must be greater than zero.");
        }

        if (doseMg <= 0m)
        {
            throw new InvalidInputException("The dose must be greater than zero.");
        }

        var perDropMg = concentrationMgPerMl * dropVolumeMl;
        var exactDrops = doseMg / perDropMg;
        if (exactDrops < 1m)
        {
            throw new InvalidInputException(Fmt(
                $"A dose of {doseMg.Normalize()} mg is less than one drop ({perDropMg.Normalize()} mg per {dropVolumeMl.Normalize()} mL drop): make a more dilute liquid or measure it with a syringe."));
        }

        // Checked before converting to int, so an absurd count cannot overflow.
        var rounded = Math.Round(exactDrops, MidpointRounding.AwayFromZero);
        if (rounded > CompoundingLimits.LargestDropsPerDose)
        {
            throw new InvalidInputException(Fmt(
                $"A dose of {doseMg.Normalize()} mg needs about {rounded} drops, more than the {CompoundingLimits.LargestDropsPerDose} that can be counted reliably: make a more concentrated liquid or measure it with a syringe."));
        }

        var drops = (int)rounded;
        var volumeMl = drops * dropVolumeMl;
        var actualMg = drops * perDropMg;
        var errorPercent = (actualMg - doseMg) * 100m / doseMg;
        return new MeasuredDropDose(doseMg, concentrationMgPerMl, dropVolumeMl, drops, volumeMl, actualMg, errorPercent);
    }

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
