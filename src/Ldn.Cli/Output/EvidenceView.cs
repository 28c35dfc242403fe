using System.Globalization;
using Ldn.Core.Evidence;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>The human view of <c>ldn evidence</c>: per condition its best grade, then its studies strongest first.</summary>
internal static class EvidenceView
{
    private const string Missing = "–";

    public static void Write(IReadOnlyList<ConditionEvidence> conditions, EvidenceSet set, bool single, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(set);
        var console = ConsoleFactory.For(writer);
        if (!single)
        {
            var overview = new Table()
                .Border(TableBorder.Rounded)
                .Title("LDN evidence by condition, strongest first")
                .AddColumn("Condition")
                .AddColumn("Best grade")
                .AddColumn(new TableColumn("Studies").RightAligned())
                .AddColumn("Summary");
            foreach (var c in conditions)
            {
                overview.AddRow(
                    Markup.Escape($"{c.Name} ({c.Id})"),
                    Markup.Escape(c.BestGrade.Label()),
                    c.Studies.Count.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(c.Studies.Count == 0 ? "No published study found. " + c.Summary : c.Summary));
            }

            StackedRecords.Write(console, overview);
            console.WriteLine();
        }

        foreach (var c in conditions)
        {
            WriteCondition(console, c);
        }

        if (single)
        {
            var condition = conditions[0];
            var effects = set.SideEffects.Where(s => s.Findings.Any(f => f.ConditionId == condition.Id)).ToList();
            if (effects.Count > 0 && StackedRecords.Narrow(console))
            {
                console.Profile.Out.Writer.WriteLine($"Side effects reported in {condition.Name}:");
                StackedRecords.Write(console, ["Side effect", "Source", "Compared with", "Finding"], effects.SelectMany(effect => effect.Findings
                    .Where(f => f.ConditionId == condition.Id)
                    .Select(f => (IReadOnlyList<string>)[effect.Name, f.Source, f.Comparison.ToString().ToLowerInvariant(), f.Text])));
            }
            else if (effects.Count > 0)
            {
                var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Side effects reported in {condition.Name}"))
                    .AddColumn("Side effect").AddColumn("Source").AddColumn("Compared with").AddColumn("Finding");
                foreach (var effect in effects)
                {
                    foreach (var f in effect.Findings.Where(f => f.ConditionId == condition.Id))
                    {
                        table.AddRow(Markup.Escape(effect.Name), Markup.Escape(f.Source), Markup.Escape(f.Comparison.ToString().ToLowerInvariant()), Markup.Escape(f.Text));
                    }
                }

                StackedRecords.Write(console, table);
                console.WriteLine();
            }

            foreach (var claim in set.ClaimsAbout(condition.Id))
            {
                ConsoleText.Line(console, Markup.Escape($"Claim: \"{claim.Claim}\" Verdict: {claim.Verdict} {claim.Basis}"));
                console.WriteLine();
            }
        }
        else
        {
            ConsoleText.Line(console, Markup.Escape(
                $"Side effects: {string.Join(", ", set.SideEffects.Select(s => s.Id))} (ldn evidence --json gives the frequencies). {set.Claims.Count} popular claims are checked in the JSON output."));
        }

        ConsoleText.Line(console, Markup.Escape("Grades, strongest first: " + string.Join(" > ", EvidenceGrades.Ids) + ". A grade describes the design, not whether the result was positive."));
        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }

    private static void WriteCondition(IAnsiConsole console, ConditionEvidence c)
    {
        ConsoleText.Line(console, Markup.Escape($"{c.Name} ({c.Id}) — best grade: {c.BestGrade.Label()}"));
        ConsoleText.Line(console, Markup.Escape(c.Summary));
        if (c.Studies.Count == 0)
        {
            ConsoleText.Line(console, "No published study found.");
        }
        else if (StackedRecords.Narrow(console))
        {
            StackedRecords.Write(console, ["Study", "Grade", "n", "Dose", "Duration", "Outcome", "Result", "Citation"], c.Studies.Select(s => (IReadOnlyList<string>)
            [
                s.ShortName + (s.ConditionId != c.Id ? $" (from {s.ConditionId})" : ""),
                s.Grade.Label() + (s.Verified ? "" : " (unverified)"),
                s.N?.ToString(CultureInfo.InvariantCulture) ?? s.NText ?? Missing,
                Dose(s),
                Duration(s),
                s.Outcome ?? Missing,
                s.Result ?? Missing,
                s.Citation,
            ]));
        }
        else
        {
            var table = new Table()
                .Border(TableBorder.Rounded)
                .AddColumn("Grade")
                .AddColumn("Study")
                .AddColumn(new TableColumn("n").RightAligned())
                .AddColumn("Dose")
                .AddColumn("Duration")
                .AddColumn("Outcome")
                .AddColumn("Result")
                .AddColumn("Citation");
            foreach (var s in c.Studies)
            {
                table.AddRow(
                    Markup.Escape(s.Grade.Label() + (s.Verified ? "" : " (unverified)")),
                    Markup.Escape(s.ShortName + (s.ConditionId != c.Id ? $" (from {s.ConditionId})" : "")),
                    Markup.Escape(s.N?.ToString(CultureInfo.InvariantCulture) ?? s.NText ?? Missing),
                    Markup.Escape(Dose(s)),
                    Markup.Escape(Duration(s)),
                    Markup.Escape(s.Outcome ?? Missing),
                    Markup.Escape(s.Result ?? Missing),
                    Markup.Escape(s.Citation));
            }

            StackedRecords.Write(console, table);
        }

        foreach (var t in c.RegisteredTrials)
        {
            ConsoleText.Line(console, Markup.Escape($"Registered trial {t.Registry} ({t.Design}, {t.Status.ToId()}): {t.Result}"));
        }

        console.WriteLine();
    }

    private static string Dose(Study s) => s.DoseDescription ?? Missing;

    private static string Duration(Study s) => s.DurationDescription ?? Missing;
}
