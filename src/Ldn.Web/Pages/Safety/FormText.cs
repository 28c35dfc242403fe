using System.Globalization;
using Ldn.Core;

namespace Ldn.Web.Pages.Safety;

/// <summary>
/// The length limits of the knowledge and planning pages' form fields, checked before anything is parsed so
/// that a pasted megabyte is answered with one sentence (and never echoed back whole).
/// </summary>
internal static class FormText
{
    /// <summary>A one-line field (a date, a dose, a zone): longer than this is not a value.</summary>
    public const int LongestValue = 100;

    /// <summary>The medication list (one per line).</summary>
    public const int LongestList = 20_000;

    /// <summary><paramref name="value"/> when it is at most <paramref name="longest"/> characters.</summary>
    /// <exception cref="InvalidInputException">It is longer; the sentence names <paramref name="label"/>.</exception>
    public static string? Checked(string? value, string label, int longest = LongestValue) =>
        value is { Length: var n } && n > longest
            ? throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"The {label} is {n:N0} characters long; at most {longest:N0} are read."))
            : value;
}
