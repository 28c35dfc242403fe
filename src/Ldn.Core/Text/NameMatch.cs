namespace Ldn.Core.Text;

/// <summary>
/// Matching of names typed by people against the ids, names and aliases in the catalogues: case,
/// spaces, dashes and apostrophes are ignored ("Crohn's", "crohns_disease"), and a name that matches
/// nothing gets the closest known names as suggestions.
/// </summary>
public static class NameMatch
{
    /// <summary>Lower-case letters and digits only.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new string([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
    }

    /// <summary>
    /// The known names closest to <paramref name="typed"/> by edit distance, at most
    /// <paramref name="count"/>, and only those within about a third of the name's length (beyond that a
    /// "did you mean" is noise). A name that starts with what was typed counts as close.
    /// </summary>
    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(known);
        var key = Normalise(typed);
        return [.. known
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: Distance(key, Normalise(name))))
            .Where(c => c.Distance <= Math.Max(2, key.Length / 3) || (key.Length >= 3 && Normalise(c.Name).StartsWith(key, StringComparison.Ordinal)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(count)
            .Select(c => c.Name)];
    }

    /// <summary>"; did you mean a or b?" or "", for the end of an error sentence.</summary>
    public static string Suggestion(string typed, IEnumerable<string> known)
    {
        var closest = Closest(typed, known);
        return closest.Count == 0 ? "" : $"; did you mean {string.Join(" or ", closest)}?";
    }

    /// <summary>Levenshtein distance with two rows.</summary>
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
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
