namespace Ldn.Core.Pharmacology.Streaming;

/// <summary>
/// Receives a series point by point, in time order, as the solver produces it (issue 13 item 5): the front end writes
/// each point to its output (JSON, CSV) and keeps nothing, so memory does not grow with the horizon. Core does no I/O.
/// </summary>
public interface ISeriesSink
{
    /// <summary>The next point; times ascend.</summary>
    void Add(in SeriesPoint point);
}
