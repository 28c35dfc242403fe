using System.Text.RegularExpressions;

namespace Ldn.Tests.Shared;

/// <summary>
/// The dose statements the model cannot carry (issue 12 item 5): "best dose", "optimal dose" and
/// "no benefit" are never allowed; "inverted U" only in a sentence that names the what-if before it.
/// <see cref="Findings"/> returns the offending sentences of a text (console, JSON or HTML), so a test
/// can assert there are none. One file linked into the Core, CLI and web test projects.
/// </summary>
internal static partial class FindingPhrases
{
    /// <summary>The sentences of <paramref name="text"/> that state a dose finding; empty when there are none.</summary>
    public static IReadOnlyList<string> Findings(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Console tables wrap long sentences over lines: join the lines first, then cut at sentence ends.
        var joined = Spaces().Replace(text, " ");
        var found = new List<string>();
        foreach (var sentence in SentenceEnd().Split(joined))
        {
            if (Banned().IsMatch(sentence))
            {
                found.Add(sentence);
                continue;
            }

            foreach (Match u in InvertedU().Matches(sentence))
            {
                if (sentence.LastIndexOf("what-if", u.Index, StringComparison.OrdinalIgnoreCase) < 0)
                {
                    found.Add(sentence);
                    break;
                }
            }
        }

        return found;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[.!?])\s+|(?<=[.!?])""")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(best|optimal|optimum|ideal)[ -]dose\b|\bno[ -]benefit\b", RegexOptions.IgnoreCase)]
    private static partial Regex Banned();

    [GeneratedRegex(@"\binverted[ -]u\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvertedU();
}
