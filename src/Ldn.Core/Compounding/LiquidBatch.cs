using System.Globalization;

namespace Ldn.Core.Compounding;

/// <summary>
/// A bottle of LDN liquid made by dissolving or suspending <see cref="TabletMg"/> of naltrexone
/// hydrochloride (typically one 50 mg tablet) in <see cref="VolumeMl"/> of vehicle. Its concentration
/// is simply tablet / volume; the vehicle and any loss in making it are outside this arithmetic.
/// </summary>
public sealed record LiquidBatch
{
    public LiquidBatch(decimal tabletMg, decimal volumeMl)
    {
        if (tabletMg <= 0m)
        {
            throw new InvalidInputException("The amount of naltrexone in the batch must be greater than zero: a liquid with no drug in it cannot deliver a dose.");
        }

        if (volumeMl <= 0m)
        {
            throw new InvalidInputException("The batch volume must be greater than zero.");
        }

        TabletMg = tabletMg;
        VolumeMl = volumeMl;
    }

    public decimal TabletMg { get; }

    public decimal VolumeMl { get; }

    /// <summary>tablet / volume. Exact when it terminates (50 mg / 50 mL = 1); otherwise correct to 28 significant digits.</summary>
    public decimal ConcentrationMgPerMl => TabletMg / VolumeMl;

    /// <summary>
    /// Measures a dose from this batch. The arithmetic uses tablet and volume, not the rounded quotient,
    /// so 4.5 mg from 50 mg in 30 mL is exactly 2.7 mL.
    /// </summary>
    /// <exception cref="InvalidInputException">The dose is more than the whole batch, or the syringe cannot measure it.</exception>
    public MeasuredLiquidDose Measure(decimal doseMg, Syringe syringe)
    {
        if (doseMg > TabletMg)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"A dose of {doseMg.Normalize()} mg is more than the whole batch ({TabletMg.Normalize()} mg in {VolumeMl.Normalize()} mL)."));
        }

        var dose = LiquidDosing.Measure(TabletMg, VolumeMl, doseMg, syringe);
        if (dose.VolumeMl > VolumeMl)
        {
            // Only possible when the dose is nearly the whole batch and the reading rounds up past it.
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"A dose of {doseMg.Normalize()} mg rounds to {dose.VolumeMl.Normalize()} mL, more than the whole batch ({VolumeMl.Normalize()} mL)."));
        }

        return dose;
    }

    /// <summary>How many whole doses of <paramref name="dose"/> the bottle holds (the remainder is too little for one more).</summary>
    public int DosesPerBatch(MeasuredLiquidDose dose)
    {
        ArgumentNullException.ThrowIfNull(dose);
        return (int)Math.Floor(VolumeMl / dose.VolumeMl);
    }
}
