using System.Globalization;
using System.Text.RegularExpressions;
using Ldn.Core.Text;

namespace Ldn.Web.Hosting;

/// <summary>
/// What a problem's <c>detail</c> may show of the user's input: quoted text is cut as the CLI's errors cut it
/// (<see cref="EchoText"/>), so a pasted page or a 400-digit number never comes back whole; control and
/// bidirectional-formatting characters become <c>?</c>, so an echo cannot turn the sentence around on screen;
/// line breaks become spaces, so it stays one line.
/// </summary>
internal static partial class DetailText
{
    /// <summary><paramref name="detail"/> made safe to show, as described above.</summary>
    public static string Clean(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var text = Breaks().Replace(detail, " ");
        text = string.Concat(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c));
        return EchoText.Bounded(EchoText.CutQuotes(text));
    }

    /// <summary><paramref name="text"/> cut as <see cref="EchoText.Cut"/> cuts it.</summary>
    public static string Cut(string text) => EchoText.Cut(text);

    [GeneratedRegex(@"[\r\n]+")]
    private static partial Regex Breaks();
}
