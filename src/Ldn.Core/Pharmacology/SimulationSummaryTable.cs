using System.Globalization;
using Ldn.Core.Dosing;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// The words and numbers every front end shows for a simulation (the CLI's table of <c>ldn simulate</c>, the
/// web's simulator): what was simulated, over which window the summary is read, and one row per quantity
/// with a value per scenario, formatted once (ng/mL to 3 significant places, blockade in %, a true minus
/// sign for a fall). Numbers are invariant culture.
/// </summary>
public static class SimulationSummaryTable
{
    /// <summary>One quantity: its label (with its unit) and its value under each column of <see cref="Columns"/>, in order.</summary>
    public sealed record Row(string Quantity, IReadOnlyList<string> Values);

    /// <summary>One column of the table: its name (as in JSON), its header, its summary and series.</summary>
    public sealed record Column(string Name, string Header, ExposureSummary Summary, SimulationSeries Series);

    /// <summary>The model average first (when there is one), then each structure of the result.</summary>
    public static IReadOnlyList<Column> Columns(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var structures = result.Scenarios.Select(s => new Column(
            s.Scenario.Name(), s.Scenario is OccupancyScenario.A or OccupancyScenario.B ? $"Scenario {s.Scenario}" : s.Scenario.Name(), s.Summary, s.Series));
        return result.Average is { } average
            ? [new Column(ModelAverage.ModelAverageResult.Name, "Model average", average.Summary, average.Series), .. structures]
            : [.. structures];
    }

    /// <summary>
    /// The model average's MOR band in two lines: which structures with which weights and how many parameter sets, and
    /// trough and peak with their 95% intervals; empty without an average.
    /// </summary>
    public static IReadOnlyList<string> Band(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Average is not { } average)
        {
            return [];
        }

        var band = average.Band;
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"Model average (Akaike weights): {ModelAverage.ModelAverageText.Weights(average.Structures)}."),
            string.Create(CultureInfo.InvariantCulture,
                $"MOR trough {Percent(band.Trough.Median)} ({Range(band.Trough)}), peak {Percent(band.Peak.Median)} ({Range(band.Peak)}); 95% band, {average.Options.Replicates} draws."),
        ];
    }

    private static string Range(ModelAverage.BandQuantiles q) => string.Create(CultureInfo.InvariantCulture, $"{q.Low * 100:0.0}–{q.High * 100:0.0}%");

    /// <summary>"4.5 mg capsule every 24 h × 84, first dose at 22:00; 84 days simulated; parameters: …."</summary>
    public static string Regimen(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var regimen = result.Regimen;
        // One event per titration step: "1.5 mg capsule every 24 h × 14, then 3 mg … × 14, then …".
        var dosing = string.Join(", then ", regimen.Events.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Amount} {e.Formulation.Name()} every {e.Interval.Hours:0.##} h × {e.Count}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"{dosing}, first dose at {regimen.StartClock}; {regimen.Horizon.Days:0.#} days simulated; parameters: {result.Parameters.Name}.");
    }

    /// <summary>"Condition: Fibromyalgia (fibromyalgia); outcome scale …, lower is better; TLR4 term off."</summary>
    public static string Condition(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var condition = result.Condition;
        return $"Condition: {condition.Name} ({condition.Id}); outcome scale {condition.Instrument.Name} ({condition.Instrument.Unit}), {(condition.Instrument.LowerIsBetter ? "lower" : "higher")} is better; " +
            $"TLR4 term {(result.Tlr4 ? "on" : "off")}.";
    }

    /// <summary>Which window the summary covers: the whole horizon for a single dose, else the last dosing interval.</summary>
    public static string Window(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var window = result.Scenarios[0].Summary;
        return result.Regimen.Administrations.Count == 1
            ? "Summary over the whole horizon (single dose; AUC to infinity)."
            : string.Create(CultureInfo.InvariantCulture, $"Summary over the last dosing interval (hour {window.WindowStart.Hours:0.#} to {window.WindowEnd.Hours:0.#}).");
    }

    /// <summary>The summary rows, each with one value per scenario of <paramref name="result"/>.</summary>
    public static IReadOnlyList<Row> Rows(SimulationResult result)
    {
        var columns = Columns(result);
        return Rows(result, i => columns[i].Series.Count == 0 ? null : columns[i].Series.ClinicalScore[^1]);
    }

    /// <summary>
    /// The summary rows, with the clinical score at the end of each column's series given by
    /// <paramref name="scoreAtEnd"/> (null shows as "—"): for a result whose series were streamed, not kept.
    /// </summary>
    public static IReadOnlyList<Row> Rows(SimulationResult result, Func<int, double?> scoreAtEnd)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scoreAtEnd);
        var columns = Columns(result);
        Row Of(string label, Func<ExposureSummary, string> value) => new(label, [.. columns.Select(c => value(c.Summary))]);
        var instrument = result.Condition.Instrument;
        return
        [
            Of("Naltrexone Cmax (ng/mL)", s => Number(s.ParentCmax.NanogramsPerMillilitre)),
            Of("Naltrexone Tmax (h after dose)", s => s.ParentTmax.Hours.ToString("0.00", CultureInfo.InvariantCulture)),
            Of("Naltrexone AUC (ng·h/mL)", s => Number(s.ParentAuc.NanogramHoursPerMillilitre)),
            Of("6β-naltrexol Cmax (ng/mL)", s => Number(s.MetaboliteCmax.NanogramsPerMillilitre)),
            Of("MOR blockade peak", s => Percent(s.MorPeak)),
            Of("MOR blockade trough", s => Percent(s.MorTrough)),
            Of("MOR blockade mean", s => Percent(s.MorMean)),
            Of("Hours MOR > 25%", s => s.MorAbove25Percent.Hours.ToString("0.0", CultureInfo.InvariantCulture)),
            Of("Hours MOR > 50%", s => s.MorAbove50Percent.Hours.ToString("0.0", CultureInfo.InvariantCulture)),
            Of("Signalling overshoot (h/day with S > 1)", s => s.SignallingOvershootHoursPerDay.ToString("0.0", CultureInfo.InvariantCulture)),
            Of("Nocturnal signalling (mean S 23:00–07:00)", s => s.NocturnalSignalling is { } night ? night.ToString("0.000", CultureInfo.InvariantCulture) : "— (no full night)"),
            Of("Inflammation change at week 12 (what-if)", s => s.InflammationChangeWeek12 is { } change ? SignedPercent(change) : "— (< 12 weeks)"),
            new($"{instrument.Name} at the end ({instrument.Unit})",
                [.. columns.Select((_, i) => scoreAtEnd(i) is { } score ? score.ToString("0.0", CultureInfo.InvariantCulture) : "—")]),
        ];
    }

    /// <summary>A concentration or exposure: 0 decimals from 100, 2 from 1, else 3.</summary>
    public static string Number(double value) => value.ToString(value >= 100 ? "0" : value >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal ("37.5%").</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A relative change as a signed percentage, e.g. "−11.7%" or "+0.0%" (a true minus sign).</summary>
    public static string SignedPercent(double fraction)
    {
        var text = Math.Abs(fraction * 100).ToString("0.0", CultureInfo.InvariantCulture);
        return (fraction < 0 && text != "0.0" ? "−" : "+") + text + "%";
    }
}
