using System.Text;

namespace Ldn.Core.Journal;

/// <summary>
/// The built-in scales and the rules for adding one. The five ids and their direction are fixed by the
/// journal's contract (their JSON names in check-ins stay <c>fatigue</c>, <c>pain</c>, <c>sleep</c>,
/// <c>mood</c>, <c>focus</c>). Only pain carries a code: LOINC 72514-3 "Pain severity - 0-10 verbal
/// numeric rating [Score] - Reported", verified for the FHIR export (docs/fhir.md); no LOINC code was
/// found that means a 0–10 self-rating of the others, so they have none rather than a near miss.
/// </summary>
public static class SymptomScales
{
    public const string Fatigue = "fatigue";
    public const string Pain = "pain";
    public const string Sleep = "sleep";
    public const string Mood = "mood";
    public const string Focus = "focus";

    /// <summary>A catalogue holds at most this many scales: a check-in is a minute's work, not a questionnaire.</summary>
    public const int MaxScales = 30;

    /// <summary>The longest label accepted.</summary>
    public const int MaxLabelLength = 60;

    public static IReadOnlyList<string> BuiltInIds { get; } = [Fatigue, Pain, Sleep, Mood, Focus];

    public static IReadOnlyList<SymptomScale> BuiltIn { get; } =
    [
        new(Fatigue, "Fatigue", "none", "worst", HigherIsWorse: true),
        new(Pain, "Pain", "none", "worst", HigherIsWorse: true, "http://loinc.org", "72514-3"),
        new(Sleep, "Sleep quality", "worst", "best", HigherIsWorse: false),
        new(Mood, "Mood", "worst", "best", HigherIsWorse: false),
        new(Focus, "Focus", "worst", "best", HigherIsWorse: false),
    ];

    public static bool IsBuiltIn(string id) => BuiltInIds.Contains(id, StringComparer.Ordinal);

    /// <summary>The id a label gets: its letters and digits, lower-case, words joined by '-' ("Brain fog" → "brain-fog").</summary>
    /// <exception cref="InvalidInputException">The label is empty, too long or has no letter or digit.</exception>
    public static string IdFor(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var trimmed = label.Trim();
        if (trimmed.Length is 0 or > MaxLabelLength)
        {
            throw new InvalidInputException($"A scale name must be 1–{MaxLabelLength} characters.");
        }

        var id = new StringBuilder();
        foreach (var c in trimmed.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                id.Append(c);
            }
            else if (id.Length > 0 && id[^1] != '-')
            {
                id.Append('-');
            }
        }

        var result = id.ToString().Trim('-');
        return result.Length > 0 ? result : throw new InvalidInputException($"The scale name '{label}' has no letter or digit.");
    }

    /// <summary>The scale of <paramref name="catalogue"/> named by id or label (case and punctuation ignored); null if none.</summary>
    public static SymptomScale? Find(IEnumerable<SymptomScale> catalogue, string name)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(name);
        var key = Text.NameMatch.Normalise(name);
        return catalogue.FirstOrDefault(s => Text.NameMatch.Normalise(s.Id) == key || Text.NameMatch.Normalise(s.Label) == key)
            // "sleep quality" for sleep, as the prompt calls it.
            ?? (key == "sleepquality" ? catalogue.FirstOrDefault(s => s.Id == Sleep) : null);
    }
}
