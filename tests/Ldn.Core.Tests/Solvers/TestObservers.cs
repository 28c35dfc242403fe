using Ldn.Core.Pharmacology.Solvers;

namespace Ldn.Core.Tests.Solvers;

/// <summary>
/// Samples the dense output on a fixed time grid. Each grid time is taken from the first step
/// whose [From, To] contains it. A struct passed by ref: the cursor lives in the struct, the
/// results in arrays it holds.
/// </summary>
internal struct GridSampler : IStepObserver
{
    private int _next;

    public GridSampler(double[] times, int dimension)
    {
        Times = times;
        Dimension = dimension;
        Values = new double[times.Length * dimension];
    }

    public double[] Times { get; }

    public int Dimension { get; }

    /// <summary>Row-major: the value of component i at Times[k] is Values[k·Dimension + i].</summary>
    public double[] Values { get; }

    public readonly int Sampled => _next;

    public static double[] UniformGrid(double t0, double t1, int count)
    {
        var times = new double[count];
        for (var k = 0; k < count; k++)
        {
            times[k] = t0 + ((t1 - t0) * k / (count - 1));
        }

        times[count - 1] = t1;
        return times;
    }

    public void OnStep(in DenseStep interval)
    {
        while (_next < Times.Length && Times[_next] <= interval.To)
        {
            for (var i = 0; i < Dimension; i++)
            {
                Values[(_next * Dimension) + i] = interval.At(Times[_next], i);
            }

            _next++;
        }
    }
}

/// <summary>Records every step's [From, To] into preallocated arrays.</summary>
internal struct StepRecorder : IStepObserver
{
    public StepRecorder(int capacity)
    {
        From = new double[capacity];
        To = new double[capacity];
    }

    public double[] From { get; }

    public double[] To { get; }

    public int Count { get; private set; }

    public void OnStep(in DenseStep interval)
    {
        From[Count] = interval.From;
        To[Count] = interval.To;
        Count++;
    }
}

/// <summary>Counts steps and touches the dense output, allocating nothing.</summary>
internal struct StepCounter : IStepObserver
{
    public int Steps { get; private set; }

    public double Checksum { get; private set; }

    public void OnStep(in DenseStep interval)
    {
        Steps++;
        Checksum += interval.At(0.5 * (interval.From + interval.To), 0);
    }
}

/// <summary>
/// Checks that each step's interpolant has slope f(t, y(t)) at both of its ends, true of both
/// DP45's dense output and the cubic Hermite one. The interpolant is a polynomial of degree ≤ 4 in
/// θ, so its θ-derivative at the ends is given exactly (up to rounding) by 5-point one-sided
/// differences on θ = 0, ¼, ½, ¾, 1.
/// </summary>
internal struct EndSlopeChecker<TSystem> : IStepObserver
    where TSystem : struct, IOdeSystem
{
    private readonly TSystem _system;
    private readonly double[] _y;
    private readonly double[] _f;
    private readonly double[] _p;

    public EndSlopeChecker(TSystem system)
    {
        _system = system;
        _y = new double[system.Dimension];
        _f = new double[system.Dimension];
        _p = new double[5];
    }

    /// <summary>Largest |p′/h − f| / (|f| + max|p|/h) seen: the mismatch relative to the slope's own rounding scale.</summary>
    public double MaxMismatch { get; private set; }

    public int Steps { get; private set; }

    public void OnStep(in DenseStep interval)
    {
        Steps++;
        var h = interval.To - interval.From;
        for (var end = 0; end < 2; end++)
        {
            var t = end == 0 ? interval.From : interval.To;
            interval.At(t, _y);
            _system.Derivatives(t, _y, _f);
            for (var i = 0; i < _y.Length; i++)
            {
                var size = 0.0;
                for (var k = 0; k < 5; k++)
                {
                    _p[k] = interval.At(interval.From + (h * k / 4), i);
                    size = Math.Max(size, Math.Abs(_p[k]));
                }

                var dpdTheta = end == 0
                    ? ((-25 * _p[0]) + (48 * _p[1]) - (36 * _p[2]) + (16 * _p[3]) - (3 * _p[4])) / 3
                    : ((25 * _p[4]) - (48 * _p[3]) + (36 * _p[2]) - (16 * _p[1]) + (3 * _p[0])) / 3;
                var mismatch = Math.Abs((dpdTheta / h) - _f[i]) / (Math.Abs(_f[i]) + (size / h));
                MaxMismatch = Math.Max(MaxMismatch, mismatch);
            }
        }
    }
}
