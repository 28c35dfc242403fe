namespace Ldn.Core.Compounding;

/// <summary>
/// A dose given as whole drops: the wanted amount, the drop volume assumed, the number of drops (rounded
/// to the nearest whole drop), the volume and amount those drops hold, and the relative error
/// ((actual − wanted) / wanted × 100).
/// </summary>
public sealed record MeasuredDropDose(decimal WantedMg, decimal ConcentrationMgPerMl, decimal DropVolumeMl, int DropsPerDose, decimal VolumeMl, decimal ActualDoseMg, decimal RoundingErrorPercent);
