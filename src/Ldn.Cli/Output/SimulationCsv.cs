using System.Globalization;
using CsvHelper;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Streaming;
using Ldn.Core.Units;

namespace Ldn.Cli.Output;

/// <summary>Long-format CSV of the time series: one row per scenario and time point, units in the header.</summary>
internal static class SimulationCsv
{
    public static readonly string[] Header = ["scenario", "timeHours", "clock", "parentNgPerMl", "metaboliteNgPerMl", "mor", "dor", "kor", "opioidSignalling", "receptorDensity", "synthesis", "inflammation", "clinicalScore"];

    /// <summary>The CSV of a result that kept its series.</summary>
    public static void Write(SimulationResult result, TextWriter writer) => Write(result, writer, streamed: false);

    /// <summary>
    /// The same CSV for a result whose series were not kept: each scenario is replayed (<see cref="SeriesReplay"/>) and
    /// written row by row as the solver produces it (issue 13 item 5).
    /// </summary>
    public static void WriteStreamed(SimulationResult result, TextWriter writer) => Write(result, writer, streamed: true);

    private static void Write(SimulationResult result, TextWriter writer, bool streamed)
    {
        ArgumentNullException.ThrowIfNull(result);
        var options = new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" };
        using var csv = CsvWriter.Create(writer, options, true);
        csv.WriteRecord(Header);
        var first = result.Average is null ? 0 : 1;
        for (var j = 0; j < result.Scenarios.Count; j++)
        {
            var scenario = result.Scenarios[j];
            var sink = new RowSink(csv, scenario.Scenario.Name(), result.Regimen);
            if (streamed)
            {
                SeriesReplay.Write(result, first + j, sink);
                continue;
            }

            for (var i = 0; i < scenario.Series.Count; i++)
            {
                sink.Add(scenario.Series[i]);
            }
        }

        csv.Flush();
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
