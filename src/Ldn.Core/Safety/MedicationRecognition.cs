using Ldn.Core.Text;

namespace Ldn.Core.Safety;

/// <summary>
/// What the safety catalogue made of one medication as the patient wrote it.
/// </summary>
/// <param name="Name">The medication as written, e.g. "tramadl 50 mg".</param>
/// <param name="RecognisedAs">
/// What it was checked as, in order of appearance: an opioid's generic name ("codeine" for
/// "co-codamol 30/500") or an interaction group ("thyroid replacement", "thioridazine"). Empty when the
/// catalogue recognised nothing in it.
/// </param>
/// <param name="Suggestions">
/// Catalogue names close to words of <paramref name="Name"/> that matched nothing, nearest first, at most
/// three, each as the catalogue writes it ("tramadol", "OxyContin"). Empty when nothing is close.
/// </param>
public sealed record MedicationCheck(string Name, IReadOnlyList<string> RecognisedAs, IReadOnlyList<string> Suggestions)
{
    public bool Recognised => RecognisedAs.Count > 0;

    /// <summary>
    /// True when something in the name was not checked: the catalogue recognised nothing in it, or a word
    /// in it is close to a catalogue name it did not match ("co-codamol and oxycodne").
    /// </summary>
    public bool NotChecked => !Recognised || Suggestions.Count > 0;

    /// <summary>
    /// One sentence for the patient saying what was not checked, with the suggestions; null when the
    /// whole name was checked. E.g. "'tramadl' was not checked: it is not in the safety catalogue; did
    /// you mean tramadol?"
    /// </summary>
    public string? Message
    {
        get
        {
            var name = $"'{Name.Trim()}'";
            if (Recognised)
            {
                return Suggestions.Count == 0
                    ? null
                    : $"{name} was checked as {string.Join(" and ", RecognisedAs)}, but part of it was not checked: it is not in the safety catalogue{NameMatch.DidYouMean(Suggestions)}";
            }

            return Suggestions.Count > 0
                ? $"{name} was not checked: it is not in the safety catalogue{NameMatch.DidYouMean(Suggestions)}"
                : $"{name} was not checked: it is not in the safety catalogue ({MedicationRecognition.CatalogueScope}), so ask the prescriber or a pharmacist whether it interacts with naltrexone.";
        }
    }
}

/// <summary>
/// Says which medications the safety checks recognised and which they did not, so that a misspelt
/// opioid ("tramadl") is reported as not checked, with the closest catalogue names, instead of passing
/// silently. A name is recognised when the catalogue (<c>data/safety/opioids.yaml</c> and
/// <c>interactions.yaml</c>) matches a name in it, exactly as <see cref="SafetyChecks"/> does
/// (<see cref="OpioidCatalog.MatchAll"/>, <see cref="InteractionCatalog.MatchAll"/>). The words that
/// matched nothing are then compared, alone and in runs of up to six, with every catalogue name: a name
/// is suggested when it starts with the word (3 letters or more) or is within a quarter of its own
/// length in edits (at least 1) and within <see cref="NameMatch.Closeness"/>'s limit of a third of the
/// word. One typo (a letter left out, added or changed) is always within reach, as is a swap of two
/// letters in names of 8 letters or more; real drugs that merely look alike stay apart
/// (hydrocortisone is not suggested as hydrocodone, ibuprofen not as Vicoprofen). Deliberate look-alikes the catalogue excludes (apomorphine, naloxone, naltrexone,
/// dextromethorphan …) are not recognised and get no suggestion: they are known not to be those drugs.
/// </summary>
public static class MedicationRecognition
{
    /// <summary>What the catalogue covers, for messages.</summary>
    public const string CatalogueScope = "opioids, thyroid replacement and thioridazine";

    private static readonly Lazy<IReadOnlyList<(string Group, IReadOnlyList<(string Name, string Key)> Names)>> Groups = new(() =>
    [
        .. OpioidCatalog.All.Select(o => (o.Name, Keyed(o.AllNames))),
        .. InteractionCatalog.All.Select(i => (Label(i), Keyed(i.Names))),
    ]);

    private static readonly HashSet<string> LookAlikes = new(SafetyDataReader.NotOpioids, StringComparer.Ordinal);

    /// <summary>One check per name, in the order given (names are not merged or de-duplicated).</summary>
    public static IReadOnlyList<MedicationCheck> Check(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return [.. names.Select(Check)];
    }

    /// <summary>What the catalogue recognised in <paramref name="name"/> and, for the rest, the closest catalogue names.</summary>
    public static MedicationCheck Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var tokens = DrugNameIndex<OpioidEntry>.Tokens(name);
        var covered = new bool[tokens.Count];
        var recognised = new List<string>();
        Cover(OpioidCatalog.Index.Find(tokens), o => o.Name);
        Cover(InteractionCatalog.Index.Find(tokens), Label);
        foreach (var (key, start, length) in DrugNameIndex<OpioidEntry>.Runs(tokens))
        {
            if (LookAlikes.Contains(key))
            {
                Array.Fill(covered, true, start, length);
            }
        }

        var words = DrugNameIndex<OpioidEntry>.Runs(tokens)
            .Where(r => !covered.AsSpan(r.Start, r.Length).Contains(true) && r.Key.Any(char.IsLetter))
            .Select(r => r.Key)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var suggestions = Groups.Value
            .Where(g => !recognised.Contains(g.Group, StringComparer.Ordinal))
            .Select(g => Nearest(g.Names, words))
            .Where(n => n is not null)
            .Select(n => n!.Value)
            .OrderBy(n => n.Distance)
            .ThenBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
            .Take(3)
            .Select(n => n.Name)
            .ToList();
        return new MedicationCheck(name, recognised, suggestions);

        void Cover<T>(IReadOnlyList<(T Value, int Start, int Length)> hits, Func<T, string> label)
        {
            foreach (var (value, start, length) in hits)
            {
                Array.Fill(covered, true, start, length);
                var text = label(value);
                if (!recognised.Contains(text, StringComparer.Ordinal))
                {
                    recognised.Add(text);
                }
            }
        }
    }

    /// <summary>The group's name nearest to any of the words, with its distance; the first listed wins a tie.</summary>
    private static (string Name, int Distance)? Nearest(IReadOnlyList<(string Name, string Key)> names, IReadOnlyList<string> words)
    {
        (string Name, int Distance)? best = null;
        foreach (var (name, key) in names)
        {
            var limit = Math.Max(1, key.Length / 4);
            foreach (var word in words)
            {
                // Lengths further apart than the limit cannot be within it, unless the word starts the name.
                if (Math.Abs(word.Length - key.Length) > limit && !key.StartsWith(word, StringComparison.Ordinal))
                {
                    continue;
                }

                if (NameMatch.Closeness(word, key) is { } distance && distance <= limit && (best is null || distance < best.Value.Distance))
                {
                    best = (name, distance);
                }
            }
        }

        return best;
    }

    private static IReadOnlyList<(string Name, string Key)> Keyed(IEnumerable<string> names) =>
        [.. names.Select(n => (n, NameMatch.Normalise(n))).Where(n => n.Item2.Length > 0)];

    private static string Label(InteractionEntry entry) => entry.Code.Replace('-', ' ');
}
