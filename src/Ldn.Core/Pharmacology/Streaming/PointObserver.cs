using Ldn.Core.Pharmacology.Solvers;

namespace Ldn.Core.Pharmacology.Streaming;

/// <summary>
/// Samples the solver's dense output at the output grid, exactly as <see cref="GridSampler"/> does (component by
/// component, at max(step start, grid time)), turns each state into one scenario's <see cref="SeriesPoint"/> and hands
/// it to a sink; it keeps one state row, nothing per point.
/// </summary>
internal struct PointObserver(NaltrexoneModel model, OccupancyScenario scenario, double[] times, ISeriesSink sink) : IStepObserver
{
    private readonly double[] _row = new double[model.Dimension];
    private int _next;

    public void OnStep(in DenseStep interval)
    {
        var slack = 1e-12 * Math.Max(1.0, Math.Abs(interval.To));
        while (_next < times.Length && times[_next] <= interval.To + slack)
        {
            var t = Math.Max(interval.From, times[_next]);
            for (var i = 0; i < _row.Length; i++)
            {
                _row[i] = interval.At(t, i);
            }

            sink.Add(Simulator.Point(model, scenario, times[_next], _row));
            _next++;
        }
    }
}
