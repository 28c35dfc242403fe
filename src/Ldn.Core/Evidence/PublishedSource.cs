using System.Text.RegularExpressions;

namespace Ldn.Core.Evidence;

/// <summary>
/// A source as a patient reads it: the data files cite the project's research notes by section
/// ("clinical-evidence.md §4.1: naltrexone label …", "Research document §2") so a maintainer can check them,
/// but a page for patients names only the published sources behind them (the label, the trial, the
/// consensus). <see cref="Of"/> removes the internal references and keeps the rest word for word.
/// </summary>
public static partial class PublishedSource
{
    /// <summary>What a finding says when its only source is the project's own reading of the literature.</summary>
    public const string NoneNamed = "No published source (the literature review found none)";

    /// <summary>
    /// <paramref name="source"/> without references to the project's documents and data files;
    /// <see cref="NoneNamed"/> when nothing else is left.
    /// </summary>
    public static string Of(string? source)
    {
        var text = source ?? "";
        text = DataFiles().Replace(text, "the workbench's medication lists");
        text = Seeds().Replace(text, "");
        text = Notes().Replace(text, "");
        text = ResearchDocument().Replace(text, "");
        text = BareSection().Replace(text, "");
        text = Label().Replace(text, "naltrexone label");
        text = Wrapped().Replace(text, "$1");
        text = EmptyBrackets().Replace(text, "");
        text = Separators().Replace(text, "; ");
        text = text.Trim(' ', ';', ':', ',');
        return text.Length == 0 ? NoneNamed : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>"clinical-evidence.md §3.3 and §3.2: ", " of clinical-evidence.md §3.3", "pharmacology.md §8", "docs/model.md".</summary>
    [GeneratedRegex(@"(?:\s+(?:of|in|from))?\s*(?:[\w/-]+/)?[\w-]+\.md(?:\s*§\d+(?:\.\d+)*(?:–§\d+(?:\.\d+)*)?(?:\s*(?:and|,)\s*§\d+(?:\.\d+)*(?:–§\d+(?:\.\d+)*)?)*)?(?:\s*:\s*)?")]
    private static partial Regex Notes();

    /// <summary>"Research document §2", "; research document §4".</summary>
    [GeneratedRegex(@"[;,]?\s*research document\s*§\d+(?:\.\d+)*", RegexOptions.IgnoreCase)]
    private static partial Regex ResearchDocument();

    /// <summary>A section of the notes named alone after a separator or "and" ("…; §3.2)", "… and §3.3"); a published standard's section ("RFC 5545 §3.3.5") stays.</summary>
    [GeneratedRegex(@"(?:[;,]|\s+and)\s*§\d+(?:\.\d+)*(?:–§\d+(?:\.\d+)*)?")]
    private static partial Regex BareSection();

    /// <summary>"(seeds/000)": the project's copy of a source article.</summary>
    [GeneratedRegex(@"\s*\(seeds/[^)]*\)")]
    private static partial Regex Seeds();

    /// <summary>"data/safety/opioids.yaml and interactions.yaml".</summary>
    [GeneratedRegex(@"data/[\w/.-]+\.yaml(?:\s*and\s*[\w.-]+\.yaml)*")]
    private static partial Regex DataFiles();

    /// <summary>A bare "(label)" left where the notes named the label.</summary>
    [GeneratedRegex(@"^\s*\(label\)")]
    private static partial Regex Label();

    /// <summary>A source that now opens with the bracket that followed the removed reference: the bracket's text leads.</summary>
    [GeneratedRegex(@"^\s*\(([^()]*)\)")]
    private static partial Regex Wrapped();

    [GeneratedRegex(@"\(\s*[;,]?\s*\)")]
    private static partial Regex EmptyBrackets();

    [GeneratedRegex(@"\s*;\s*(?:[;:]\s*)+")]
    private static partial Regex Separators();
}
