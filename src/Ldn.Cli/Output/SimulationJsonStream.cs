using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Streaming;

namespace Ldn.Cli.Output;

/// <summary>
/// Writes <c>ldn simulate --json</c> for a result whose series were not kept (issue 13 item 5): the same document as
/// <see cref="SimulationDocument.Write"/>, byte for byte, with every series streamed point by point from
/// <see cref="SeriesReplay"/> as the solver produces it. The document is serialised once with its (empty) series, and
/// each <c>"series":[]</c> is filled in place; that token cannot occur inside a string value, where quotes are escaped.
/// </summary>
internal static class SimulationJsonStream
{
    private const string EmptySeries = "\"series\":[]";

    public static void Write(SimulationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var pieces = SimulationDocument.Json(result).Split(EmptySeries);
        var count = SeriesReplay.Count(result);
        if (pieces.Length != count + 1)
        {
            throw new InvalidOperationException($"The simulation document has {pieces.Length - 1} empty series, expected {count}.");
        }

        writer.Write(pieces[0]);
        for (var i = 0; i < count; i++)
        {
            writer.Write("\"series\":[");
            SeriesReplay.Write(result, i, new PointSink(writer, result.Regimen));
            writer.Write(']');
            writer.Write(pieces[i + 1]);
        }

        writer.WriteLine();
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
