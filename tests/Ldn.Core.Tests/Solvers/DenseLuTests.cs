using Ldn.Core.Pharmacology.Solvers;
using Xunit;

namespace Ldn.Core.Tests.Solvers;

public class DenseLuTests
{
    [Fact]
    public void Solves_a_system_whose_first_pivot_is_zero()
    {
        // [[0, 2, 1], [1, 1, 0], [3, 0, 1]]·x = b with x = (1, −2, 3): needs row interchanges.
        var lu = new DenseLu(3);
        double[] a = [0, 2, 1, 1, 1, 0, 3, 0, 1];
        a.CopyTo(lu.Matrix);
        double[] b = [-1, -1, 6];

        Assert.True(lu.TryFactor());
        lu.Solve(b);

        // Tolerance 1e-14: a 3×3 system with small integer entries, condition number ≈ 10.
        Assert.Equal(1, b[0], 1e-14);
        Assert.Equal(-2, b[1], 1e-14);
        Assert.Equal(3, b[2], 1e-14);
    }

    [Fact]
    public void Reports_a_singular_matrix()
    {
        var lu = new DenseLu(2);
        double[] a = [1, 2, 2, 4];
        a.CopyTo(lu.Matrix);

        Assert.False(lu.TryFactor());
    }

    [Fact]
    public void Residuals_of_random_systems_are_at_rounding_level()
    {
        var random = new Random(20240601);
        for (var trial = 0; trial < 2000; trial++)
        {
            var n = 1 + (trial % 6);
            var lu = new DenseLu(n);
            var a = new double[n * n];
            var x = new double[n];
            for (var i = 0; i < a.Length; i++)
            {
                a[i] = (2 * random.NextDouble()) - 1;
            }

            for (var i = 0; i < n; i++)
            {
                x[i] = (2 * random.NextDouble()) - 1;
            }

            var b = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    b[i] += a[(i * n) + j] * x[j];
                }
            }

            a.CopyTo(lu.Matrix);
            Assert.True(lu.TryFactor());
            var solution = (double[])b.Clone();
            lu.Solve(solution);

            // Tolerance: ‖A·x̂ − b‖∞ ≤ 1e-12·(‖A‖∞·‖x̂‖∞ + ‖b‖∞). LU with partial pivoting is
            // backward stable (residual ~ n·ε·growth·‖A‖‖x̂‖, growth tiny for n ≤ 6), so this holds
            // even for ill-conditioned draws, where x̂ itself may be far from x.
            double residual = 0, normA = 0, normX = 0, normB = 0;
            for (var i = 0; i < n; i++)
            {
                double r = -b[i], row = 0;
                for (var j = 0; j < n; j++)
                {
                    r += a[(i * n) + j] * solution[j];
                    row += Math.Abs(a[(i * n) + j]);
                }

                residual = Math.Max(residual, Math.Abs(r));
                normA = Math.Max(normA, row);
                normX = Math.Max(normX, Math.Abs(solution[i]));
                normB = Math.Max(normB, Math.Abs(b[i]));
            }

            Assert.True(residual <= 1e-12 * ((normA * normX) + normB), FormattableString.Invariant($"trial {trial}: residual {residual:G3}"));
        }
    }
}
