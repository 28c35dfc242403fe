using System.Text.RegularExpressions;

namespace Ldn.Core.Text;

/// <summary>
/// How much of a user's own text a refusal may repeat, for the CLI's one-line errors and the web's problem
/// details alike: a quoted echo longer than <see cref="MaxEcho"/> characters is cut with an ellipsis, so a pasted
/// page or a 400-digit number never becomes the message.
/// </summary>
public static partial class EchoText
{
    /// <summary>The longest echo of the user's text a message keeps, ellipsis included (characters).</summary>
    public const int MaxEcho = 38;

    /// <summary><paramref name="text"/> cut to <see cref="MaxEcho"/> characters, the last being "…" where it was cut.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxEcho ? text : string.Concat(text.AsSpan(0, MaxEcho - 1), "…");
    }

    /// <summary><paramref name="message"/> with every single-quoted echo longer than <see cref="MaxEcho"/> cut by <see cref="Cut"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static string CutQuotes(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return LongQuote().Replace(message, q => "'" + Cut(q.Groups[1].Value) + "'");
    }

    /// <summary>The longest message a refusal may be (characters): one sentence, never a dump of a file.</summary>
    public const int MaxMessage = 600;

    /// <summary>
    /// <paramref name="message"/>, or, past <see cref="MaxMessage"/> characters, its start cut at a space with "…"
    /// added: the last guard, for a library message that quotes what it read in a way <see cref="CutQuotes"/> does not see.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public static string Bounded(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length <= MaxMessage)
        {
            return message;
        }

        var space = message.LastIndexOf(' ', MaxMessage - 2);
        return string.Concat(message.AsSpan(0, space > MaxMessage / 2 ? space : MaxMessage - 1), "…");
    }

    // A quote that opens after a space or bracket and closes before punctuation: an apostrophe inside a word
    // ("patient's") is not an echo.
    [GeneratedRegex(@"(?<=^|[\s(\[])'([^']{39,})'(?=$|[\s.,;:)\]])")]
    private static partial Regex LongQuote();
}
