namespace Ldn.Cli.Output;

/// <summary>
/// A series over a time window as a row of block characters, built point by point so that nothing grows with the
/// horizon (issue 13 item 5): the window is cut into at most <c>maxWidth</c> equal slices (one per point when it holds
/// fewer), each drawn as the mean of its values, scaled so that <c>top</c> is full height (values above it show as
/// full bars).
/// </summary>
internal sealed class Sparkline
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    private readonly double _top;
    private readonly double _from;
    private readonly double _to;
    private readonly int _maxWidth;
    private readonly double[] _sums;
    private readonly int[] _counts;

    // The first maxWidth points of the window: if the window holds no more, each gets its own slice.
    private readonly List<(double Time, double Value)> _first = [];
    private long _inWindow;

    /// <param name="top">The value drawn at full height.</param>
    /// <param name="from">Window start (hours).</param>
    /// <param name="to">Window end (hours).</param>
    /// <param name="maxWidth">The most characters drawn.</param>
    public Sparkline(double top, double from, double to, int maxWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 1);
        (_top, _from, _to, _maxWidth) = (top, from, to, maxWidth);
        _sums = new double[maxWidth];
        _counts = new int[maxWidth];
    }

    /// <summary>The next point (times ascend); points outside the window are ignored.</summary>
    public void Add(double time, double value)
    {
        if (time < _from || time > _to || _to <= _from)
        {
            return;
        }

        if (_first.Count < _maxWidth)
        {
            _first.Add((time, value));
        }

        Bin(_sums, _counts, _maxWidth, time, value);
        _inWindow++;
    }

    /// <summary>The bars, or a sentence when no point fell in the window.</summary>
    public override string ToString()
    {
        if (_inWindow >= _maxWidth)
        {
            return Draw(_sums, _counts);
        }

        var width = (int)Math.Max(1, _inWindow);
        var sums = new double[width];
        var counts = new int[width];
        foreach (var (time, value) in _first)
        {
            Bin(sums, counts, width, time, value);
        }

        return Draw(sums, counts);
    }

    private void Bin(double[] sums, int[] counts, int width, double time, double value)
    {
        var slot = Math.Min(width - 1, (int)((time - _from) / (_to - _from) * width));
        sums[slot] += value / _top;
        counts[slot]++;
    }

    private static string Draw(double[] sums, int[] counts)
    {
        var chars = new char[sums.Length];
        var filled = 0;
        for (var i = 0; i < sums.Length; i++)
        {
            if (counts[i] == 0)
            {
                chars[i] = ' ';
                continue;
            }

            // Bar k (0-based) is drawn (k + 1)/8 high, so take the lowest bar at least as high as the value:
            // then S up to its baseline of 1 (half the S chart) never shows above the half-height bar ▄.
            var level = Math.Clamp((int)Math.Ceiling(sums[i] / counts[i] * Bars.Length) - 1, 0, Bars.Length - 1);
            chars[i] = Bars[level];
            filled++;
        }

        return filled == 0 ? "(output step too coarse for a chart)" : new string(chars).TrimEnd();
    }
}
