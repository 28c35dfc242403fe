namespace Ldn.Core.Pharmacology.Solvers;

/// <summary>
/// The solution over one accepted step [<see cref="From"/>, <see cref="To"/>] as a polynomial in
/// θ = (t − From)/h, written in Hairer's form
/// y(θ) = r1 + θ(r2 + (1−θ)(r3 + θ(r4 + (1−θ) r5))).
/// Dormand–Prince fills all five rows (4th-order interpolant); Rosenbrock leaves r5 = 0, which makes
/// it the cubic Hermite interpolant through both ends and their slopes.
/// </summary>
public readonly ref struct DenseStep
{
    private readonly ReadOnlySpan<double> _coefficients;
    private readonly int _dimension;

    internal DenseStep(double from, double to, ReadOnlySpan<double> coefficients, int dimension)
    {
        From = from;
        To = to;
        _coefficients = coefficients;
        _dimension = dimension;
    }

    public double From { get; }

    public double To { get; }

    public int Dimension => _dimension;

    /// <summary>Component <paramref name="index"/> of the solution at time <paramref name="t"/>.</summary>
    public double At(double t, int index)
    {
        var theta = (t - From) / (To - From);
        var theta1 = 1.0 - theta;
        var n = _dimension;
        var c = _coefficients;
        return c[index] + (theta * (c[n + index] + (theta1 * (c[(2 * n) + index]
            + (theta * (c[(3 * n) + index] + (theta1 * c[(4 * n) + index])))))));
    }

    /// <summary>The whole state at time <paramref name="t"/>.</summary>
    public void At(double t, Span<double> y)
    {
        for (var i = 0; i < _dimension; i++)
        {
            y[i] = At(t, i);
        }
    }
}
