namespace Ldn.Core.Compounding;

/// <summary>Small helpers for exact decimal figures.</summary>
public static class DecimalExtensions
{
    /// <summary>
    /// The same value without trailing zeros (1.50 → 1.5), so printed figures do not suggest a precision
    /// the arithmetic did not add. Dividing by 1 written with 28 zero places is the documented idiom:
    /// decimal division returns the smallest scale that represents the quotient exactly.
    /// </summary>
    public static decimal Normalize(this decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>
    /// Rounds to the nearest whole multiple of <paramref name="step"/>, halves away from zero: a reading
    /// exactly halfway between two syringe marks is taken at the upper one (no source prefers either;
    /// away-from-zero is how people read a scale and never rounds a dose down to nothing).
    /// </summary>
    public static decimal RoundToMultipleOf(this decimal value, decimal step) =>
        Math.Round(value / step, MidpointRounding.AwayFromZero) * step;
}
