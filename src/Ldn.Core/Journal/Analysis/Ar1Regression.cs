using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// A linear model fitted to a daily series with gaps whose errors follow a first-order autoregression
/// in calendar days: stationary, variance γ₀, two days g days apart correlated φ^g. This is what daily
/// symptom scores look like (a bad day is followed by a bad day), and the days without a check-in are
/// simply not there.
/// <para>
/// For a given φ the fit is generalised least squares by the exact Prais–Winsten transform for unequal
/// spacing: the first day stays as it is; every later day i, g days after the previous one, becomes
/// (y_i − φ^g·y_(i−1)) / √(1 − φ^(2g)), and the same for each design column; γ̂₀ = RSS/(n − p).
/// </para>
/// <para>
/// φ is not simply plugged in: with the few weeks of a journal its estimate is uncertain and biased
/// towards 0, and the variance of a mean grows steeply with φ ((1 + φ)/(1 − φ) for a long run), so a
/// plugged-in φ gives intervals that are too narrow. Instead φ is integrated over its restricted
/// likelihood (REML, which does not lose a degree of freedom per mean; a flat prior on
/// [<see cref="MinPhi"/>, <see cref="MaxPhi"/>], evaluated on a grid refined around the peak): the
/// coefficients are the likelihood-weighted mean of the GLS fits, their covariance the weighted mean of
/// the fits' covariances plus the spread of their estimates (the law of total variance), and
/// <see cref="Phi"/> is the weighted mean of φ. Intervals use Student's t with n − p − 1 degrees of
/// freedom (one more lost to φ). The coverage of the resulting intervals is measured in
/// <c>docs/journal-analysis.md</c>.
/// </para>
/// Sources: Prais &amp; Winsten 1954; Harville 1977 (REML); Hamilton, Time Series Analysis (1994) §8.3.
/// </summary>
public sealed class Ar1Regression
{
    /// <summary>The smallest φ considered; daily symptom series are not expected to alternate day by day.</summary>
    public const double MinPhi = -0.5;

    /// <summary>The largest φ considered: at 0.98 a series needs weeks to forget a day; beyond that a journal cannot tell a level from a drift.</summary>
    public const double MaxPhi = 0.98;

    private const double CoarseStep = 0.02;

    private const int FinePoints = 48;

    /// <summary>Grid points whose restricted log-likelihood is this far below the peak carry no weight (e^−12 ≈ 6·10⁻⁶).</summary>
    private const double NegligibleLogLikelihood = 12;

    private readonly Matrix<double> _covariance;
    private readonly GridPoint[] _grid;

    private Ar1Regression(double[] coefficients, Matrix<double> covariance, GridPoint[] grid, int n)
    {
        Coefficients = coefficients;
        _covariance = covariance;
        _grid = grid;
        N = n;
        Phi = grid.Sum(g => g.Weight * g.Phi);
        Sigma2 = grid.Sum(g => g.Weight * g.Sigma2);
    }

    /// <summary>The fitted coefficients, one per design column.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>The series' variance γ₀ around the fitted means (scale points²), averaged over φ.</summary>
    public double Sigma2 { get; }

    /// <summary>The day-to-day autocorrelation: the given φ, or its mean under the restricted likelihood.</summary>
    public double Phi { get; }

    /// <summary>Days in the fit.</summary>
    public int N { get; }

    /// <summary>Degrees of freedom of the t quantile: n − p − 1.</summary>
    public int DegreesOfFreedom => N - Coefficients.Count - 1;

    /// <summary>
    /// Fits the model. <paramref name="days"/> are strictly increasing day numbers, <paramref name="y"/> the
    /// values, <paramref name="design"/> the n × p design matrix row by row; <paramref name="phi"/> fixes φ
    /// instead of integrating over it. Null when there are not more days than p + 1 or the design is
    /// singular (a column without any day).
    /// </summary>
    public static Ar1Regression? Fit(ReadOnlySpan<int> days, ReadOnlySpan<double> y, ReadOnlySpan<double> design, int p, double? phi = null)
    {
        var n = y.Length;
        if (p < 1 || days.Length != n || design.Length != n * p)
        {
            throw new ArgumentException("The days, values and design must describe the same n days and p columns.");
        }

        for (var i = 1; i < n; i++)
        {
            if (days[i] <= days[i - 1])
            {
                throw new ArgumentException("Days must be strictly increasing.", nameof(days));
            }
        }

        if (n < p + 2)
        {
            return null;
        }

        var grid = phi is { } fixedPhi ? [Point(days, y, design, p, fixedPhi)] : Posterior(days, y, design, p);
        if (grid.Length == 0 || grid.Any(g => g.Beta is null))
        {
            return null;
        }

        // Law of total variance over φ: E[Cov(β | φ)] + Cov(E[β | φ]).
        var mean = Vector<double>.Build.Dense(p);
        foreach (var g in grid)
        {
            mean += g.Weight * g.Beta!;
        }

        var covariance = Matrix<double>.Build.Dense(p, p);
        foreach (var g in grid)
        {
            var deviation = g.Beta! - mean;
            covariance += g.Weight * ((g.Sigma2 * g.Inverse!) + deviation.OuterProduct(deviation));
        }

        return new Ar1Regression([.. mean], covariance, grid, n);
    }

    /// <summary>The estimate cᵀβ and its standard error for the contrast <paramref name="contrast"/>.</summary>
    public (double Estimate, double StandardError) Contrast(ReadOnlySpan<double> contrast)
    {
        if (contrast.Length != Coefficients.Count)
        {
            throw new ArgumentException("One contrast weight per coefficient.", nameof(contrast));
        }

        double estimate = 0, variance = 0;
        for (var i = 0; i < contrast.Length; i++)
        {
            estimate += contrast[i] * Coefficients[i];
            for (var j = 0; j < contrast.Length; j++)
            {
                variance += contrast[i] * _covariance[i, j] * contrast[j];
            }
        }

        return (estimate, Math.Sqrt(Math.Max(variance, 0)));
    }

    /// <summary>The two-sided <paramref name="level"/> interval of a contrast: estimate ± t(df)·SE.</summary>
    public (double Estimate, double Lower, double Upper) Interval(ReadOnlySpan<double> contrast, double level = 0.95)
    {
        var (estimate, se) = Contrast(contrast);
        var t = TQuantile(level);
        return (estimate, estimate - (t * se), estimate + (t * se));
    }

    /// <summary>The t quantile of a two-sided <paramref name="level"/> interval with <see cref="DegreesOfFreedom"/>.</summary>
    public double TQuantile(double level = 0.95) => StudentT.InvCDF(0, 1, Math.Max(DegreesOfFreedom, 1), 1 - ((1 - level) / 2));

    /// <summary>
    /// The variance of Σ w_i·y_i over <paramref name="days"/> (a subset of the fitted series' noise, e.g. a
    /// difference of two means) under the fitted noise: γ₀·wᵀRw averaged over φ.
    /// </summary>
    public double WeightedSumVariance(ReadOnlySpan<int> days, ReadOnlySpan<double> weights)
    {
        var variance = 0.0;
        foreach (var g in _grid)
        {
            variance += g.Weight * g.Sigma2 * CorrelatedSumVariance(days, weights, g.Phi);
        }

        return variance;
    }

    /// <summary>
    /// wᵀRw, where R is the AR(1) correlation matrix of the days (R_ij = φ^|t_i − t_j|): the variance of the
    /// weighted sum Σ w_i·y_i in units of the series' variance. O(n) by the recursion
    /// S_i = φ^(t_i − t_(i−1))·(S_(i−1) + w_(i−1)), since wᵀRw = Σ w_i² + 2·Σ w_i·S_i.
    /// </summary>
    public static double CorrelatedSumVariance(ReadOnlySpan<int> days, ReadOnlySpan<double> weights, double phi)
    {
        if (days.Length != weights.Length)
        {
            throw new ArgumentException("One weight per day.", nameof(weights));
        }

        double total = 0, carried = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (i > 0)
            {
                carried = Power(phi, days[i] - days[i - 1]) * (carried + weights[i - 1]);
            }

            total += (weights[i] * weights[i]) + (2 * weights[i] * carried);
        }

        return total;
    }

    /// <summary>
    /// The grid of φ with normalised weights ∝ exp(restricted log-likelihood): a coarse pass over the whole
    /// range, then <see cref="FinePoints"/> points over the part within <see cref="NegligibleLogLikelihood"/> of the peak.
    /// </summary>
    private static GridPoint[] Posterior(ReadOnlySpan<int> days, ReadOnlySpan<double> y, ReadOnlySpan<double> design, int p)
    {
        var coarse = new List<GridPoint>();
        for (var k = 0; MinPhi + (k * CoarseStep) <= MaxPhi + 1e-9; k++)
        {
            coarse.Add(Point(days, y, design, p, Math.Min(MinPhi + (k * CoarseStep), MaxPhi)));
        }

        var peak = coarse.Max(g => g.LogLikelihood);
        if (double.IsNegativeInfinity(peak))
        {
            return [];
        }

        var kept = coarse.Where(g => g.LogLikelihood > peak - NegligibleLogLikelihood).ToList();
        var lo = Math.Max(MinPhi, kept.Min(g => g.Phi) - CoarseStep);
        var hi = Math.Min(MaxPhi, kept.Max(g => g.Phi) + CoarseStep);
        var fine = new GridPoint[FinePoints];
        for (var k = 0; k < FinePoints; k++)
        {
            fine[k] = Point(days, y, design, p, lo + ((hi - lo) * k / (FinePoints - 1)));
        }

        var top = fine.Max(g => g.LogLikelihood);
        var total = fine.Sum(g => Math.Exp(g.LogLikelihood - top));
        return [.. fine.Where(g => g.LogLikelihood > top - NegligibleLogLikelihood).Select(g => g with { Weight = Math.Exp(g.LogLikelihood - top) / total })];
    }

    /// <summary>The GLS fit at one φ and its restricted log-likelihood −½[(n − p)·log RSS + log|V| + log|XᵀV⁻¹X|] (up to a constant).</summary>
    private static GridPoint Point(ReadOnlySpan<int> days, ReadOnlySpan<double> y, ReadOnlySpan<double> design, int p, double phi)
    {
        var (normal, rhs, yy, logDetV) = Transformed(days, y, design, p, phi);
        var cholesky = Factor(normal);
        if (cholesky is null)
        {
            return new GridPoint(phi, double.NegativeInfinity, null, null, 0, 1);
        }

        var logDetA = 0.0;
        for (var i = 0; i < p; i++)
        {
            logDetA += 2 * Math.Log(cholesky.Factor[i, i]);
        }

        var beta = cholesky.Solve(rhs);
        var rss = Math.Max(yy - rhs.DotProduct(beta), 1e-12);
        var n = y.Length;
        return new GridPoint(
            phi, -0.5 * (((n - p) * Math.Log(rss)) + logDetV + logDetA), beta, cholesky.Solve(Matrix<double>.Build.DenseIdentity(p)), rss / (n - p), 1);
    }

    /// <summary>The Cholesky factor of the normal matrix, or null when it is not positive definite (a column without any day).</summary>
    private static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? Factor(Matrix<double> normal)
    {
        try
        {
            var cholesky = normal.Cholesky();
            for (var i = 0; i < normal.RowCount; i++)
            {
                if (!(cholesky.Factor[i, i] > 1e-9))
                {
                    return null;
                }
            }

            return cholesky;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>X*ᵀX*, X*ᵀy*, y*ᵀy* and log|V| (V the correlation matrix) after the Prais–Winsten transform.</summary>
    private static (Matrix<double> Normal, Vector<double> Rhs, double Yy, double LogDetV) Transformed(
        ReadOnlySpan<int> days, ReadOnlySpan<double> y, ReadOnlySpan<double> design, int p, double phi)
    {
        var normal = Matrix<double>.Build.Dense(p, p);
        var rhs = Vector<double>.Build.Dense(p);
        Span<double> row = stackalloc double[p];
        double yy = 0, logDetV = 0;
        for (var i = 0; i < y.Length; i++)
        {
            double yi;
            if (i == 0)
            {
                yi = y[0];
                design[..p].CopyTo(row);
            }
            else
            {
                var rho = Power(phi, days[i] - days[i - 1]);
                var oneMinus = 1 - (rho * rho);
                var scale = 1 / Math.Sqrt(oneMinus);
                logDetV += Math.Log(oneMinus);
                yi = (y[i] - (rho * y[i - 1])) * scale;
                for (var j = 0; j < p; j++)
                {
                    row[j] = (design[(i * p) + j] - (rho * design[((i - 1) * p) + j])) * scale;
                }
            }

            yy += yi * yi;
            for (var j = 0; j < p; j++)
            {
                rhs[j] += row[j] * yi;
                for (var k = 0; k <= j; k++)
                {
                    normal[j, k] += row[j] * row[k];
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            for (var k = j + 1; k < p; k++)
            {
                normal[j, k] = normal[k, j];
            }
        }

        return (normal, rhs, yy, logDetV);
    }

    /// <summary>φ^gap; most gaps are one day.</summary>
    private static double Power(double phi, int gap) => gap == 1 ? phi : Math.Pow(phi, gap);

    /// <summary>One φ of the grid: its restricted log-likelihood, GLS coefficients, (X*ᵀX*)⁻¹, γ̂₀ and normalised weight.</summary>
    private sealed record GridPoint(double Phi, double LogLikelihood, Vector<double>? Beta, Matrix<double>? Inverse, double Sigma2, double Weight);
}
