using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Streaming;

namespace Ldn.Cli.Output;

/// <summary>
/// What the console view of <c>ldn simulate</c> shows of each series, gathered point by point (issue 13 item 5): the
/// MOR blockade and signalling sparklines over the summary window (and the model average's 2.5% and 97.5% edges), and
/// the clinical score at the end. Nothing in it grows with the horizon. Columns are in the order of
/// <see cref="SimulationSummaryTable.Columns"/> and <see cref="SeriesReplay"/>: the model average first, if any.
/// </summary>
internal sealed class SimulationConsoleSeries
{
    /// <summary>Characters in a sparkline.</summary>
    public const int Width = 48;

    /// <summary>Full height of the S sparkline: S runs from 0 (fully blocked) to about 3.8 in theory; 2 puts baseline at half height.</summary>
    public const double SignallingChartTop = 2.0;

    private readonly Column[] _columns;

    public SimulationConsoleSeries(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var window = result.Scenarios[0].Summary;
        _columns = [.. Enumerable.Range(0, SeriesReplay.Count(result)).Select(_ => new Column(window.WindowStart.Hours, window.WindowEnd.Hours))];
    }

    /// <summary>The sink for column <paramref name="index"/>'s series.</summary>
    public ISeriesSink For(int index) => _columns[index];

    /// <summary>The MOR sparkline of column <paramref name="index"/>.</summary>
    public string Mor(int index) => _columns[index].Mor.ToString();

    /// <summary>The 2.5% and 97.5% MOR sparklines of column <paramref name="index"/> (the model average's band).</summary>
    public (string Low, string High) Band(int index) => (_columns[index].Low.ToString(), _columns[index].High.ToString());

    /// <summary>The signalling sparkline of column <paramref name="index"/>.</summary>
    public string Signalling(int index) => _columns[index].Signalling.ToString();

    /// <summary>The clinical score at the last point of column <paramref name="index"/>; null without points.</summary>
    public double? ScoreAtEnd(int index) => _columns[index].Score;

    /// <summary>The view of a result that kept its series (the model average's band from its arrays).</summary>
    public static SimulationConsoleSeries From(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var view = new SimulationConsoleSeries(result);
        var columns = SimulationSummaryTable.Columns(result);
        for (var c = 0; c < columns.Count; c++)
        {
            var series = columns[c].Series;
            var band = c == 0 ? result.Average?.Band : null;
            for (var i = 0; i < series.Count; i++)
            {
                view._columns[c].Add(band is null ? series[i] : series[i] with { MorLow = band.Low[i], MorHigh = band.High[i] });
            }
        }

        return view;
    }

    private sealed class Column(double from, double to) : ISeriesSink
    {
        public Sparkline Mor { get; } = new(1.0, from, to, Width);

        public Sparkline Low { get; } = new(1.0, from, to, Width);

        public Sparkline High { get; } = new(1.0, from, to, Width);

        public Sparkline Signalling { get; } = new(SignallingChartTop, from, to, Width);

        public double? Score { get; private set; }

        public void Add(in SeriesPoint point)
        {
            Mor.Add(point.TimeHours, point.Mor);
            Signalling.Add(point.TimeHours, point.OpioidSignalling);
            if (point.MorLow is { } low && point.MorHigh is { } high)
            {
                Low.Add(point.TimeHours, low);
                High.Add(point.TimeHours, high);
            }

            Score = point.ClinicalScore;
        }
    }
}
