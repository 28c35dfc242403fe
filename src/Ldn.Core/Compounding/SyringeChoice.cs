namespace Ldn.Core.Compounding;

/// <summary>
/// Picks the common oral syringe for a dose when the user names none: the one that measures it in the
/// fewest fills (each fill adds a reading error), then with the smallest rounding error, then the
/// smallest. 4.5 mL of a 1 mg/mL liquid thus goes to a 10 mL syringe marked every 0.5 mL (exact) rather
/// than a 5 mL one marked every 0.2 mL (4.6 mL, +2.2%), and 1.5 mL to a 3 mL syringe rather than two fills
/// of a 1 mL one. The marks are the assumed typical ones of <see cref="Syringe"/>.
/// </summary>
public static class SyringeChoice
{
    /// <param name="measure">How the dose is measured with a given syringe; throws <see cref="InvalidInputException"/> when it cannot be.</param>
    public static (Syringe Syringe, MeasuredLiquidDose Dose) Best(Func<Syringe, MeasuredLiquidDose> measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var candidates = new List<(Syringe Syringe, MeasuredLiquidDose Dose)>();
        InvalidInputException? lastError = null;
        foreach (var capacity in Syringe.KnownCapacitiesMl)
        {
            var syringe = Syringe.ForCapacity(capacity);
            try
            {
                candidates.Add((syringe, measure(syringe)));
            }
            catch (InvalidInputException e)
            {
                lastError = e;
            }
        }

        return candidates.Count > 0
            ? candidates.OrderBy(c => c.Dose.Draws).ThenBy(c => Math.Abs(c.Dose.RoundingErrorPercent)).ThenBy(c => c.Syringe.CapacityMl).First()
            : throw lastError!;
    }
}
