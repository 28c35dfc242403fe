using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.ModelAverage;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>
/// The human view of a simulation: the clinical dose evidence first, then what was simulated (regimen, parameters, condition), a summary table
/// with the PK, blockade and mechanism values, and small charts of blockade and net opioid signalling.
/// </summary>
internal static class SimulationConsoleView
{
    /// <summary>The view of a result that kept its series.</summary>
    public static void Write(SimulationResult result, TextWriter writer) => Write(result, SimulationConsoleSeries.From(result), writer);

    /// <summary>The view from <paramref name="series"/>, gathered while the series streamed (the result's own series may be empty).</summary>
    public static void Write(SimulationResult result, SimulationConsoleSeries series, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(series);
        var console = ConsoleFactory.For(writer);
        DoseEvidenceView.Write(console, ClinicalDoseEvidence.Default);

        ConsoleText.Line(console, Markup.Escape(SimulationSummaryTable.Regimen(result)));
        ConsoleText.Line(console, Markup.Escape(SimulationSummaryTable.Condition(result)));
        var columns = SimulationSummaryTable.Columns(result);

        // Sparkline labels padded to the longest name shown, so the bars line up.
        var width = columns.Max(c => c.Name.Length);
        ConsoleText.Line(console, Markup.Escape(SimulationSummaryTable.Window(result)));
        foreach (var line in SimulationSummaryTable.Band(result))
        {
            ConsoleText.Line(console, Markup.Escape(line));
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Quantity");
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(column.Header).RightAligned());
        }

        foreach (var row in SimulationSummaryTable.Rows(result, series.ScoreAtEnd))
        {
            table.AddRow([Markup.Escape(row.Quantity), .. row.Values.Select(Markup.Escape)]);
        }

        StackedRecords.Write(console, table);

        console.WriteLine();
        ConsoleText.Line(console, Markup.Escape("MOR blockade over the summary window (each bar is an equal slice of time, full height = 100%):"));
        for (var c = 0; c < columns.Count; c++)
        {
            ConsoleText.Line(console, Markup.Escape($"  {columns[c].Name.PadRight(width)}  {series.Mor(c)}"));
            if (columns[c].Name == ModelAverageResult.Name && result.Average is not null)
            {
                var (low, high) = series.Band(c);
                foreach (var (label, edge) in new[] { ("  2.5%", low), ("  97.5%", high) })
                {
                    ConsoleText.Line(console, Markup.Escape($"  {label.PadRight(width)}  {edge}"));
                }
            }
        }

        ConsoleText.Line(console, Markup.Escape(
            $"Net opioid signalling S = P·U·(1 − O) over the summary window (full height = S of {SimulationConsoleSeries.SignallingChartTop:0}; bars above ▄ are S above its drug-free 1):"));
        for (var c = 0; c < columns.Count; c++)
        {
            ConsoleText.Line(console, Markup.Escape($"  {columns[c].Name.PadRight(width)}  {series.Signalling(c)}"));
        }

        console.WriteLine();
        ConsoleText.Line(console, Markup.Escape(WhatIf.ModelHeading + " (signalling S, inflammation): " + WhatIf.Note));
        ConsoleText.Line(console, Markup.Escape(ModelCaveats.Scenarios));
        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }
}
