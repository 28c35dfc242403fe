using System.Globalization;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Spectre.Console;

namespace Ldn.Cli.Output;

/// <summary>
/// The human view of a simulation: what was simulated (regimen, parameters, condition), a summary table
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

        var regimen = result.Regimen;
        // One event per titration step: "1.5 mg capsule every 24 h × 14, then 3 mg … × 14, then …".
        var dosing = string.Join(", then ", regimen.Events.Select(e => $"{e.Amount} {e.Formulation.Name()} every {e.Interval.Hours:0.##} h × {e.Count}"));
        console.MarkupLine(Markup.Escape(
            $"{dosing}, first dose at {regimen.StartClock}; " +
            $"{regimen.Horizon.Days:0.#} days simulated; parameters: {result.Parameters.Name}."));
        var condition = result.Condition;
        console.MarkupLine(Markup.Escape(
            $"Condition: {condition.Name} ({condition.Id}); outcome scale {InstrumentLabel(condition.Instrument)}, {(condition.Instrument.LowerIsBetter ? "lower" : "higher")} is better; " +
            $"TLR4 term {(result.Tlr4 ? "on" : "off")}."));
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
        AddRow(table, result, "Signalling overshoot (h/day with S > 1)", s => s.SignallingOvershootHoursPerDay.ToString("0.0", CultureInfo.InvariantCulture));
        AddRow(table, result, "Nocturnal signalling (mean S 23:00–07:00)", s => s.NocturnalSignalling is { } night ? night.ToString("0.000", CultureInfo.InvariantCulture) : "— (no full night)");
        AddRow(table, result, "Inflammation change at week 12", s => s.InflammationChangeWeek12 is { } change ? SignedPercent(change) : "— (< 12 weeks)");
        table.AddRow([
            Markup.Escape($"{condition.Instrument.Name} at the end ({condition.Instrument.Unit})"),
            .. result.Scenarios.Select(s => s.Series.Count == 0 ? "—" : s.Series.ClinicalScore[^1].ToString("0.0", CultureInfo.InvariantCulture)),
        ]);
        console.Write(table);

        console.WriteLine();
        console.MarkupLine(Markup.Escape("MOR blockade over the summary window (each bar is an equal slice of time, full height = 100%):"));
        foreach (var scenario in result.Scenarios)
        {
            var bars = Sparkline(scenario.Series.TimeHours, scenario.Series.Mor, 1.0, window.WindowStart.Hours, window.WindowEnd.Hours, 48);
            console.MarkupLine(Markup.Escape($"  {scenario.Scenario}  {bars}"));
        }

        console.MarkupLine(Markup.Escape(
            $"Net opioid signalling S = P·U·(1 − O) over the summary window (full height = S of {SignallingChartTop:0}; bars above ▄ are S above its drug-free 1):"));
        foreach (var scenario in result.Scenarios)
        {
            var bars = Sparkline(scenario.Series.TimeHours, scenario.Series.OpioidSignalling, SignallingChartTop, window.WindowStart.Hours, window.WindowEnd.Hours, 48);
            console.MarkupLine(Markup.Escape($"  {scenario.Scenario}  {bars}"));
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

    /// <summary>A relative change as a signed percentage, e.g. "−11.7%" or "+0.0%" (a true minus sign).</summary>
    internal static string SignedPercent(double fraction)
    {
        var text = Math.Abs(fraction * 100).ToString("0.0", CultureInfo.InvariantCulture);
        return (fraction < 0 && text != "0.0" ? "−" : "+") + text + "%";
    }

    private static string InstrumentLabel(ClinicalInstrument instrument) => $"{instrument.Name} ({instrument.Unit})";

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
