using System.Globalization;
using CsvHelper;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Streaming;
using Ldn.Core.Units;

namespace Ldn.Cli.Output;

/// <summary>
/// Long-format CSV of the time series: one row per scenario and time point, units in the header. The model average is
/// not written. Rows are written as points arrive (<see cref="For"/>), so a streamed run keeps none (issue 13 item 5).
/// </summary>
internal sealed class SimulationCsv : IDisposable
{
    public static readonly string[] Header = ["scenario", "timeHours", "clock", "parentNgPerMl", "metaboliteNgPerMl", "mor", "dor", "kor", "opioidSignalling", "receptorDensity", "synthesis", "inflammation", "clinicalScore"];

    private readonly CsvWriter _csv;
    private readonly Regimen _regimen;

    /// <summary>Starts the file on <paramref name="writer"/> with its header; the writer stays open after <see cref="Dispose"/>.</summary>
    public SimulationCsv(Regimen regimen, TextWriter writer)
    {
        _regimen = regimen ?? throw new ArgumentNullException(nameof(regimen));
        var options = new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" };
        _csv = CsvWriter.Create(writer, options, true);
        _csv.WriteRecord(Header);
    }

    /// <summary>The CSV of a result that kept its series.</summary>
    public static void Write(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = new SimulationCsv(result.Regimen, writer);
        foreach (var scenario in result.Scenarios)
        {
            SeriesFanOut.Replay(scenario.Series, csv.For(scenario.Scenario));
        }
    }

    /// <summary>The sink that writes <paramref name="scenario"/>'s points as rows.</summary>
    public ISeriesSink For(OccupancyScenario scenario) => new RowSink(_csv, scenario.Name(), _regimen);

    /// <summary>Flushes the rows written so far to the writer.</summary>
    public void Dispose()
    {
        _csv.Flush();
        _csv.Dispose();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Writes each point as one CSV row, reusing one row buffer.</summary>
    private sealed class RowSink(CsvWriter csv, string scenario, Regimen regimen) : ISeriesSink
    {
        private readonly string[] _row = new string[Header.Length];

        public void Add(in SeriesPoint point)
        {
            _row[0] = scenario;
            _row[1] = Number(point.TimeHours);
            _row[2] = regimen.StartClock.Plus(Duration.FromHours(point.TimeHours)).ToString();
            _row[3] = Number(point.ParentNgPerMl);
            _row[4] = Number(point.MetaboliteNgPerMl);
            _row[5] = Number(point.Mor);
            _row[6] = Number(point.Dor);
            _row[7] = Number(point.Kor);
            _row[8] = Number(point.OpioidSignalling);
            _row[9] = Number(point.ReceptorDensity);
            _row[10] = Number(point.Synthesis);
            _row[11] = Number(point.Inflammation);
            _row[12] = Number(point.ClinicalScore);
            csv.WriteRecord(_row);
        }
    }
}
