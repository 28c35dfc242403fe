using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ldn.Core.Population;

/// <summary>
/// Fixed-bin histograms, one per grid time and metric, with integer counts. Adding a value is an
/// atomic integer increment, and integer addition commutes, so the counts (and every percentile read
/// from them) are bit-for-bit the same whatever the number of threads and the order of subjects.
/// <para>
/// Resolution: <see cref="Bins"/> = 1024 equal bins over each metric's range (MOR 0–1, signalling
/// 0–4, inflammation 0–2, clinical score over the instrument's minimum–maximum). A percentile is
/// interpolated linearly inside the bin that holds it, so it lies in the same bin as the exact
/// inverse empirical CDF value x₍⌈q·n⌉₎ and differs from it by at most one bin width, 1/1024 ≈ 9.8e-4
/// of the range (MOR 0.00098, signalling 0.0039, inflammation 0.0020). The exact minimum and maximum
/// of each metric at each time are kept as well and narrow the interpolation, so a point mass (all
/// subjects equal, e.g. at t = 0) and the end bins come out exact. Values outside a range are counted
/// in the end bin (the minimum/maximum still hold them). Memory: 4 bytes × 1024 × 4 metrics per grid
/// time (16 KiB), one shared copy: the counts are atomic increments rather than per-thread copies, so
/// memory does not grow with the number of threads.
/// </para>
/// </summary>
public sealed class PopulationHistogram
{
    public const int Bins = 1024;

    public const int Metrics = 4;

    // Locks for AddMany, point i taking lock i mod Stripes: threads working through the points in order
    // rarely meet, and each lock is taken once per point for a whole batch of subjects.
    private const int Stripes = 64;

    private readonly int[] _counts;
    private readonly double[] _lower;
    private readonly double[] _scale;
    private readonly double[] _width;
    private readonly double[] _minimum;
    private readonly double[] _maximum;
    private readonly object[] _stripes;
    private int _subjects;

    public PopulationHistogram(int points, double scoreMinimum, double scoreMaximum)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 1);
        if (!(scoreMaximum > scoreMinimum))
        {
            throw new ArgumentException($"The score range {scoreMinimum}–{scoreMaximum} is empty.", nameof(scoreMaximum));
        }

        Points = points;
        _counts = new int[checked(points * Metrics * Bins)];
        _minimum = new double[points * Metrics];
        _maximum = new double[points * Metrics];
        _minimum.AsSpan().Fill(double.PositiveInfinity);
        _maximum.AsSpan().Fill(double.NegativeInfinity);
        _stripes = new object[Stripes];
        for (var i = 0; i < Stripes; i++)
        {
            _stripes[i] = new object();
        }

        _lower = [0, 0, 0, scoreMinimum];
        double[] upper = [1, 4, 2, scoreMaximum];
        _width = new double[Metrics];
        _scale = new double[Metrics];
        for (var m = 0; m < Metrics; m++)
        {
            _width[m] = (upper[m] - _lower[m]) / Bins;
            _scale[m] = Bins / (upper[m] - _lower[m]);
        }
    }

    public int Points { get; }

    /// <summary>Number of subjects added (the count in every point's histogram).</summary>
    public int Subjects => Volatile.Read(ref _subjects);

    /// <summary>Width of one bin of <paramref name="metric"/>: the bound on a percentile's error.</summary>
    public double Resolution(PopulationMetric metric) => _width[(int)metric];

    /// <summary>
    /// Adds one subject's samples (one per grid time). Safe to call from several threads, but not at the
    /// same time as <see cref="AddMany"/> (a run uses one or the other).
    /// </summary>
    public void Add(ReadOnlySpan<SubjectSample> samples)
    {
        if (samples.Length != Points)
        {
            throw new ArgumentException($"Expected {Points} samples, got {samples.Length}.", nameof(samples));
        }

        for (var i = 0; i < samples.Length; i++)
        {
            var s = samples[i];
            Count(i, 0, s.Mor);
            Count(i, 1, s.Signalling);
            Count(i, 2, s.Inflammation);
            Count(i, 3, s.Score);
        }

        Interlocked.Increment(ref _subjects);
    }

    /// <summary>
    /// Adds <paramref name="subjects"/> subjects at once, point-major: <c>samples[point·subjects + s]</c>.
    /// Each point's four histograms are updated under one lock with plain increments, which is much
    /// cheaper than an atomic operation per value, and keeps the same counts, minimum and maximum as
    /// adding the subjects one by one in any order. Safe to call from several threads.
    /// </summary>
    public void AddMany(ReadOnlySpan<SubjectSample> samples, int subjects)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subjects);
        if (samples.Length != Points * subjects)
        {
            throw new ArgumentException($"Expected {Points * subjects} samples, got {samples.Length}.", nameof(samples));
        }

        for (var point = 0; point < Points; point++)
        {
            AddPoint(point, samples.Slice(point * subjects, subjects));
        }

        Interlocked.Add(ref _subjects, subjects);
    }

    /// <summary>
    /// Counts <paramref name="row"/> (any number of subjects) at grid index <paramref name="point"/> under
    /// that point's lock, without adding to <see cref="Subjects"/>: the caller adds every point of a batch,
    /// then calls <see cref="CompleteSubjects"/> once. Safe to call from several threads.
    /// </summary>
    public void AddPoint(int point, ReadOnlySpan<SubjectSample> row)
    {
        lock (_stripes[point % Stripes])
        {
            Tally(row, point, PopulationMetric.Mor);
            Tally(row, point, PopulationMetric.Signalling);
            Tally(row, point, PopulationMetric.Inflammation);
            Tally(row, point, PopulationMetric.ClinicalScore);
        }
    }

    /// <summary>Records that <paramref name="subjects"/> more subjects have had every point added by <see cref="AddPoint"/>.</summary>
    public void CompleteSubjects(int subjects) => Interlocked.Add(ref _subjects, subjects);

    /// <summary>
    /// The <paramref name="fraction"/> quantile (0 &lt; fraction ≤ 1) of <paramref name="metric"/> at
    /// grid index <paramref name="point"/>, interpolated linearly within its bin.
    /// </summary>
    public double Percentile(int point, PopulationMetric metric, double fraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(point);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(point, Points);
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The quantile must be in (0, 1].");
        }

        var m = (int)metric;
        var total = Subjects;
        if (total == 0)
        {
            return double.NaN;
        }

        var counts = _counts.AsSpan(((point * Metrics) + m) * Bins, Bins);
        var rank = fraction * total;
        long before = 0;
        for (var b = 0; b < Bins; b++)
        {
            var c = counts[b];
            if (c > 0 && before + c >= rank)
            {
                // Interpolate over the part of the bin the data occupy (a point mass stays exact).
                var cell = (point * Metrics) + m;
                // The end bins also hold values outside the range, so only the data bound them.
                var from = b == 0 ? _minimum[cell] : Math.Max(_lower[m] + (b * _width[m]), _minimum[cell]);
                var to = b == Bins - 1 ? _maximum[cell] : Math.Min(_lower[m] + ((b + 1) * _width[m]), _maximum[cell]);
                if (!(to > from))
                {
                    return from;
                }

                return from + ((rank - before) / c * (to - from));
            }

            before += c;
        }

        return _maximum[(point * Metrics) + m];
    }

    /// <summary>p5, p50 and p95 of <paramref name="metric"/> at grid index <paramref name="point"/>.</summary>
    public PercentileBand Band(int point, PopulationMetric metric) =>
        new(Percentile(point, metric, 0.05), Percentile(point, metric, 0.50), Percentile(point, metric, 0.95));

    private void Count(int point, int metric, double value)
    {
        var cell = (point * Metrics) + metric;
        Interlocked.Increment(ref _counts[(cell * Bins) + Bin(metric, value)]);

        // Minimum and maximum are order-independent too; a compare-and-swap loop keeps them exact.
        var min = Volatile.Read(ref _minimum[cell]);
        while (value < min)
        {
            var seen = Interlocked.CompareExchange(ref _minimum[cell], value, min);
            if (seen == min)
            {
                break;
            }

            min = seen;
        }

        var max = Volatile.Read(ref _maximum[cell]);
        while (value > max)
        {
            var seen = Interlocked.CompareExchange(ref _maximum[cell], value, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>Counts one metric of a row of subjects without atomics: the caller holds the point's stripe lock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tally(ReadOnlySpan<SubjectSample> row, int point, PopulationMetric metric)
    {
        var m = (int)metric;
        var cell = (point * Metrics) + m;
        var counts = _counts.AsSpan(cell * Bins, Bins);
        var lower = _lower[m];
        var scale = _scale[m];
        var min = _minimum[cell];
        var max = _maximum[cell];

        // SubjectSample is four doubles in PopulationMetric order, so metric m of subject s is value s·4 + m.
        var values = MemoryMarshal.Cast<SubjectSample, double>(row);
        for (var k = m; k < values.Length; k += Metrics)
        {
            var value = values[k];

            // As Bin: values below the range go to bin 0, above it to the last bin, NaN to bin 0
            // (the double → int conversion saturates and maps NaN to 0 since .NET 9).
            counts[(int)Math.Clamp((value - lower) * scale, 0, Bins - 1)]++;
            min = value < min ? value : min;
            max = value > max ? value : max;
        }

        _minimum[cell] = min;
        _maximum[cell] = max;
    }

    private int Bin(int metric, double value)
    {
        var x = (value - _lower[metric]) * _scale[metric];

        // NaN fails both comparisons and lands in bin 0 rather than indexing out of range.
        return x >= Bins ? Bins - 1 : x > 0 ? (int)x : 0;
    }
}
