namespace Ldn.Core.Evidence;

/// <summary>
/// Matches user-typed names against ids, names and aliases ignoring case and punctuation ("Crohn's",
/// "crohns" and "CROHNS" are one key), and finds the closest keys by edit distance for suggestions.
/// </summary>
internal static class NameMatcher
{
    public static string Normalise(string text) =>
        new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>Levenshtein distance (insertions, deletions and substitutions each cost 1).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The ids whose closest key is within a third of the typed length (at least 1, at most 4 edits),
    /// nearest first, at most three; keys that start with the typed text also count.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string typed, IEnumerable<(string Id, IEnumerable<string> Keys)> candidates)
    {
        var key = Normalise(typed);
        if (key.Length == 0)
        {
            return [];
        }

        var limit = Math.Clamp(key.Length / 3, 1, 4);
        return [.. candidates
            .Select(c => (c.Id, Distance: c.Keys.Select(Normalise).Where(k => k.Length > 0)
                .Min(k => k.StartsWith(key, StringComparison.Ordinal) && key.Length >= 3 ? 0 : Distance(key, k))))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Id)];
    }
}
