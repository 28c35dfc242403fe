using MathNet.Numerics.Distributions;

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

    private const double CoarseStep = 0.05;

    private const int FinePoints = 32;

    /// <summary>Grid points whose restricted log-likelihood is this far below the peak carry no weight (e^−12 ≈ 6·10⁻⁶).</summary>
    private const double NegligibleLogLikelihood = 12;

    private readonly double[] _covariance;
    private readonly GridPoint[] _grid;

    private Ar1Regression(double[] coefficients, double[] covariance, GridPoint[] grid, int n)
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

        var moments = new LaggedMoments(days, y, design, p);
        var grid = phi is { } fixedPhi ? [Point(moments, fixedPhi)] : Posterior(moments);
        if (grid.Length == 0 || grid.Any(g => g.Beta is null))
        {
            return null;
        }

        // Law of total variance over φ: E[Cov(β | φ)] + Cov(E[β | φ]).
        var mean = new double[p];
        foreach (var g in grid)
        {
            for (var j = 0; j < p; j++)
            {
                mean[j] += g.Weight * g.Beta![j];
            }
        }

        var covariance = new double[p * p];
        foreach (var g in grid)
        {
            for (var j = 0; j < p; j++)
            {
                for (var k = 0; k < p; k++)
                {
                    covariance[(j * p) + k] += g.Weight * ((g.Sigma2 * g.Inverse![(j * p) + k]) + ((g.Beta![j] - mean[j]) * (g.Beta[k] - mean[k])));
                }
            }
        }

        return new Ar1Regression(mean, covariance, grid, n);
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
                variance += contrast[i] * _covariance[(i * contrast.Length) + j] * contrast[j];
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
        Span<double> powers = stackalloc double[PowerCache];
        powers.Fill(double.NaN);
        for (var i = 0; i < weights.Length; i++)
        {
            if (i > 0)
            {
                carried = Power(phi, days[i] - days[i - 1], powers) * (carried + weights[i - 1]);
            }

            total += (weights[i] * weights[i]) + (2 * weights[i] * carried);
        }

        return total;
    }

    /// <summary>
    /// The grid of φ with normalised weights ∝ exp(restricted log-likelihood): a coarse pass over the whole
    /// range, then <see cref="FinePoints"/> points over the part within <see cref="NegligibleLogLikelihood"/> of the peak.
    /// </summary>
    private static GridPoint[] Posterior(LaggedMoments moments)
    {
        var coarse = new List<GridPoint>();
        for (var k = 0; MinPhi + (k * CoarseStep) <= MaxPhi + 1e-9; k++)
        {
            coarse.Add(Point(moments, Math.Min(MinPhi + (k * CoarseStep), MaxPhi)));
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
            fine[k] = Point(moments, lo + ((hi - lo) * k / (FinePoints - 1)));
        }

        var top = fine.Max(g => g.LogLikelihood);
        var total = fine.Sum(g => Math.Exp(g.LogLikelihood - top));
        return [.. fine.Where(g => g.LogLikelihood > top - NegligibleLogLikelihood).Select(g => g with { Weight = Math.Exp(g.LogLikelihood - top) / total })];
    }

    /// <summary>The GLS fit at one φ and its restricted log-likelihood −½[(n − p)·log RSS + log|V| + log|XᵀV⁻¹X|] (up to a constant).</summary>
    private static GridPoint Point(LaggedMoments moments, double phi)
    {
        var p = moments.P;
        var (normal, rhs, yy, logDetV) = moments.Transformed(phi);
        if (!Cholesky(normal, p))
        {
            return new GridPoint(phi, double.NegativeInfinity, null, null, 0, 1);
        }

        var logDetA = 0.0;
        for (var i = 0; i < p; i++)
        {
            logDetA += 2 * Math.Log(normal[(i * p) + i]);
        }

        var beta = (double[])rhs.Clone();
        Solve(normal, p, beta);
        var inverse = new double[p * p];
        var column = new double[p];
        for (var k = 0; k < p; k++)
        {
            Array.Clear(column);
            column[k] = 1;
            Solve(normal, p, column);
            for (var j = 0; j < p; j++)
            {
                inverse[(j * p) + k] = column[j];
            }
        }

        var explained = 0.0;
        for (var j = 0; j < p; j++)
        {
            explained += rhs[j] * beta[j];
        }

        var rss = Math.Max(yy - explained, 1e-12);
        var n = moments.N;
        return new GridPoint(phi, -0.5 * (((n - p) * Math.Log(rss)) + logDetV + logDetA), beta, inverse, rss / (n - p), 1);
    }

    /// <summary>
    /// In-place Cholesky factor A = LLᵀ of the p × p normal matrix (row-major; L in the lower triangle); false
    /// when it is not positive definite (a design column without any day). A few lines for a matrix this small
    /// cost less than a general library's call.
    /// </summary>
    private static bool Cholesky(double[] a, int p)
    {
        for (var j = 0; j < p; j++)
        {
            var diagonal = a[(j * p) + j];
            for (var k = 0; k < j; k++)
            {
                diagonal -= a[(j * p) + k] * a[(j * p) + k];
            }

            if (!(diagonal > 1e-12))
            {
                return false;
            }

            var l = Math.Sqrt(diagonal);
            a[(j * p) + j] = l;
            for (var i = j + 1; i < p; i++)
            {
                var sum = a[(i * p) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= a[(i * p) + k] * a[(j * p) + k];
                }

                a[(i * p) + j] = sum / l;
            }
        }

        return true;
    }

    /// <summary>Solves LLᵀx = b in place with the factor of <see cref="Cholesky"/>.</summary>
    private static void Solve(double[] factor, int p, double[] b)
    {
        for (var i = 0; i < p; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= factor[(i * p) + k] * b[k];
            }

            b[i] = sum / factor[(i * p) + i];
        }

        for (var i = p - 1; i >= 0; i--)
        {
            var sum = b[i];
            for (var k = i + 1; k < p; k++)
            {
                sum -= factor[(k * p) + i] * b[k];
            }

            b[i] = sum / factor[(i * p) + i];
        }
    }

    /// <summary>
    /// The cross-products the Prais–Winsten transform needs, gathered once so each φ of the grid costs O(p²)
    /// rather than O(n·p²). With z_i = (x_i, y_i), a day one day after the previous contributes
    /// (z_i − φz_(i−1))(z_i − φz_(i−1))ᵀ/(1 − φ²) = (S₀ − φ(S₁ + S₁ᵀ) + φ²S₂)/(1 − φ²) summed, with
    /// S₀ = Σz_i z_iᵀ, S₁ = Σz_i z_(i−1)ᵀ, S₂ = Σz_(i−1) z_(i−1)ᵀ over those days; the first day enters as it
    /// is and the days after a gap (few) are transformed one by one.
    /// </summary>
    private sealed class LaggedMoments
    {
        private readonly int _q;
        private readonly double[] _first;
        private readonly double[] _s0;
        private readonly double[] _s1;
        private readonly double[] _s2;
        private readonly int _consecutive;
        private readonly List<(int Gap, double[] Current, double[] Previous)> _afterGap = [];

        public LaggedMoments(ReadOnlySpan<int> days, ReadOnlySpan<double> y, ReadOnlySpan<double> design, int p)
        {
            P = p;
            N = y.Length;
            _q = p + 1;
            _first = new double[_q * _q];
            _s0 = new double[_q * _q];
            _s1 = new double[_q * _q];
            _s2 = new double[_q * _q];
            var current = new double[_q];
            var previous = new double[_q];
            for (var i = 0; i < y.Length; i++)
            {
                design.Slice(i * p, p).CopyTo(current);
                current[p] = y[i];
                if (i == 0)
                {
                    AddOuter(_first, current, current);
                }
                else if (days[i] - days[i - 1] == 1)
                {
                    _consecutive++;
                    AddOuter(_s0, current, current);
                    AddOuter(_s1, current, previous);
                    AddOuter(_s2, previous, previous);
                }
                else
                {
                    _afterGap.Add((days[i] - days[i - 1], (double[])current.Clone(), (double[])previous.Clone()));
                }

                (current, previous) = (previous, current);
            }
        }

        public int P { get; }

        public int N { get; }

        /// <summary>X*ᵀX*, X*ᵀy*, y*ᵀy* and log|V| (V the correlation matrix) after the transform at <paramref name="phi"/>.</summary>
        public (double[] Normal, double[] Rhs, double Yy, double LogDetV) Transformed(double phi)
        {
            var oneMinus = 1 - (phi * phi);
            var m = new double[_q * _q];
            for (var j = 0; j < _q; j++)
            {
                for (var k = 0; k < _q; k++)
                {
                    var jk = (j * _q) + k;
                    m[jk] = _first[jk] + ((_s0[jk] - (phi * (_s1[jk] + _s1[(k * _q) + j])) + (phi * phi * _s2[jk])) / oneMinus);
                }
            }

            var logDetV = _consecutive * Math.Log(oneMinus);
            Span<double> row = stackalloc double[_q];
            Span<double> powers = stackalloc double[PowerCache];
            powers.Fill(double.NaN);
            foreach (var (gap, current, previous) in _afterGap)
            {
                var rho = Power(phi, gap, powers);
                var rest = 1 - (rho * rho);
                logDetV += Math.Log(rest);
                var scale = 1 / Math.Sqrt(rest);
                for (var j = 0; j < _q; j++)
                {
                    row[j] = (current[j] - (rho * previous[j])) * scale;
                }

                for (var j = 0; j < _q; j++)
                {
                    for (var k = 0; k < _q; k++)
                    {
                        m[(j * _q) + k] += row[j] * row[k];
                    }
                }
            }

            var p = P;
            var normal = new double[p * p];
            var rhs = new double[p];
            for (var j = 0; j < p; j++)
            {
                rhs[j] = m[(j * _q) + p];
                for (var k = 0; k < p; k++)
                {
                    normal[(j * p) + k] = m[(j * _q) + k];
                }
            }

            return (normal, rhs, m[(p * _q) + p], logDetV);
        }

        private static void AddOuter(double[] target, double[] a, double[] b)
        {
            var q = a.Length;
            for (var j = 0; j < q; j++)
            {
                if (a[j] == 0)
                {
                    continue; // indicator designs are mostly zeros
                }

                for (var k = 0; k < q; k++)
                {
                    target[(j * q) + k] += a[j] * b[k];
                }
            }
        }
    }

    /// <summary>Gaps shorter than this many days keep their φ^gap in a per-call cache: the same few gaps (a missed check-in or two) recur all along a journal.</summary>
    private const int PowerCache = 32;

    /// <summary>φ^gap; most gaps are one day, and short ones are looked up in <paramref name="cache"/> (NaN where not yet computed).</summary>
    private static double Power(double phi, int gap, Span<double> cache)
    {
        if (gap == 1)
        {
            return phi;
        }

        if (gap >= cache.Length)
        {
            return Math.Pow(phi, gap);
        }

        if (double.IsNaN(cache[gap]))
        {
            cache[gap] = Math.Pow(phi, gap);
        }

        return cache[gap];
    }

    /// <summary>One φ of the grid: its restricted log-likelihood, GLS coefficients, (X*ᵀX*)⁻¹ (row-major), γ̂₀ and normalised weight.</summary>
    private sealed record GridPoint(double Phi, double LogLikelihood, double[]? Beta, double[]? Inverse, double Sigma2, double Weight);
}
