using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>
/// Splits text such as <c>4.5mg</c>, <c>4.5 mg</c> or <c>0.5</c> into a number and a unit symbol.
/// Numbers are read in the invariant culture (a decimal point, never a comma) and must be finite.
/// </summary>
internal static class QuantityText
{
    public const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>The leading number and the unit after it, as text; the callers parse the number as double or decimal.</summary>
    public static (string Number, string Unit) SplitText(string text, string what)
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

        return (trimmed[..end], trimmed[end..].Trim());
    }

    public static (double Value, string Unit) Split(string text, string what)
    {
        var (numberPart, unitPart) = SplitText(text, what);
        if (numberPart.Length == 0
            || !double.TryParse(numberPart, Styles, CultureInfo.InvariantCulture, out var value))
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
