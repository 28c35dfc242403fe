using Ldn.Core.Pharmacology.Streaming;

namespace Ldn.Cli.Reports;

/// <summary>
/// Thins a series for a report chart as it streams past (issue 13 item 5), keeping memory bounded whatever the horizon.
/// A series of at most <c>maxPoints</c> points is kept whole. A longer one is cut into equal runs of points
/// (buckets), and each bucket keeps only the points where one of the charted quantities is lowest or highest in it, in
/// time order, plus the first and last point of the series: every peak and trough, the global maximum and minimum of
/// each quantity included, survives. With q quantities there are at most (maxPoints − 2) / (2q) buckets, so at most
/// <c>maxPoints</c> points are kept.
/// </summary>
internal sealed class ChartDecimator : ISeriesSink
{
    private readonly Func<SeriesPoint, double>[] _quantities;
    private readonly bool _whole;
    private readonly long _bucketSize;
    private readonly List<SeriesPoint> _kept = [];
    private readonly (long Index, SeriesPoint Point, double Value)[] _low;
    private readonly (long Index, SeriesPoint Point, double Value)[] _high;
    private readonly SortedDictionary<long, SeriesPoint> _bucket = [];
    private long _index;
    private long _inBucket;
    private long _lastKept;
    private SeriesPoint _last;

    /// <param name="count">How many points the series will have (the output grid's size).</param>
    /// <param name="quantities">The charted values of a point; each keeps its extremes per bucket.</param>
    /// <param name="maxPoints">The most points kept; at least 2 + 2 × the number of quantities.</param>
    public ChartDecimator(long count, IReadOnlyList<Func<SeriesPoint, double>> quantities, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2 + (2 * quantities.Count));
        _quantities = [.. quantities];
        Count = count;
        _whole = count <= maxPoints;
        var buckets = (maxPoints - 2) / (2 * _quantities.Length);
        _bucketSize = Math.Max(1, (long)Math.Ceiling(count / (double)buckets));
        _low = new (long, SeriesPoint, double)[_quantities.Length];
        _high = new (long, SeriesPoint, double)[_quantities.Length];
    }

    /// <summary>How many points the full series has.</summary>
    public long Count { get; }

    /// <summary>Whether points were left out (the series is longer than the chart's limit).</summary>
    public bool Thinned => !_whole;

    public void Add(in SeriesPoint point)
    {
        if (_whole || _index == 0)
        {
            _kept.Add(point);
        }
        else
        {
            Track(point);
        }

        _last = point;
        _index++;
    }

    /// <summary>The kept points in time order, the last point of the series included; call once the series has ended.</summary>
    public IReadOnlyList<SeriesPoint> Points()
    {
        if (!_whole)
        {
            Close();
            if (_index > 1 && _lastKept != _index - 1)
            {
                _kept.Add(_last);
            }
        }

        return _kept;
    }

    private void Track(in SeriesPoint point)
    {
        for (var q = 0; q < _quantities.Length; q++)
        {
            var value = _quantities[q](point);
            if (_inBucket == 0 || value < _low[q].Value)
            {
                _low[q] = (_index, point, value);
            }

            if (_inBucket == 0 || value > _high[q].Value)
            {
                _high[q] = (_index, point, value);
            }
        }

        _inBucket++;
        if (_inBucket == _bucketSize)
        {
            Close();
        }
    }

    /// <summary>Keeps the current bucket's extremes in time order, each point once.</summary>
    private void Close()
    {
        if (_inBucket == 0)
        {
            return;
        }

        _bucket.Clear();
        for (var q = 0; q < _quantities.Length; q++)
        {
            _bucket[_low[q].Index] = _low[q].Point;
            _bucket[_high[q].Index] = _high[q].Point;
        }

        _kept.AddRange(_bucket.Values);
        _lastKept = _bucket.Keys.Max();
        _inBucket = 0;
    }
}
