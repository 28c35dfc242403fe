using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Streaming;

namespace Ldn.Cli.Output;

/// <summary>
/// Writes <c>ldn simulate --json</c> for a result whose series were not kept (issue 13 item 5): the same document as
/// <see cref="SimulationDocument.Write"/>, byte for byte, with every series streamed point by point as the solver
/// produces it. The document is serialised once with its (empty) series, and each <c>"series":[]</c> is filled in
/// place; that token cannot occur inside a string value, where quotes are escaped. Series go in document order
/// (<see cref="SeriesReplay"/>): <see cref="Open"/> entry i, feed its points to the sink, <see cref="Close"/> it, and
/// <see cref="End"/> after the last.
/// </summary>
internal sealed class SimulationJsonStream
{
    private const string EmptySeries = "\"series\":[]";

    private readonly TextWriter _writer;
    private readonly Regimen _regimen;
    private readonly string[] _pieces;

    /// <exception cref="InvalidOperationException">The document does not hold one empty series per entry.</exception>
    public SimulationJsonStream(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _regimen = result.Regimen;
        _pieces = SimulationDocument.Json(result).Split(EmptySeries);
        var count = SeriesReplay.Count(result);
        if (_pieces.Length != count + 1)
        {
            throw new InvalidOperationException($"The simulation document has {_pieces.Length - 1} empty series, expected {count}.");
        }
    }

    /// <summary>Writes the whole document, replaying each series once.</summary>
    public static void Write(SimulationResult result, TextWriter writer)
    {
        var stream = new SimulationJsonStream(result, writer);
        for (var i = 0; i < SeriesReplay.Count(result); i++)
        {
            SeriesReplay.Write(result, i, stream.Open(i));
            stream.Close();
        }

        stream.End();
    }

    /// <summary>Writes the document up to entry <paramref name="index"/>'s series and returns the sink for its points.</summary>
    public ISeriesSink Open(int index)
    {
        _writer.Write(_pieces[index]);
        _writer.Write("\"series\":[");
        return new PointSink(_writer, _regimen);
    }

    /// <summary>Ends the series opened last.</summary>
    public void Close() => _writer.Write(']');

    /// <summary>Writes the rest of the document after the last series.</summary>
    public void End()
    {
        _writer.Write(_pieces[^1]);
        _writer.WriteLine();
    }

    /// <summary>Writes each point as the serializer writes it inside the whole document, comma-separated.</summary>
    private sealed class PointSink(TextWriter writer, Regimen regimen) : ISeriesSink
    {
        private bool _first = true;

        public void Add(in SeriesPoint point)
        {
            if (!_first)
            {
                writer.Write(',');
            }

            _first = false;
            writer.Write(JsonSerializer.Serialize(SimulationDocument.Point(point, regimen), DocumentJson.Options));
        }
    }
}
