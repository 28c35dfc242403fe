using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>
/// Splits text such as <c>4.5mg</c>, <c>4.5 mg</c> or <c>0.5</c> into a number and a unit symbol.
/// Numbers are read in the invariant culture (a decimal point, never a comma) and must be finite.
/// </summary>
internal static class QuantityText
{
    public static (double Value, string Unit) Split(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw new InvalidInputException($"The {what} is empty.");
        }

        var end = 0;
        while (end < trimmed.Length && IsNumberChar(trimmed[end], end > 0 ? trimmed[end - 1] : '\0'))
        {
            end++;
        }

        var numberPart = trimmed[..end];
        var unitPart = trimmed[end..].Trim();
        if (numberPart.Length == 0
            || !double.TryParse(numberPart, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidInputException($"'{text}' is not a valid {what}: it must start with a number such as 4.5.");
        }

        if (!double.IsFinite(value))
        {
            throw new InvalidInputException($"'{text}' is not a valid {what}: the number is too large.");
        }

        return (value, unitPart);
    }

    private static bool IsNumberChar(char c, char previous) =>
        char.IsAsciiDigit(c) || c == '.' || c == '+' || c == '-'
        || ((c == 'e' || c == 'E') && char.IsAsciiDigit(previous));
}
