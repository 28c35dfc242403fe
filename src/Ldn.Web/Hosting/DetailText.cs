using System.Globalization;
using System.Text.RegularExpressions;

namespace Ldn.Web.Hosting;

/// <summary>
/// What a problem's <c>detail</c> may show of the user's input: quoted text longer than 40 characters is cut
/// (<c>'xxxxx…'</c>), so a pasted page or a 400-digit number never comes back whole, as the CLI's
/// <c>ErrorTranslator.OneLine</c> cuts it; control and bidirectional-formatting characters become <c>?</c>, so an
/// echo cannot turn the sentence around on screen; line breaks become spaces, so it stays one line.
/// </summary>
internal static partial class DetailText
{
    /// <summary>The longest echo of the user's text a detail keeps.</summary>
    public const int MaxEcho = 40;

    /// <summary><paramref name="detail"/> made safe to show, as described above.</summary>
    public static string Clean(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var text = Breaks().Replace(detail, " ");
        text = string.Concat(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c));
        return LongQuote().Replace(text, q => "'" + Cut(q.Groups[1].Value) + "'");
    }

    /// <summary><paramref name="text"/> cut to <see cref="MaxEcho"/> characters, with an ellipsis where it was cut.</summary>
    public static string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxEcho ? text : string.Concat(text.AsSpan(0, MaxEcho - 1), "…");
    }

    [GeneratedRegex(@"[\r\n]+")]
    private static partial Regex Breaks();

    [GeneratedRegex(@"(?<=^|[\s(\[])'([^']{41,})'(?=$|[\s.,;:)\]])")]
    private static partial Regex LongQuote();
}
