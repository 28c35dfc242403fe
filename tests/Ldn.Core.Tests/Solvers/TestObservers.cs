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
