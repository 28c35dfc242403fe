using System.Globalization;
using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>
/// The clinical dose evidence as text, shown before any model output by <c>dose-response</c> and
/// <c>simulate</c> (issue 12 item 5): one line per study with design, n, dose, result and identifiers.
/// </summary>
internal static class DoseEvidenceView
{
    public static void Write(IAnsiConsole console, ClinicalDoseEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(console);
        ConsoleText.Line(console, Markup.Escape(WhatIf.EvidenceHeading + ":"));
        foreach (var line in Lines(evidence))
        {
            ConsoleText.Line(console, Markup.Escape("  • " + line));
        }

        console.WriteLine();
    }

    /// <summary>The evidence as a Markdown list under a bold heading (docs/model.md).</summary>
    public static void WriteMarkdown(TextWriter writer, ClinicalDoseEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"**{WhatIf.EvidenceHeading}**");
        writer.WriteLine();
        foreach (var line in Lines(evidence))
        {
            writer.WriteLine("- " + line);
        }
    }

    /// <summary>One sentence group per study: "Citation — design, condition, n = 25 (…); dose: …. Result [source]".</summary>
    public static IEnumerable<string> Lines(ClinicalDoseEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return evidence.Studies.Select(s =>
            $"{s.Citation} — {s.Design}, {s.Condition}, n = {s.N.ToString(CultureInfo.InvariantCulture)}{(s.NText is null ? "" : $" ({s.NText})")}; dose: {s.DoseText}. {s.Result}"
            + (s.Source.Length == 0 ? "" : $" [{s.Source}]"));
    }
}
