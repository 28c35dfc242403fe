using System.Globalization;
using Ldn.Core.Units;

namespace Ldn.Core.Compounding;

/// <summary>
/// Reads quantities as exact <see cref="decimal"/> values for the compounding arithmetic. The rules are
/// those of <c>Units.QuantityText</c> (a number in the invariant culture, optionally followed by a unit,
/// with or without a space; a bare number is mg, mL or mg/mL), but nothing passes through
/// <see cref="double"/>: "0.1" stays exactly one tenth, so 0.1 mL + 0.2 mL is exactly 0.3 mL.
/// Every value must be positive and inside the limits the caller gives; any other input is one sentence
/// in an <see cref="InvalidInputException"/>.
/// </summary>
public static class ExactQuantity
{
    /// <summary>Reads a mass in mg: <c>4.5mg</c>, <c>4.5 mg</c>, <c>1500ug</c>, <c>1500 µg</c>, <c>1500mcg</c>, <c>0.05g</c> or <c>4.5</c>.</summary>
    public static decimal ParseMilligrams(string text, string what, decimal smallestMg, decimal largestMg)
    {
        var (value, unit) = Split(text, what);
        var mg = unit.ToLowerInvariant() switch
        {
            "" or "mg" => value,
            "ug" or "µg" or "μg" or "mcg" => value / 1000m,
            "g" => Scale(value, 1000m, text, what),
            _ => throw new InvalidInputException(
                $"'{text}' is not a {what}: '{unit}' is not a unit of mass for a {what} (use mg, µg/ug/mcg or g, e.g. 4.5mg)."),
        };
        return InRange(mg, smallestMg, largestMg, "mg", text, what);
    }

    /// <summary>Reads a volume in mL: <c>1.5mL</c>, <c>1.5 ml</c>, <c>0.05L</c>, <c>50µL</c> or <c>1.5</c>.</summary>
    public static decimal ParseMillilitres(string text, string what, decimal smallestMl, decimal largestMl)
    {
        var (value, unit) = Split(text, what);
        var ml = unit.ToLowerInvariant() switch
        {
            "" or "ml" => value,
            "l" => Scale(value, 1000m, text, what),
            "ul" or "µl" or "μl" => value / 1000m,
            _ => throw new InvalidInputException(
                $"'{text}' is not a {what}: '{unit}' is not a unit of volume (use mL, µL or L, e.g. 1.5mL)."),
        };
        return InRange(ml, smallestMl, largestMl, "mL", text, what);
    }

    /// <summary>Reads a concentration in mg/mL: <c>1mg/mL</c>, <c>1 mg/ml</c>, <c>500ug/mL</c>, <c>1g/L</c>, <c>1000mg/L</c> or <c>1</c>.</summary>
    public static decimal ParseMilligramsPerMillilitre(string text, string what, decimal smallest, decimal largest)
    {
        var (value, unit) = Split(text, what);
        var mgPerMl = unit.ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal) switch
        {
            // 1 g/L = 1000 mg / 1000 mL = 1 mg/mL.
            "" or "mg/ml" or "g/l" => value,
            "ug/ml" or "µg/ml" or "μg/ml" or "mcg/ml" or "mg/l" => value / 1000m,
            _ => throw new InvalidInputException(
                $"'{text}' is not a {what}: '{unit}' is not a unit of concentration (use mg/mL, e.g. 1mg/mL)."),
        };
        return InRange(mgPerMl, smallest, largest, "mg/mL", text, what);
    }

    /// <summary>Reads a whole count such as a number of capsules: digits only, at least 1.</summary>
    public static int ParseCount(string text, string what, int largest)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            throw new InvalidInputException($"'{text}' is not a valid {what}: write a whole number such as 30.");
        }

        if (count < 1 || count > largest)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"The {what} must be a whole number from 1 to {largest} (got {count})."));
        }

        return count;
    }

    private static (decimal Value, string Unit) Split(string text, string what)
    {
        var (numberPart, unitPart) = QuantityText.SplitText(text, what);
        const NumberStyles styles = QuantityText.Styles;
        if (decimal.TryParse(numberPart, styles, CultureInfo.InvariantCulture, out var value))
        {
            if (value == 0m && double.TryParse(numberPart, styles, CultureInfo.InvariantCulture, out var tiny) && tiny != 0)
            {
                // decimal keeps 28 places: 1e-30 would silently become zero.
                throw new InvalidInputException($"'{text}' is not a valid {what}: the number is too small to measure.");
            }

            return (value, unitPart);
        }

        if (numberPart.Length > 0 && double.TryParse(numberPart, styles, CultureInfo.InvariantCulture, out _))
        {
            // It is a number, just not one a decimal can hold (beyond ±7.9e28, or 1e400).
            throw new InvalidInputException($"'{text}' is not a valid {what}: the number is too large.");
        }

        throw new InvalidInputException($"'{text}' is not a valid {what}: it must start with a number such as 4.5.");
    }

    private static decimal Scale(decimal value, decimal factor, string text, string what)
    {
        // Values near decimal's maximum would overflow when scaled up; they are far beyond any limit anyway.
        if (Math.Abs(value) > decimal.MaxValue / factor)
        {
            throw new InvalidInputException($"'{text}' is not a valid {what}: the number is too large.");
        }

        return value * factor;
    }

    private static decimal InRange(decimal value, decimal smallest, decimal largest, string unit, string text, string what)
    {
        if (value <= 0m)
        {
            throw new InvalidInputException($"'{text}' is not a valid {what}: it must be greater than zero.");
        }

        if (value < smallest)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"'{text}' is not a valid {what}: it is below the smallest this tool accepts ({smallest} {unit})."));
        }

        if (value > largest)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"'{text}' is not a valid {what}: it is above the largest this tool accepts ({largest} {unit})."));
        }

        return value;
    }
}
