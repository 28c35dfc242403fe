using System.Globalization;

namespace Ldn.Core.Text;

/// <summary>A calendar date written as <c>yyyy-MM-dd</c>, as every front end takes it (plan start, surgery, last dose of a medication).</summary>
public static class IsoDate
{
    /// <summary>Parses <paramref name="text"/> (surrounding spaces ignored).</summary>
    /// <param name="text">The date as written, e.g. 2026-12-01.</param>
    /// <param name="what">What the date is, for the message ("start date").</param>
    /// <exception cref="InvalidInputException">Not a date written as yyyy-MM-dd; one sentence naming <paramref name="what"/>.</exception>
    public static DateOnly Parse(string text, string what)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidInputException($"'{Shown(text)}' is not a {what}: write it as yyyy-MM-dd, e.g. 2026-12-01.");
    }

    /// <summary>As <see cref="Parse"/>, for a date with no narrower bound of its own (surgery, a medication's last day).</summary>
    /// <exception cref="InvalidInputException">Not yyyy-MM-dd, or outside <see cref="EarliestYear"/>–<see cref="LatestYear"/> (issue 13: times within 1900–2200 everywhere).</exception>
    public static DateOnly ParseBounded(string text, string what)
    {
        var date = Parse(text, what);
        return date.Year is >= EarliestYear and <= LatestYear
            ? date
            : throw new InvalidInputException($"The {what} {date:yyyy-MM-dd} is outside the years {EarliestYear}–{LatestYear} this tool takes.");
    }

    /// <summary>The first year a date may fall in.</summary>
    public const int EarliestYear = 1900;

    /// <summary>The last year a date may fall in (the bound plans and journal times share).</summary>
    public const int LatestYear = 2200;

    /// <summary>The text as quoted in a message: at most 40 characters, so a megabyte of input never comes back whole.</summary>
    public static string Shown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.Length <= 40 ? trimmed : trimmed[..40] + "…";
    }
}
