using System.Text;

namespace Ldn.Core.Safety;

/// <summary>
/// Finds drug names in free medication text. The text is cut into tokens at every character that is not
/// a letter or digit and between letters and digits ("Tramadol50mg" → tramadol, 50, mg); a name matches
/// when a run of consecutive tokens, joined, equals the name with its punctuation and spaces removed.
/// So "co-codamol 30/500", "Co Codamol" and "cocodamol" all match co-codamol, "Tylenol #3" matches
/// Tylenol #3, but "apomorphine" does not match morphine (a substring would).
/// </summary>
internal sealed class DrugNameIndex<T>
    where T : class
{
    private const int LongestRun = 6;

    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);

    public void Add(string name, T value, Func<T, string> describe)
    {
        var key = Squash(name);
        if (key.Length == 0)
        {
            throw new InvalidOperationException($"'{name}' has no letters or digits.");
        }

        if (_byKey.TryGetValue(key, out var existing) && !ReferenceEquals(existing, value))
        {
            throw new InvalidOperationException($"The name '{name}' is listed for both {describe(existing)} and {describe(value)}.");
        }

        _byKey[key] = value;
    }

    public bool Contains(string name) => _byKey.ContainsKey(Squash(name));

    /// <summary>Every entry named in the text, in order of appearance, longest name first at one position.</summary>
    public IReadOnlyList<T> MatchAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Find(Tokens(text)).Select(h => h.Value).Distinct()];
    }

    /// <summary>
    /// Each token position where a name starts, with the longest name starting there and how many tokens
    /// it spans, in order of position.
    /// </summary>
    public IReadOnlyList<(T Value, int Start, int Length)> Find(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var found = new List<(T Value, int Start, int Length)>();
        foreach (var (key, start, length) in Runs(tokens))
        {
            if (!_byKey.TryGetValue(key, out var hit))
            {
                continue;
            }

            // Runs come shortest first at each start, so a later hit at the same start is a longer name.
            if (found.Count > 0 && found[^1].Start == start)
            {
                found[^1] = (hit, start, length);
            }
            else
            {
                found.Add((hit, start, length));
            }
        }

        return found;
    }

    /// <summary>The runs of up to six consecutive tokens of <paramref name="tokens"/>, each joined into one key.</summary>
    public static IEnumerable<(string Key, int Start, int Length)> Runs(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        for (var start = 0; start < tokens.Count; start++)
        {
            var builder = new StringBuilder();
            for (var end = start; end < tokens.Count && end < start + LongestRun; end++)
            {
                builder.Append(tokens[end]);
                yield return (builder.ToString(), start, end - start + 1);
            }
        }
    }

    /// <summary>Lower case, letters and digits only.</summary>
    public static string Squash(string text) =>
        new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>The text cut into lower-case tokens at non-alphanumerics and between letters and digits.</summary>
    public static IReadOnlyList<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var lastWasDigit = false;
        foreach (var raw in text)
        {
            if (!char.IsLetterOrDigit(raw))
            {
                Flush();
                continue;
            }

            var isDigit = char.IsDigit(raw);
            if (current.Length > 0 && isDigit != lastWasDigit)
            {
                Flush();
            }

            current.Append(char.ToLowerInvariant(raw));
            lastWasDigit = isDigit;
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
