namespace Ldn.Core.Advice;

/// <summary>
/// The side-effect vocabulary of the state file (clinical-evidence.md §2, plus low mood from §4.7 and
/// palpitations from §4.2). Kept small and separate so it can be unified with the evidence knowledge
/// base's vocabulary later.
/// </summary>
public static class SideEffectKinds
{
    public const string Insomnia = "insomnia";
    public const string VividDreams = "vivid-dreams";
    public const string Nausea = "nausea";
    public const string Headache = "headache";
    public const string Diarrhoea = "diarrhoea";
    public const string Dizziness = "dizziness";
    public const string Fatigue = "fatigue";
    public const string AbdominalPain = "abdominal-pain";
    public const string Anxiety = "anxiety";
    public const string LowMood = "low-mood";
    public const string Palpitations = "palpitations";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } =
        [Insomnia, VividDreams, Nausea, Headache, Diarrhoea, Dizziness, Fatigue, AbdominalPain, Anxiety, LowMood, Palpitations, Other];

    /// <summary>Other ways people write a kind, keyed by their squashed form (letters only, lower case).</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["sleepdisturbance"] = Insomnia,
        ["sleepproblems"] = Insomnia,
        ["sleeplessness"] = Insomnia,
        ["diarrhea"] = Diarrhoea,
        ["dreams"] = VividDreams,
        ["nightmares"] = VividDreams,
        ["stomachache"] = AbdominalPain,
        ["stomachpain"] = AbdominalPain,
        ["depression"] = LowMood,
        ["depressedmood"] = LowMood,
        ["tiredness"] = Fatigue,
    };

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);

    /// <summary>Reads a kind as a person writes it ("Vivid dreams", "diarrhea"); an unknown kind names the closest.</summary>
    public static string Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = Squash(text);
        var kind = All.FirstOrDefault(k => Squash(k) == key) ?? Aliases.GetValueOrDefault(key);
        if (kind is not null)
        {
            return kind;
        }

        var closest = TextDistance.Closest(key, All.Select(k => (Squash(k), k)).Concat(Aliases.Select(a => (a.Key, a.Value))));
        throw new InvalidInputException(
            $"'{text}' is not a known side-effect kind{(closest is null ? string.Empty : $" (did you mean '{closest}'?)")}; use one of {string.Join(", ", All)}.");
    }

    private static string Squash(string text) => new([.. text.Where(char.IsLetter).Select(char.ToLowerInvariant)]);
}

/// <summary>Edit distance for "did you mean" suggestions.</summary>
internal static class TextDistance
{
    /// <summary>The value whose key is nearest to <paramref name="key"/>, if it is near enough to be a typo.</summary>
    public static string? Closest(string key, IEnumerable<(string Key, string Value)> candidates)
    {
        var best = candidates.Select(c => (c.Value, Distance: Levenshtein(key, c.Key))).MinBy(c => c.Distance);
        return best.Value is not null && best.Distance <= Math.Max(2, key.Length / 3) ? best.Value : null;
    }

    public static int Levenshtein(string a, string b)
    {
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
}
