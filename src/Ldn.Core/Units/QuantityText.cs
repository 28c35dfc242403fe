using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>
/// Splits text such as <c>4.5mg</c>, <c>4.5 mg</c> or <c>0.5</c> into a number and a unit symbol.
/// Numbers are read in the invariant culture (a decimal point, never a comma) and must be finite.
/// </summary>
internal static class QuantityText
{
    /// <summary>The largest magnitude any quantity may be typed with (10⁹ of its unit).</summary>
    public const double LargestMagnitude = 1e9;

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

        // No quantity this program reads comes near a billion of its unit; refusing here keeps 1e308 (and the
        // 309-digit echo of it in later sentences) out of every range check downstream.
        if (!double.IsFinite(value) || Math.Abs(value) > LargestMagnitude)
        {
            throw new InvalidInputException($"'{Shown(text)}' is not a valid {what}: the number is too large.");
        }

        return (value, unitPart);
    }

    /// <summary>The user's text for a sentence, cut to 40 characters so a pasted page does not become the message.</summary>
    public static string Shown(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "…");

    private static bool IsNumberChar(char c, char previous) =>
        char.IsAsciiDigit(c) || c == '.' || c == '+' || c == '-'
        || ((c == 'e' || c == 'E') && char.IsAsciiDigit(previous));
}
