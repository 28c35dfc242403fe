using Ldn.Core.Population;

namespace Ldn.Core.Population.Fast;

/// <summary>Receives a batch's samples at each grid time from <see cref="FastSubjectEngine.Run{TSink}"/>.</summary>
public interface IPointSink
{
    /// <summary>
    /// The samples of grid index <paramref name="point"/>, one per subject of the batch in order; the span is
    /// reused for the next point, and the sink may fill in <see cref="SubjectSample.Score"/>.
    /// </summary>
    void OnPoint(int point, Span<SubjectSample> samples);
}
