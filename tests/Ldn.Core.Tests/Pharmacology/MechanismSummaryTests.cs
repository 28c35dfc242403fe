using FsCheck;
using FsCheck.Fluent;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>The mechanism summary fields: when they exist, their ranges, and that they agree with the series.</summary>
public sealed class MechanismSummaryTests
{
    private static readonly OccupancyScenario[] Both = [OccupancyScenario.A, OccupancyScenario.B];

    private static SimulationResult Nightly(double mg, int days, ConditionParameters? condition = null) => Simulator.Run(
        Regimen.Repeated(Mass.FromMilligrams(mg), ClockTime.FromHoursAndMinutes(22, 0), Duration.FromHours(24), days, Formulation.Capsule),
        ParameterSets.Default,
        condition ?? ConditionCatalog.Generic.Parameters,
        Duration.FromHours(1),
        Both,
        tlr4: false);

    [Fact]
    public void Week_12_inflammation_change_is_null_for_28_days_and_matches_the_series_for_84_days()
    {
        Assert.All(Nightly(4.5, 28).Scenarios, s => Assert.Null(s.Summary.InflammationChangeWeek12));

        var result = Nightly(4.5, 84);
        foreach (var s in result.Scenarios)
        {
            var change = s.Summary.InflammationChangeWeek12;
            Assert.NotNull(change);

            // Week 12 is the last row of an 84-day hourly series: I(2016 h)/D − 1.
            Assert.Equal(Simulator.Week12.Hours, s.Series.TimeHours[^1], 9);
            Assert.Equal((s.Series.Inflammation[^1] / result.Condition.DiseaseDrive) - 1, change.Value, 9);
        }

        // Scenario A's daily overshoot lowers I (measured ≈ −12%); scenario B's all-day blockade keeps
        // S < 1 at 4.5 mg, so I does not move at all.
        var a = result.Scenarios.Single(s => s.Scenario == OccupancyScenario.A).Summary.InflammationChangeWeek12!.Value;
        var b = result.Scenarios.Single(s => s.Scenario == OccupancyScenario.B).Summary.InflammationChangeWeek12!.Value;
        Assert.InRange(a, -0.3, -0.05);
        Assert.Equal(0, b, 12);
    }

    [Fact]
    public void Week_12_change_exists_for_a_horizon_just_past_12_weeks_and_not_just_before()
    {
        var dose = Mass.FromMilligrams(4.5);
        var at = ClockTime.FromHoursAndMinutes(22, 0);
        var day = Duration.FromHours(24);
        var before = Simulator.Run(Regimen.Repeated(dose, at, day, 83, Formulation.Capsule, Duration.FromHours((84 * 24) - 1)), ParameterSets.Default, Duration.FromHours(1), Both);
        var after = Simulator.Run(Regimen.Repeated(dose, at, day, 84, Formulation.Capsule, Duration.FromDays(90)), ParameterSets.Default, Duration.FromHours(1), Both);
        Assert.All(before.Scenarios, s => Assert.Null(s.Summary.InflammationChangeWeek12));
        Assert.All(after.Scenarios, s => Assert.NotNull(s.Summary.InflammationChangeWeek12));
    }

    [Fact]
    public void Signalling_overshoot_hours_lie_between_0_and_24_and_S_and_its_night_mean_stay_within_bounds() =>
        Check.One(RandomRegimens.Config, Prop.ForAll(RandomRegimens.Arbitrary, c =>
        {
            var result = Simulator.Run(c.Regimen(), ParameterSets.Default, ConditionCatalog.Generic.Parameters, c.OutputStep, Both, tlr4: false);
            foreach (var s in result.Scenarios)
            {
                Assert.InRange(s.Summary.SignallingOvershootHoursPerDay, 0, 24);
                Assert.InRange(s.Series.OpioidSignalling.Min(), 0, double.MaxValue);

                // S = P·U·(1 − O) with U ≤ 1 + α_U and P ≤ 1 + α_P (no feedback): never above 3.8.
                var bound = (1 + ParameterSets.Default.ReceptorUpregulation) * (1 + ParameterSets.Default.SynthesisUpregulation);
                Assert.InRange(s.Series.OpioidSignalling.Max(), 0, bound);
                var hasNight = NightWindow.Last(c.Regimen().StartClock, c.Regimen().Horizon) is not null;
                Assert.Equal(hasNight, s.Summary.NocturnalSignalling is not null);
                if (s.Summary.NocturnalSignalling is { } night)
                {
                    Assert.InRange(night, 0, bound);
                }
            }
        }));

    [Fact]
    public void Overshoot_hours_are_0_under_continuous_blockade_and_24_under_steady_low_blockade()
    {
        // 50 mg under B: S < 1 all day. 0.5 mg under B: O ≈ 0.25 all day, S = (1 + α_U·O)(1 + α_P·O)(1 − O) > 1.
        var high = Nightly(50, 28).Scenarios.Single(s => s.Scenario == OccupancyScenario.B).Summary;
        var low = Nightly(0.5, 28).Scenarios.Single(s => s.Scenario == OccupancyScenario.B).Summary;
        Assert.Equal(0, high.SignallingOvershootHoursPerDay);
        Assert.Equal(24, low.SignallingOvershootHoursPerDay, 9);
        Assert.True(high.NocturnalSignalling < 0.2);
        Assert.True(low.NocturnalSignalling > 1);
    }

    [Fact]
    public void Nocturnal_signalling_is_the_mean_of_S_over_the_last_23_to_07_night()
    {
        // 22:00 start, 28 days: the last night is hours 649–657; the hourly series gives a trapezoid
        // estimate of the same mean (the summary uses a 1-minute grid), close to 1e-3.
        var result = Nightly(4.5, 28);
        foreach (var s in result.Scenarios)
        {
            var rows = Enumerable.Range(0, s.Series.Count).Where(i => s.Series.TimeHours[i] >= 649 - 1e-9 && s.Series.TimeHours[i] <= 657 + 1e-9).ToList();
            Assert.Equal(9, rows.Count);
            var trapezoid = 0.0;
            for (var k = 1; k < rows.Count; k++)
            {
                trapezoid += 0.5 * (s.Series.OpioidSignalling[rows[k]] + s.Series.OpioidSignalling[rows[k - 1]]);
            }

            Assert.Equal(trapezoid / 8, s.Summary.NocturnalSignalling!.Value, 2);
        }
    }
}
