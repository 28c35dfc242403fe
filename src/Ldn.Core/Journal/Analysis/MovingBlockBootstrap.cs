namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// Percentile interval for the difference of two means (window − baseline) from daily series whose
/// days are correlated (a bad week is followed by a bad week). Each series is resampled on its own
/// by the moving-block bootstrap: blocks of <see cref="BlockLength"/> consecutive days, drawn with
/// replacement from all overlapping blocks and laid end to end (the last one cut) to the series'
/// length, so runs of similar days stay together and the spread of the mean is not understated as
/// an ordinary (day-by-day, iid) bootstrap would. Allocation-light: prefix sums make a block's sum
/// one subtraction, and the buffers are reused across calls. Not thread-safe; one per analysis.
/// </summary>
public sealed class MovingBlockBootstrap
{
    private readonly double[] _differences;
    private double[] _prefixA = new double[64];
    private double[] _prefixB = new double[64];

    public MovingBlockBootstrap(int resamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10);
        _differences = new double[resamples];
    }

    public int Resamples => _differences.Length;

    /// <summary>Smallest block: a week, so the weekly rhythm of symptoms (work days, weekends) stays inside a block.</summary>
    public const int MinBlockLength = 7;

    /// <summary>
    /// The block length for a series of <paramref name="n"/> days: ⌈√n⌉, at least 7 (a week), and at most
    /// n/3 so a resample is made of at least three blocks. √n grows faster than the n^(1/3) that is
    /// optimal for the variance's mean squared error, on purpose: symptom series are strongly
    /// persistent, short blocks cut that persistence and make intervals too narrow (see the coverage
    /// tests and docs/journal-analysis.md).
    /// </summary>
    public static int BlockLength(int n) =>
        Math.Max(1, Math.Min(Math.Max(MinBlockLength, (int)Math.Ceiling(Math.Sqrt(n))), n / 3));

    /// <summary>
    /// The central 95% (or <paramref name="level"/>) percentile interval of mean(window*) − mean(baseline*)
    /// over <see cref="Resamples"/> resamples. <paramref name="blockLength"/> overrides the rule
    /// (1 gives the ordinary iid bootstrap, for comparison).
    /// </summary>
    public (double Lower, double Upper) DifferenceInterval(
        ReadOnlySpan<double> baseline, ReadOnlySpan<double> window, int seed, double level = 0.95, int? blockLength = null, bool expand = true)
    {
        if (baseline.IsEmpty || window.IsEmpty)
        {
            throw new ArgumentException("Both series need at least one day.");
        }

        var lengthA = Math.Clamp(blockLength ?? BlockLength(baseline.Length), 1, baseline.Length);
        var lengthB = Math.Clamp(blockLength ?? BlockLength(window.Length), 1, window.Length);
        Prefix(baseline, ref _prefixA);
        Prefix(window, ref _prefixB);
        var meanA = _prefixA[baseline.Length] / baseline.Length;
        var meanB = _prefixB[window.Length] / window.Length;
        var z = NormalQuantile(1 - ((1 - level) / 2));
        var expandA = expand ? Expansion(baseline.Length / (double)lengthA, z) : 1;
        var expandB = expand ? Expansion(window.Length / (double)lengthB, z) : 1;
        var random = new Random(seed);
        for (var r = 0; r < _differences.Length; r++)
        {
            var b = meanB + (expandB * (ResampleMean(_prefixB, window.Length, lengthB, random) - meanB));
            var a = meanA + (expandA * (ResampleMean(_prefixA, baseline.Length, lengthA, random) - meanA));
            _differences[r] = b - a;
        }

        Array.Sort(_differences);
        var tail = (1 - level) / 2;
        return (Quantile(_differences, tail), Quantile(_differences, 1 - tail));
    }

    private static void Prefix(ReadOnlySpan<double> values, ref double[] prefix)
    {
        if (prefix.Length < values.Length + 1)
        {
            prefix = new double[Math.Max(values.Length + 1, prefix.Length * 2)];
        }

        prefix[0] = 0;
        for (var i = 0; i < values.Length; i++)
        {
            prefix[i + 1] = prefix[i] + values[i];
        }
    }

    private static double ResampleMean(double[] prefix, int n, int block, Random random)
    {
        var starts = n - block + 1;
        double total = 0;
        var filled = 0;
        while (filled < n)
        {
            var take = Math.Min(block, n - filled);
            var s = random.Next(starts);
            total += prefix[s + take] - prefix[s];
            filled += take;
        }

        return total / n;
    }

    /// <summary>
    /// Hesterberg's expanded percentile factor with the number of blocks k as the sample size:
    /// t(k − 1)/z · √(k/(k − 1)). A resample made of few blocks is like a sample of few values, whose
    /// percentile interval is too narrow by about that factor (a z where a t with k − 1 degrees of
    /// freedom belongs, and a variance divided by k instead of k − 1).
    /// </summary>
    internal static double Expansion(double blocks, double z)
    {
        var df = Math.Max(blocks - 1, 2);
        return StudentQuantile(z, df) / z * Math.Sqrt((df + 1) / df);
    }

    /// <summary>Student-t quantile from the normal one by the Cornish–Fisher expansion (within 1% for df ≥ 2 at 95%).</summary>
    internal static double StudentQuantile(double z, double df)
    {
        double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z;
        return z + ((z3 + z) / (4 * df)) + (((5 * z5) + (16 * z3) + (3 * z)) / (96 * df * df))
            + (((3 * z7) + (19 * z5) + (17 * z3) - (15 * z)) / (384 * df * df * df))
            + (((79 * z9) + (776 * z7) + (1482 * z5) - (1920 * z3) - (945 * z)) / (92160 * df * df * df * df));
    }

    /// <summary>Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    internal static double NormalQuantile(double p)
    {
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A probability strictly between 0 and 1.");
        }

        if (p < 0.02425)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Horner(c, q) / ((Horner(d, q) * q) + 1);
        }

        if (p > 1 - 0.02425)
        {
            return -NormalQuantile(1 - p);
        }

        var u = p - 0.5;
        var r = u * u;
        return Horner(a, r) * u / ((Horner(b, r) * r) + 1);
    }

    private static double Horner(ReadOnlySpan<double> coefficients, double x)
    {
        var sum = 0.0;
        foreach (var k in coefficients)
        {
            sum = (sum * x) + k;
        }

        return sum;
    }

    /// <summary>Linear interpolation between order statistics (type 7, as R and NumPy default).</summary>
    private static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
