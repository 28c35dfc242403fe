using System.Globalization;
using Ldn.Core.Advice;
using Ldn.Core.Compounding;

namespace Ldn.Core.Journal;

/// <summary>
/// Journal values as a person types them, read the same way by every front end (the <c>ldn journal</c>
/// options and the web forms), each refused with one sentence that says what to write instead.
/// </summary>
public static class JournalInput
{
    /// <summary>A dose in mg from <c>4.5mg</c>, <c>4.5 mg</c>, <c>1500ug</c> or a bare number (mg), within the compounding limits.</summary>
    /// <exception cref="InvalidInputException">Not a dose, another unit, or outside the limits.</exception>
    public static decimal DoseMg(string text) =>
        ExactQuantity.ParseMilligrams(text, "dose", CompoundingLimits.SmallestDoseMg, CompoundingLimits.LargestDoseMg);

    /// <summary>mild, moderate or severe (any case).</summary>
    /// <exception cref="InvalidInputException">Another word.</exception>
    public static SideEffectSeverity Severity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "mild" => SideEffectSeverity.Mild,
            "moderate" => SideEffectSeverity.Moderate,
            "severe" => SideEffectSeverity.Severe,
            _ => throw new InvalidInputException($"'{text}' is not a severity (use mild, moderate or severe)."),
        };
    }

    /// <summary>A score 0–10 on the scale named <paramref name="scale"/> (a whole number, no sign).</summary>
    /// <exception cref="InvalidInputException">Not a whole number from 0 to 10.</exception>
    public static int Score(string text, string scale)
    {
        ArgumentNullException.ThrowIfNull(text);
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= 10
            ? value
            : throw new InvalidInputException($"'{text}' is not a {scale} score: use a whole number from 0 to 10.");
    }
}
