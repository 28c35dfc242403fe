namespace Ldn.Core.Pharmacology.Solvers;

/// <summary>
/// LU factorisation with partial pivoting of a small dense n×n matrix, in place, in storage
/// allocated once. Rosenbrock methods solve several linear systems with the same matrix
/// W = I − h·γ·J per step, so the matrix is factored once and <see cref="Solve"/> is called per stage.
/// The systems here have a handful of compartments, so a dense O(n³) factorisation is cheaper than
/// anything clever. Row interchanges are recorded LAPACK-style (getrf): at column k, row k was swapped
/// with row <c>_pivots[k]</c>.
/// </summary>
internal sealed class DenseLu
{
    private readonly int _n;
    private readonly double[] _a;
    private readonly int[] _pivots;

    public DenseLu(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        _n = dimension;
        _a = new double[dimension * dimension];
        _pivots = new int[dimension];
    }

    /// <summary>The matrix, row-major: fill it, then call <see cref="TryFactor"/>, which overwrites it with L and U.</summary>
    public Span<double> Matrix => _a;

    /// <summary>
    /// Factors <see cref="Matrix"/> in place. Returns false when a pivot is zero or not finite, i.e.
    /// the matrix is singular to working precision; the caller then has to change the matrix
    /// (for a Rosenbrock step: shrink h, which moves W towards I).
    /// </summary>
    public bool TryFactor()
    {
        var n = _n;
        var a = _a;
        for (var k = 0; k < n; k++)
        {
            var pivotRow = k;
            var pivotSize = Math.Abs(a[(k * n) + k]);
            for (var i = k + 1; i < n; i++)
            {
                var size = Math.Abs(a[(i * n) + k]);
                if (size > pivotSize)
                {
                    pivotSize = size;
                    pivotRow = i;
                }
            }

            _pivots[k] = pivotRow;
            if (!(pivotSize > 0) || !double.IsFinite(pivotSize))
            {
                return false;
            }

            if (pivotRow != k)
            {
                for (var j = 0; j < n; j++)
                {
                    (a[(k * n) + j], a[(pivotRow * n) + j]) = (a[(pivotRow * n) + j], a[(k * n) + j]);
                }
            }

            var pivot = a[(k * n) + k];
            for (var i = k + 1; i < n; i++)
            {
                var multiplier = a[(i * n) + k] / pivot;
                a[(i * n) + k] = multiplier;
                for (var j = k + 1; j < n; j++)
                {
                    a[(i * n) + j] -= multiplier * a[(k * n) + j];
                }
            }
        }

        return true;
    }

    /// <summary>Overwrites <paramref name="b"/> with the solution x of (original matrix)·x = b.</summary>
    public void Solve(Span<double> b)
    {
        var n = _n;
        var a = _a;
        for (var k = 0; k < n; k++)
        {
            var p = _pivots[k];
            if (p != k)
            {
                (b[k], b[p]) = (b[p], b[k]);
            }
        }

        // L has a unit diagonal.
        for (var i = 1; i < n; i++)
        {
            var sum = b[i];
            for (var j = 0; j < i; j++)
            {
                sum -= a[(i * n) + j] * b[j];
            }

            b[i] = sum;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var j = i + 1; j < n; j++)
            {
                sum -= a[(i * n) + j] * b[j];
            }

            b[i] = sum / a[(i * n) + i];
        }
    }
}
