using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>The human view of a simulation: what was simulated, a summary table and a small blockade chart.</summary>
internal static class SimulationConsoleView
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    public static void Write(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        var console = ConsoleFactory.For(writer);

        var regimen = result.Regimen;
        var first = regimen.Events[0];
        console.MarkupLine(Markup.Escape(
            $"{first.Amount} {first.Formulation.Name()} every {first.Interval.Hours:0.##} h × {first.Count}, first dose at {regimen.StartClock}; " +
            $"{regimen.Horizon.Days:0.#} days simulated; parameters: {result.Parameters.Name}."));
        var window = result.Scenarios[0].Summary;
        console.MarkupLine(Markup.Escape(regimen.Administrations.Count == 1
            ? "Summary over the whole horizon (single dose; AUC to infinity)."
            : $"Summary over the last dosing interval (hour {window.WindowStart.Hours:0.#} to {window.WindowEnd.Hours:0.#})."));

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Quantity");
        foreach (var scenario in result.Scenarios)
        {
            table.AddColumn(new TableColumn($"Scenario {scenario.Scenario}").RightAligned());
        }

        AddRow(table, result, "Naltrexone Cmax (ng/mL)", s => Number(s.ParentCmax.NanogramsPerMillilitre));
        AddRow(table, result, "Naltrexone Tmax (h after dose)", s => s.ParentTmax.Hours.ToString("0.00", CultureInfo.InvariantCulture));
        AddRow(table, result, "Naltrexone AUC (ng·h/mL)", s => Number(s.ParentAuc.NanogramHoursPerMillilitre));
        AddRow(table, result, "6β-naltrexol Cmax (ng/mL)", s => Number(s.MetaboliteCmax.NanogramsPerMillilitre));
        AddRow(table, result, "MOR blockade peak", s => Percent(s.MorPeak));
        AddRow(table, result, "MOR blockade trough", s => Percent(s.MorTrough));
        AddRow(table, result, "MOR blockade mean", s => Percent(s.MorMean));
        AddRow(table, result, "Hours MOR > 25%", s => s.MorAbove25Percent.Hours.ToString("0.0", CultureInfo.InvariantCulture));
        AddRow(table, result, "Hours MOR > 50%", s => s.MorAbove50Percent.Hours.ToString("0.0", CultureInfo.InvariantCulture));
        console.Write(table);

        console.WriteLine();
        console.MarkupLine(Markup.Escape("MOR blockade over the summary window (each bar is an equal slice of time, full height = 100%):"));
        foreach (var scenario in result.Scenarios)
        {
            console.MarkupLine(Markup.Escape($"  {scenario.Scenario}  {Sparkline(scenario.Series, window.WindowStart.Hours, window.WindowEnd.Hours, 48)}"));
        }

        console.WriteLine();
        console.MarkupLine(Markup.Escape(
            "Scenario B (default) fits the human PET duration data; scenario A is the 'brief daily blockade' the source documents assume. No PET study of LDN doses exists."));
        console.MarkupLine(Markup.Escape(LdnApp.Notice));
    }

    private static void AddRow(Table table, SimulationResult result, string label, Func<ExposureSummary, string> value) =>
        table.AddRow([label, .. result.Scenarios.Select(s => value(s.Summary))]);

    private static string Number(double value) => value.ToString(value >= 100 ? "0" : value >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>MOR blockade as a row of block characters: the mean of each slice of the window.</summary>
    private static string Sparkline(SimulationSeries series, double from, double to, int maxWidth)
    {
        var inWindow = series.TimeHours.Count(t => t >= from && t <= to);
        var width = Math.Clamp(inWindow, 1, maxWidth);
        var sums = new double[width];
        var counts = new int[width];
        for (var i = 0; i < series.Count; i++)
        {
            var t = series.TimeHours[i];
            if (t < from || t > to || to <= from)
            {
                continue;
            }

            var slot = Math.Min(width - 1, (int)((t - from) / (to - from) * width));
            sums[slot] += series.Mor[i];
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

            var level = Math.Clamp((int)Math.Round(sums[i] / counts[i] * (Bars.Length - 1)), 0, Bars.Length - 1);
            chars[i] = Bars[level];
            filled++;
        }

        return filled == 0 ? "(output step too coarse for a chart)" : new string(chars).TrimEnd();
    }
}
