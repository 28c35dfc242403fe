namespace Ldn.Core.Text;

/// <summary>
/// Matching of names typed by people against the ids, names and aliases in the catalogues (protocols,
/// conditions, evidence, side effects, time zones): case, spaces, dashes and apostrophes are ignored
/// ("Crohn's", "crohns" and "CROHNS" are one key), and a name that matches nothing gets the closest known
/// ids as suggestions.
/// </summary>
public static class NameMatch
{
    /// <summary>Lower-case letters and digits only.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new string([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
    }

    /// <summary>Levenshtein distance (insertions, deletions and substitutions each cost 1), with two rows.</summary>
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
    /// nearest first, at most three; keys that start with the typed text (3 characters or more) also count.
    /// Beyond that a "did you mean" is noise.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string typed, IEnumerable<(string Id, IEnumerable<string> Keys)> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var key = Normalise(typed);
        if (key.Length == 0)
        {
            return [];
        }

        return [.. candidates
            .Select(c => (c.Id, Distance: c.Keys.Select(Normalise).Where(k => k.Length > 0)
                .Select(k => Closeness(key, k) ?? int.MaxValue)
                .DefaultIfEmpty(int.MaxValue)
                .Min()))
            .Where(c => c.Distance < int.MaxValue)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Id)];
    }

    /// <summary>
    /// How close a typed key is to a known key, both already <see cref="Normalise"/>d: 0 when the known key
    /// starts with the typed one (3 characters or more), else the edit distance; null when that is more
    /// than a third of the typed length (at least 1, at most 4 edits) — too far to suggest.
    /// </summary>
    public static int? Closeness(string typedKey, string knownKey)
    {
        ArgumentNullException.ThrowIfNull(typedKey);
        ArgumentNullException.ThrowIfNull(knownKey);
        if (typedKey.Length >= 3 && knownKey.StartsWith(typedKey, StringComparison.Ordinal))
        {
            return 0;
        }

        var distance = Distance(typedKey, knownKey);
        return distance <= Math.Clamp(typedKey.Length / 3, 1, 4) ? distance : null;
    }

    /// <summary>Suggestions among plain names, each its own only key.</summary>
    public static IReadOnlyList<string> Suggest(string typed, IEnumerable<string> names) =>
        Suggest(typed, names.Distinct(StringComparer.Ordinal).Select(n => (n, (IEnumerable<string>)[n])));

    /// <summary>"; did you mean a or b?" or "" — for the end of an error sentence.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        return suggestions.Count == 0 ? "" : $"; did you mean {string.Join(" or ", suggestions)}?";
    }
}
