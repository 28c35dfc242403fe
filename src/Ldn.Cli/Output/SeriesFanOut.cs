using Ldn.Core.Pharmacology.Streaming;

namespace Ldn.Cli.Output;

/// <summary>
/// Hands each point of one replayed series to every output that wants it (JSON, CSV, report charts, console view), so
/// one pass of the integrator feeds them all (issue 13 item 5).
/// </summary>
internal sealed class SeriesFanOut(IReadOnlyList<ISeriesSink> sinks) : ISeriesSink
{
    public void Add(in SeriesPoint point)
    {
        for (var i = 0; i < sinks.Count; i++)
        {
            sinks[i].Add(point);
        }
    }

    /// <summary>Feeds every point of a kept series to <paramref name="sink"/>, as a replay would.</summary>
    public static void Replay(Ldn.Core.Pharmacology.SimulationSeries series, ISeriesSink sink)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(sink);
        for (var i = 0; i < series.Count; i++)
        {
            sink.Add(series[i]);
        }
    }
}
