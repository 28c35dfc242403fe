using Ldn.Core.Evidence;
using Ldn.Core.Text;

namespace Ldn.Core.Advice;

/// <summary>
/// The side effects a person can report to the adjustment rules: the kinds of the evidence knowledge base
/// (data/evidence/side-effects.yaml, clinical-evidence.md §2, with its aliases such as "sleep
/// disturbance" or "diarrhea"), plus low mood (the label's depression warning, §4.7, for which no LDN
/// frequency exists) and "other". The evidence file's pooled categories (any side effect, serious adverse
/// event) are not something one reports.
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

    /// <summary>Ways of writing the kinds the evidence file does not hold.</summary>
    private static readonly (string Kind, string[] Aliases)[] OwnAliases =
    [
        (LowMood, ["depression", "depressed mood", "low mood"]),
        (Other, ["something else"]),
    ];

    public static bool IsKnown(string kind) => All.Contains(kind, StringComparer.Ordinal);

    /// <summary>Reads a kind as a person writes it ("Vivid dreams", "diarrhea"); an unknown kind names the closest.</summary>
    public static string Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = NameMatch.Normalise(text);
        var kind = Keys().FirstOrDefault(k => k.Keys.Any(alias => NameMatch.Normalise(alias) == key)).Kind;
        if (kind is not null)
        {
            return kind;
        }

        var closest = NameMatch.Suggest(text, Keys()) is [var first, ..] ? first : null;
        throw new InvalidInputException(
            $"'{text}' is not a known side-effect kind{(closest is null ? string.Empty : $" (did you mean '{closest}'?)")}; use one of {string.Join(", ", All)}.");
    }

    /// <summary>Each kind with every way of writing it: its id, and the evidence file's name and aliases or our own.</summary>
    private static IEnumerable<(string Kind, IEnumerable<string> Keys)> Keys() =>
        All.Select(kind =>
        {
            var evidence = EvidenceCatalog.SideEffects.FirstOrDefault(s => s.Id == kind);
            var own = OwnAliases.FirstOrDefault(o => o.Kind == kind).Aliases ?? [];
            return (kind, evidence is null ? own.Prepend(kind) : evidence.Aliases.Prepend(evidence.Name).Prepend(kind));
        });

    /// <summary>
    /// Reads a side-effect name without mapping anything silently: the kind itself ("vivid dreams"), an
    /// alias of a kind ("nightmares" → vivid-dreams, to be recorded with the typed words kept and the
    /// mapping shown), or a name only close to one ("nightmres", to be asked about before recording).
    /// </summary>
    /// <exception cref="InvalidInputException">Neither a kind, an alias nor close to one; names the closest kinds.</exception>
    public static SideEffectName Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = NameMatch.Normalise(text);
        if (key.Length == 0)
        {
            throw new InvalidInputException($"Give the kind of side effect, one of {string.Join(", ", All)}.");
        }

        foreach (var (kind, keys) in Keys())
        {
            var names = keys.ToList();
            // The id and the evidence file's name are the kind itself; the rest are aliases.
            var own = names.Take(EvidenceCatalog.SideEffects.Any(s => s.Id == kind) ? 2 : 1);
            if (own.Any(n => NameMatch.Normalise(n) == key))
            {
                return new SideEffectName(kind, text.Trim(), SideEffectNameMatch.Kind);
            }

            if (names.Any(n => NameMatch.Normalise(n) == key))
            {
                return new SideEffectName(kind, text.Trim(), SideEffectNameMatch.Alias);
            }
        }

        if (NameMatch.Suggest(text, Keys()) is [var closest, ..])
        {
            return new SideEffectName(closest, text.Trim(), SideEffectNameMatch.Close);
        }

        throw new InvalidInputException($"'{text}' is neither a side-effect kind nor a name for one; use one of {string.Join(", ", All)}.");
    }
}

/// <summary>How a typed side-effect name was matched.</summary>
public enum SideEffectNameMatch
{
    /// <summary>The kind itself, as its id or name.</summary>
    Kind,

    /// <summary>A known alias of the kind: recorded under the kind with the typed words kept.</summary>
    Alias,

    /// <summary>Only close to a kind (a typo?): asked about before recording.</summary>
    Close,
}

/// <summary>A typed side-effect name and the kind it was matched to.</summary>
public sealed record SideEffectName(string Kind, string Typed, SideEffectNameMatch Match)
{
    /// <summary>The typed words to keep on the entry: null when they were the kind itself.</summary>
    public string? TypedToKeep => Match == SideEffectNameMatch.Kind ? null : Typed;
}
