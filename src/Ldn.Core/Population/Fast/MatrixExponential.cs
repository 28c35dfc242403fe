namespace Ldn.Core.Population.Fast;

/// <summary>
/// e^A for a small dense matrix by scaling and squaring with a Taylor series (Moler &amp; Van Loan 2003,
/// "Nineteen dubious ways…", method 3): A is halved s times until its ∞-norm is ≤ 1/2, the series is
/// summed to 18 terms (remainder ≤ 0.5¹⁹/19! ≈ 1.6e-23 relative), then squared s times. Used once per
/// subject and step length, so clarity beats speed; it allocates nothing (stack buffers, n ≤ 8).
/// </summary>
internal static class MatrixExponential
{
    private const int Terms = 18;

    /// <summary>Writes e^<paramref name="a"/> (n×n, row-major) into <paramref name="result"/>.</summary>
    public static void Compute(ReadOnlySpan<double> a, int n, Span<double> result)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 8);
        var norm = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < n; j++)
            {
                row += Math.Abs(a[(i * n) + j]);
            }

            norm = Math.Max(norm, row);
        }

        var squarings = norm > 0.5 ? (int)Math.Ceiling(Math.Log2(norm / 0.5)) : 0;
        var scale = Math.ScaleB(1.0, -squarings);
        Span<double> scaled = stackalloc double[n * n];
        Span<double> term = stackalloc double[n * n];
        Span<double> next = stackalloc double[n * n];
        for (var i = 0; i < n * n; i++)
        {
            scaled[i] = a[i] * scale;
        }

        Identity(result, n);
        Identity(term, n);
        for (var k = 1; k <= Terms; k++)
        {
            Multiply(term, scaled, next, n);
            for (var i = 0; i < n * n; i++)
            {
                term[i] = next[i] / k;
                result[i] += term[i];
            }
        }

        for (var s = 0; s < squarings; s++)
        {
            Multiply(result, result, next, n);
            next.CopyTo(result);
        }
    }

    private static void Identity(Span<double> m, int n)
    {
        m.Clear();
        for (var i = 0; i < n; i++)
        {
            m[(i * n) + i] = 1;
        }
    }

    private static void Multiply(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> product, int n)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += x[(i * n) + k] * y[(k * n) + j];
                }

                product[(i * n) + j] = sum;
            }
        }
    }
}
