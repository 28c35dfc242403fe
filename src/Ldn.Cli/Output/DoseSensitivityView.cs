using System.Globalization;
using Ldn.Core.Pharmacology;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>
/// The what-if sensitivity table (<see cref="DoseSensitivityTable"/>) as a console table and as Markdown
/// (for docs/model.md, generated with <c>ldn dose-response --markdown</c>). A cell reads
/// "−1.2% · 0.5 mg": the modelled week-12 change at the reference dose, then the swept dose with the
/// largest modelled reduction ("none" when no swept dose reaches 0.05%).
/// </summary>
internal static class DoseSensitivityView
{
    public static void Write(IAnsiConsole console, DoseSensitivityTable table)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(table);
        var grid = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(Title(table))).AddColumn("α_P");
        foreach (var structure in table.Structures)
        {
            grid.AddColumn(new TableColumn(Markup.Escape(structure.Name())).RightAligned());
        }

        foreach (var row in table.Rows)
        {
            grid.AddRow([Markup.Escape(row.Label), .. row.Cells.Select(c => Markup.Escape(Cell(c)))]);
        }

        StackedRecords.Write(console, grid);
        ConsoleText.Line(console, Markup.Escape(Legend(table)));
        ConsoleText.Line(console, Markup.Escape(table.Derivation));
    }

    public static void WriteMarkdown(TextWriter writer, DoseSensitivityTable table)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(table);
        writer.WriteLine($"**{Title(table)}**");
        writer.WriteLine();
        writer.WriteLine("| α_P | " + string.Join(" | ", table.Structures.Select(s => s.Name())) + " |");
        writer.WriteLine("|---|" + string.Concat(table.Structures.Select(_ => "---|")));
        foreach (var row in table.Rows)
        {
            writer.WriteLine($"| {row.Label} | " + string.Join(" | ", row.Cells.Select(Cell)) + " |");
        }

        writer.WriteLine();
        writer.WriteLine(Legend(table));
        writer.WriteLine();
        writer.WriteLine(table.Derivation);
    }

    private static string Title(DoseSensitivityTable table) =>
        $"Sensitivity of the {WhatIf.Label}: modelled week-12 inflammation change at {table.ReferenceDose} a day, by α_P and structure";

    private static string Legend(DoseSensitivityTable table) =>
        $"Each cell: the modelled change at {table.ReferenceDose} · which of {string.Join("/", table.Doses.Select(d => d.Milligrams.ToString("0.###", CultureInfo.InvariantCulture)))} mg gives the largest modelled reduction "
        + "(none: below 0.05% at all). Negative = less modelled inflammation. A what-if, not a finding: compare it with the clinical dose evidence above.";

    private static string Cell(DoseSensitivityCell cell) =>
        $"{DoseResponse.Percent(cell.ChangeAtReference)} · {(cell.LargestReductionDose is { } dose ? dose.ToString() : "none")}";
}
