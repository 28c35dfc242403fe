using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Validation;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Fitting;

/// <summary>
/// The fit's closed-form evaluator against the ODE simulator (Dormand–Prince, 5-min output), so the likelihood
/// fits the model every other command runs. Tolerance 0.3 percentage points of blockade (slow binding's midpoint
/// exponential steps; the others are exact up to the simulator's own tolerance) and 0.05 h of half-life.
/// </summary>
public sealed class SingleDoseEvaluatorTests
{
    private const double BlockadeTolerance = 0.3;

    public static TheoryData<OccupancyScenario> Structures() => [.. OccupancyScenarios.All];

    [Theory]
    [MemberData(nameof(Structures))]
    public void Single_dose_blockade_matches_the_simulator(OccupancyScenario structure)
    {
        var p = ParameterSets.Default;
        var probe = new HumanDataValidation.Probe(p);
        var evaluator = new SingleDoseEvaluator(p);
        foreach (var dose in new[] { 2.0, 50.0 })
        {
            foreach (var hours in new[] { 0.5, 1.0, 4.0, 8.0, 48.0, 120.0, 168.0 })
            {
                var simulated = probe.AfterDose(dose).BlockadePercentAt(structure, hours);
                var closed = 100 * evaluator.MorBlockade(structure, dose, hours);
                Assert.True(Math.Abs(simulated - closed) < BlockadeTolerance, $"{structure.Name()} {dose} mg at {hours} h: simulator {simulated:0.###}%, evaluator {closed:0.###}%");
            }
        }
    }

    [Fact]
    public void Parent_half_life_matches_the_validation_for_the_shared_and_the_slow_pool_pk()
    {
        var p = ParameterSets.Default;
        var probe = new HumanDataValidation.Probe(p).AfterDose(50);
        var evaluator = new SingleDoseEvaluator(p);
        foreach (var s in new[] { OccupancyScenario.B, OccupancyScenario.SlowPool })
        {
            Assert.Equal(probe.HalfLife(s, parent: true, 24, 48), evaluator.ParentHalfLife(s, 50, 24, 48), 0.05);
        }
    }

    [Theory]
    [MemberData(nameof(Structures))]
    public void Steady_state_trough_matches_forty_simulated_days_of_4_5_mg(OccupancyScenario structure)
    {
        var p = ParameterSets.Default;
        var regimen = Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.FromHoursAndMinutes(8, 0), Duration.FromHours(24), 40, Formulation.Tablet);
        var result = Simulator.Run(regimen, p, Duration.FromMinutes(30), [structure]);
        var series = result.Scenarios.Single().Series;
        var simulated = 100 * series.Mor[^1];
        var closed = 100 * new SingleDoseEvaluator(p).SteadyStateTrough(structure, 4.5, 24);
        Assert.InRange(series.TimeHours[^1], 959.99, 960.01);
        Assert.True(Math.Abs(simulated - closed) < BlockadeTolerance, $"{structure.Name()}: simulator {simulated:0.###}%, evaluator {closed:0.###}%");
    }
}
