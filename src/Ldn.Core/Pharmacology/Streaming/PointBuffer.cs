namespace Ldn.Core.Pharmacology.Streaming;

/// <summary>A sink that keeps points until they are taken: one chunk of a structure's series in the model average.</summary>
internal sealed class PointBuffer : ISeriesSink
{
    public List<SeriesPoint> Points { get; } = [];

    public void Add(in SeriesPoint point) => Points.Add(point);
}
