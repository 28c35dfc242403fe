using Ldn.Cli.Output;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Streaming;

namespace Ldn.Cli.Reports;

/// <summary>
/// What the charts of <see cref="SimulationReport"/> draw, gathered as the series stream past and bounded whatever
/// the horizon (issue 13 item 5): each scenario's curves (blockade, S, U, P, I, score) thinned by a
/// <see cref="ChartDecimator"/>, the concentrations of the kinetics scenario thinned likewise, and the highest
/// concentration of the full series (for the floor of the logarithmic axis).
/// </summary>
internal sealed class SimulationChartSeries
{
    private static readonly Func<SeriesPoint, double>[] Curves =
    [
        p => p.Mor, p => p.Dor, p => p.Kor, p => p.OpioidSignalling, p => p.ReceptorDensity, p => p.Synthesis, p => p.Inflammation, p => p.ClinicalScore,
    ];

    private static readonly Func<SeriesPoint, double>[] Levels = [p => p.ParentNgPerMl, p => p.MetaboliteNgPerMl];

    private readonly ChartDecimator[] _scenarios;
    private readonly ChartDecimator _kinetics;
    private readonly RunningMax _highest = new();

    /// <param name="result">The run; its scenarios in order.</param>
    /// <param name="count">Points per series (the output grid's size).</param>
    /// <param name="maxPoints">The most points a chart line keeps.</param>
    public SimulationChartSeries(SimulationResult result, long count, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(result);
        _scenarios = [.. result.Scenarios.Select(_ => new ChartDecimator(count, Curves, maxPoints))];
        _kinetics = new ChartDecimator(count, Levels, maxPoints);

        // Concentrations are the same in every structure but the slow pool (which adds a terminal phase), so the
        // first other structure's series carries them.
        var kinetics = result.Scenarios.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.Scenario != OccupancyScenario.SlowPool);
        KineticsScenario = kinetics.s is null ? 0 : kinetics.i;
    }

    /// <summary>Index of the scenario whose concentrations are charted.</summary>
    public int KineticsScenario { get; }

    /// <summary>How many points each series has in full.</summary>
    public long Count => _kinetics.Count;

    /// <summary>Whether the charts leave points out.</summary>
    public bool Thinned => _kinetics.Thinned;

    /// <summary>The highest parent or metabolite concentration of the full kinetics series (ng/mL), 0 without points.</summary>
    public double HighestLevel => _highest.Value;

    /// <summary>The charts of a result that kept its series.</summary>
    public static SimulationChartSeries From(SimulationResult result, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(result);
        var charts = new SimulationChartSeries(result, result.Scenarios[0].Series.Count, maxPoints);
        for (var i = 0; i < result.Scenarios.Count; i++)
        {
            SeriesFanOut.Replay(result.Scenarios[i].Series, charts.For(i));
        }

        return charts.Close();
    }

    /// <summary>The sink for scenario <paramref name="index"/>'s series.</summary>
    public ISeriesSink For(int index) =>
        index == KineticsScenario ? new SeriesFanOut([_scenarios[index], _kinetics, _highest]) : _scenarios[index];

    /// <summary>Ends every series; call once, after the last point.</summary>
    public SimulationChartSeries Close()
    {
        ScenarioPoints = [.. _scenarios.Select(d => d.Points())];
        KineticsPoints = _kinetics.Points();
        return this;
    }

    /// <summary>Each scenario's kept points, in time order (after <see cref="Close"/>).</summary>
    public IReadOnlyList<IReadOnlyList<SeriesPoint>> ScenarioPoints { get; private set; } = [];

    /// <summary>The kinetics scenario's kept points for the concentration chart (after <see cref="Close"/>).</summary>
    public IReadOnlyList<SeriesPoint> KineticsPoints { get; private set; } = [];

    /// <summary>The running maximum of both concentrations.</summary>
    private sealed class RunningMax : ISeriesSink
    {
        private bool _any;
        private double _max;

        public double Value => _any ? _max : 0;

        public void Add(in SeriesPoint point)
        {
            var high = Math.Max(point.ParentNgPerMl, point.MetaboliteNgPerMl);
            _max = _any ? Math.Max(_max, high) : high;
            _any = true;
        }
    }
}
