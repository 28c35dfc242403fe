using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.ModelAverage;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Streaming;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>
/// Streaming the series (issue 13 item 5): a result run with <c>retainSeries: false</c> keeps no series and no
/// per-point band but the same summaries, and <see cref="SeriesReplay"/> hands the sink the kept run's points, bit for
/// bit, one at a time in time order. 30 days at a 6-minute step (7,201 points) crosses the average's chunk of 4,096.
/// </summary>
public sealed class SeriesReplayTests
{
    private static readonly Regimen Daily = Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 30, Formulation.Capsule);

    private static SimulationResult Run(bool retain, IReadOnlyList<OccupancyScenario> scenarios)
    {
        var result = Simulator.Run(
            Daily, ParameterSets.Default, ConditionCatalog.Generic.Parameters, Duration.FromMinutes(6), scenarios, tlr4: false, retainSeries: retain);
        return ModelAverager.WithDefaultAverage(result, structuresChosen: false, userParameters: false, retainSeries: retain);
    }

    [Fact]
    public void A_streamed_result_keeps_no_series_and_the_replay_gives_the_kept_points()
    {
        OccupancyScenario[] scenarios = [OccupancyScenario.A, OccupancyScenario.B];
        var kept = Run(retain: true, scenarios);
        var streamed = Run(retain: false, scenarios);

        Assert.All(streamed.Scenarios, s => Assert.Equal(0, s.Series.Count));
        Assert.Equal(0, streamed.Average!.Series.Count);
        Assert.Empty(streamed.Average.Band.Low);
        Assert.Empty(streamed.Average.Band.High);
        Assert.Equal(kept.Scenarios.Select(s => s.Summary), streamed.Scenarios.Select(s => s.Summary));
        Assert.Equal(kept.Average!.Summary, streamed.Average.Summary);

        Assert.Equal(3, SeriesReplay.Count(streamed));
        for (var index = 0; index < 3; index++)
        {
            var series = index == 0 ? kept.Average.Series : kept.Scenarios[index - 1].Series;
            Assert.Equal(7201, series.Count);
            var sink = new Recorder();
            SeriesReplay.Write(streamed, index, sink);
            Assert.Equal(series.Count, sink.Points.Count);
            for (var i = 0; i < series.Count; i++)
            {
                var expected = index == 0
                    ? series[i] with { MorLow = kept.Average.Band.Low[i], MorHigh = kept.Average.Band.High[i] }
                    : series[i];
                Assert.True(expected == sink.Points[i], $"entry {index}, point {i}: {expected} ≠ {sink.Points[i]}");
            }
        }
    }

    [Fact]
    public void The_sink_gets_each_point_as_it_is_produced_in_time_order()
    {
        var streamed = Run(retain: false, [OccupancyScenario.B]);
        var sink = new Recorder();
        SeriesReplay.Write(streamed, 1, sink);
        Assert.Equal(7201, sink.Points.Count);
        Assert.Equal(0.0, sink.Points[0].TimeHours);
        Assert.Equal(Daily.Horizon.Hours, sink.Points[^1].TimeHours, 9);
        Assert.All(sink.Points.Zip(sink.Points.Skip(1)), pair => Assert.Equal(0.1, pair.Second.TimeHours - pair.First.TimeHours, 9));
    }

    private sealed class Recorder : ISeriesSink
    {
        public List<SeriesPoint> Points { get; } = [];

        public void Add(in SeriesPoint point) => Points.Add(point);
    }
}
