namespace Ldn.Core.Compounding;

/// <summary>
/// A dose of liquid as it can actually be measured: the wanted amount, the volume read off the syringe
/// (a whole number of graduations), the amount that volume really contains, the relative error
/// ((actual − wanted) / wanted × 100) and how many fills of the syringe it takes.
/// </summary>
public sealed record MeasuredLiquidDose(decimal WantedMg, decimal VolumeMl, decimal ActualDoseMg, decimal RoundingErrorPercent, int Draws);
