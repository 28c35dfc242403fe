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
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>Full height of the S sparkline: S runs from 0 (fully blocked) to about 3.8 in theory; 2 puts baseline at half height.</summary>
    private const double SignallingChartTop = 2.0;

    public static void Write(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var console = ConsoleFactory.For(writer);
        DoseEvidenceView.Write(console, ClinicalDoseEvidence.Default);

        ConsoleText.Line(console, Markup.Escape(SimulationSummaryTable.Regimen(result)));
        ConsoleText.Line(console, Markup.Escape(SimulationSummaryTable.Condition(result)));
        var window = result.Scenarios[0].Summary;
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

        foreach (var row in SimulationSummaryTable.Rows(result))
        {
            table.AddRow([Markup.Escape(row.Quantity), .. row.Values.Select(Markup.Escape)]);
        }

        StackedRecords.Write(console, table);

        console.WriteLine();
        ConsoleText.Line(console, Markup.Escape("MOR blockade over the summary window (each bar is an equal slice of time, full height = 100%):"));
        foreach (var column in columns)
        {
            var bars = Sparkline(column.Series.TimeHours, column.Series.Mor, 1.0, window.WindowStart.Hours, window.WindowEnd.Hours, 48);
            ConsoleText.Line(console, Markup.Escape($"  {column.Name.PadRight(width)}  {bars}"));
            if (column.Name == ModelAverageResult.Name && result.Average is { } average)
            {
                foreach (var (label, values) in new[] { ("  2.5%", average.Band.Low), ("  97.5%", average.Band.High) })
                {
                    var edge = Sparkline(column.Series.TimeHours, values, 1.0, window.WindowStart.Hours, window.WindowEnd.Hours, 48);
                    ConsoleText.Line(console, Markup.Escape($"  {label.PadRight(width)}  {edge}"));
                }
            }
        }

        ConsoleText.Line(console, Markup.Escape(
            $"Net opioid signalling S = P·U·(1 − O) over the summary window (full height = S of {SignallingChartTop:0}; bars above ▄ are S above its drug-free 1):"));
        foreach (var column in columns)
        {
            var bars = Sparkline(column.Series.TimeHours, column.Series.OpioidSignalling, SignallingChartTop, window.WindowStart.Hours, window.WindowEnd.Hours, 48);
            ConsoleText.Line(console, Markup.Escape($"  {column.Name.PadRight(width)}  {bars}"));
        }

        console.WriteLine();
        ConsoleText.Line(console, Markup.Escape(WhatIf.ModelHeading + " (signalling S, inflammation): " + WhatIf.Note));
        ConsoleText.Line(console, Markup.Escape(ModelCaveats.Scenarios));
        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }

    /// <summary>
    /// A series as a row of block characters: the mean of each slice of the window, scaled so that
    /// <paramref name="top"/> is full height (values above it show as full bars).
    /// </summary>
    private static string Sparkline(double[] times, double[] values, double top, double from, double to, int maxWidth)
    {
        var inWindow = times.Count(t => t >= from && t <= to);
        var width = Math.Clamp(inWindow, 1, maxWidth);
        var sums = new double[width];
        var counts = new int[width];
        for (var i = 0; i < times.Length; i++)
        {
            var t = times[i];
            if (t < from || t > to || to <= from)
            {
                continue;
            }

            var slot = Math.Min(width - 1, (int)((t - from) / (to - from) * width));
            sums[slot] += values[i] / top;
            counts[slot]++;
        }

        var chars = new char[width];
        var filled = 0;
        for (var i = 0; i < width; i++)
        {
            if (counts[i] == 0)
            {
                chars[i] = ' ';
                continue;
            }

            // Bar k (0-based) is drawn (k + 1)/8 high, so take the lowest bar at least as high as the value:
            // then S up to its baseline of 1 (half the S chart) never shows above the half-height bar ▄.
            var level = Math.Clamp((int)Math.Ceiling(sums[i] / counts[i] * Bars.Length) - 1, 0, Bars.Length - 1);
            chars[i] = Bars[level];
            filled++;
        }

        return filled == 0 ? "(output step too coarse for a chart)" : new string(chars).TrimEnd();
    }
}
