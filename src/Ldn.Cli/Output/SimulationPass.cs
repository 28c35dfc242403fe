using Ldn.Cli.Reports;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Streaming;

namespace Ldn.Cli.Output;

/// <summary>
/// Streams every output of <c>ldn simulate</c> from one replay per series (issue 13 item 5): each series of a result
/// run with <c>retainSeries: false</c> is integrated once (<see cref="SeriesReplay"/>) and each point goes to every
/// output that wants it, then is dropped. The JSON document takes every series; the CSV and the report charts take the
/// scenarios (not the model average); the console view takes every column. A series no output wants is not replayed.
/// </summary>
internal static class SimulationPass
{
    /// <summary>Replays the series of <paramref name="result"/> into the given outputs (null: not asked for), then ends each.</summary>
    public static void Run(SimulationResult result, SimulationJsonStream? json, SimulationCsv? csv, SimulationChartSeries? charts, SimulationConsoleSeries? console)
    {
        ArgumentNullException.ThrowIfNull(result);
        var first = result.Average is null ? 0 : 1;
        var sinks = new List<ISeriesSink>(4);
        for (var i = 0; i < SeriesReplay.Count(result); i++)
        {
            sinks.Clear();
            if (json is not null)
            {
                sinks.Add(json.Open(i));
            }

            var scenario = i - first;
            if (scenario >= 0 && csv is not null)
            {
                sinks.Add(csv.For(result.Scenarios[scenario].Scenario));
            }

            if (scenario >= 0 && charts is not null)
            {
                sinks.Add(charts.For(scenario));
            }

            if (console is not null)
            {
                sinks.Add(console.For(i));
            }

            if (sinks.Count > 0)
            {
                SeriesReplay.Write(result, i, sinks.Count == 1 ? sinks[0] : new SeriesFanOut([.. sinks]));
            }

            json?.Close();
        }

        json?.End();
        charts?.Close();
    }
}
