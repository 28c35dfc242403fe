using Ldn.Core.Pharmacology.Solvers;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// Records the full state at fixed times from the solver's dense output, so the output grid never
/// constrains the solver's own steps (and results do not depend on the output step).
/// </summary>
internal struct GridSampler
{
    private readonly double[] _times;
    private readonly double[] _states;
    private readonly int _dimension;
    private int _next;

    public GridSampler(double[] times, int dimension)
    {
        _times = times;
        _dimension = dimension;
        _states = new double[times.Length * dimension];
    }

    public readonly double[] Times => _times;

    /// <summary>State rows, row-major: <c>States[row * dimension + component]</c>.</summary>
    public readonly double[] States => _states;

    public readonly bool Complete => _next == _times.Length;

    public void Record(in DenseStep step)
    {
        var slack = 1e-12 * Math.Max(1.0, Math.Abs(step.To));
        while (_next < _times.Length && _times[_next] <= step.To + slack)
        {
            var t = Math.Max(step.From, _times[_next]);
            var row = _next * _dimension;
            for (var i = 0; i < _dimension; i++)
            {
                _states[row + i] = step.At(t, i);
            }

            _next++;
        }
    }

    public readonly double Value(int row, int component) => _states[(row * _dimension) + component];

    /// <summary>The whole state at one grid time.</summary>
    public readonly ReadOnlySpan<double> Row(int row) => _states.AsSpan(row * _dimension, _dimension);
}

/// <summary>
/// Feeds each solver step to the output grid, the summary grid (last dosing interval), the night
/// grid (last 23:00–07:00) and the week-12 probe.
/// </summary>
internal struct SimulationObserver(GridSampler output, GridSampler summary, GridSampler night, GridSampler week12) : IStepObserver
{
    public GridSampler Output = output;
    public GridSampler Summary = summary;
    public GridSampler Night = night;
    public GridSampler Week12 = week12;

    public void OnStep(in DenseStep interval)
    {
        Output.Record(in interval);
        Summary.Record(in interval);
        Night.Record(in interval);
        Week12.Record(in interval);
    }
}
