using FsCheck;
using FsCheck.Fluent;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>Properties that must hold for every regimen, checked on random ones with FsCheck.</summary>
public sealed class ModelPropertyTests
{
    private static readonly OccupancyScenario[] Both = [OccupancyScenario.A, OccupancyScenario.B];

    private static SimulationResult Simulate(RegimenCase c, double doseFactor = 1.0, Duration? step = null) =>
        Simulator.Run(c.Regimen(doseFactor), ParameterSets.Default, step ?? c.OutputStep, Both);

    [Fact]
    public void Blockade_stays_between_zero_and_one_and_concentrations_are_never_negative() =>
        Check.One(RandomRegimens.Config, Prop.ForAll(RandomRegimens.Arbitrary, c =>
        {
            foreach (var s in Simulate(c).Scenarios)
            {
                var x = s.Series;
                for (var i = 0; i < x.Count; i++)
                {
                    Assert.InRange(x.ParentNgPerMl[i], 0, double.MaxValue);
                    Assert.InRange(x.MetaboliteNgPerMl[i], 0, double.MaxValue);
                    Assert.InRange(x.Mor[i], 0, 1);
                    Assert.InRange(x.Dor[i], 0, 1);
                    Assert.InRange(x.Kor[i], 0, 1);

                    // The receptor with the higher EC50 can never be more blocked.
                    Assert.True(x.Dor[i] <= x.Kor[i] && x.Kor[i] <= x.Mor[i], $"Order of blockade broken at t={x.TimeHours[i]} for {c}");
                }

                Assert.InRange(s.Summary.MorTrough, 0, s.Summary.MorPeak);
                Assert.InRange(s.Summary.MorMean, s.Summary.MorTrough, s.Summary.MorPeak);
            }
        }));

    [Fact]
    public void Doubling_the_dose_doubles_the_linear_pharmacokinetics() =>
        Check.One(RandomRegimens.Config, Prop.ForAll(RandomRegimens.Arbitrary, c =>
        {
            // Tolerance 1e-6 relative: both runs are solved to rtol 1e-8, but on different step sequences.
            var once = Simulate(c).Scenarios[0];
            var twice = Simulate(c, 2.0).Scenarios[0];
            for (var i = 0; i < once.Series.Count; i++)
            {
                AssertClose(2 * once.Series.ParentNgPerMl[i], twice.Series.ParentNgPerMl[i], 1e-6, 1e-10);
                AssertClose(2 * once.Series.MetaboliteNgPerMl[i], twice.Series.MetaboliteNgPerMl[i], 1e-6, 1e-10);
            }

            AssertClose(2 * once.Summary.ParentAuc.NanogramHoursPerMillilitre, twice.Summary.ParentAuc.NanogramHoursPerMillilitre, 1e-6, 1e-10);
            AssertClose(2 * once.Summary.ParentCmax.NanogramsPerMillilitre, twice.Summary.ParentCmax.NanogramsPerMillilitre, 1e-6, 1e-10);
        }));

    [Fact]
    public void Results_do_not_depend_on_the_output_step() =>
        Check.One(RandomRegimens.Config, Prop.ForAll(RandomRegimens.Arbitrary, c =>
        {
            // A grid and one three times coarser: common times must agree, summaries must be identical
            // (they are read off their own fine grid), to 1e-9 relative.
            var fine = Simulate(c);
            var coarse = Simulate(c, step: c.OutputStep * 3);
            for (var s = 0; s < fine.Scenarios.Count; s++)
            {
                var f = fine.Scenarios[s];
                var k = coarse.Scenarios[s];
                for (var i = 0; i < k.Series.Count - 1; i++)
                {
                    Assert.Equal(f.Series.TimeHours[3 * i], k.Series.TimeHours[i], 9);
                    AssertClose(f.Series.ParentNgPerMl[3 * i], k.Series.ParentNgPerMl[i], 1e-9, 1e-12);
                    AssertClose(f.Series.Mor[3 * i], k.Series.Mor[i], 1e-9, 1e-12);
                }

                AssertClose(f.Summary.MorMean, k.Summary.MorMean, 1e-9, 1e-12);
                AssertClose(f.Summary.ParentCmax.NanogramsPerMillilitre, k.Summary.ParentCmax.NanogramsPerMillilitre, 1e-9, 1e-12);
                AssertClose(f.Summary.MorAbove25Percent.Hours, k.Summary.MorAbove25Percent.Hours, 1e-9, 1e-9);
            }
        }));

    [Fact]
    public void The_solver_matches_the_closed_form_solution() =>
        Check.One(RandomRegimens.Config, Prop.ForAll(RandomRegimens.Arbitrary, c =>
        {
            // The ODE is solved to rtol 1e-8; 1e-6 relative leaves room for error accumulated over doses.
            var regimen = c.Regimen();
            var model = new NaltrexoneModel(ParameterSets.Default, regimen.FormulationsUsed);
            var exact = new AnalyticSolution(model, regimen);
            var result = Simulator.Run(regimen, ParameterSets.Default, c.OutputStep, Both);
            var a = result.Scenarios[0].Series;
            var b = result.Scenarios[1].Series;
            var p = ParameterSets.Default;
            for (var i = 0; i < a.Count; i++)
            {
                var (parent, metabolite, effect) = exact.At(a.TimeHours[i]);
                AssertClose(parent * model.ParentNgPerMlPerMg, a.ParentNgPerMl[i], 1e-6, 1e-9);
                AssertClose(metabolite * model.MetaboliteNgPerMlPerMg, a.MetaboliteNgPerMl[i], 1e-6, 1e-9);
                AssertClose(model.Blockade(OccupancyScenario.B, parent, metabolite, effect, 1), b.Mor[i], 1e-6, 1e-9);
                AssertClose(model.Blockade(OccupancyScenario.A, parent, metabolite, effect, p.DorEc50Multiplier), a.Dor[i], 1e-6, 1e-9);
            }
        }));

    [Fact]
    public void Steady_state_interval_AUC_equals_single_dose_AUC_to_infinity()
    {
        // For a linear model the AUC over one dosing interval at steady state equals the AUC to infinity
        // of a single dose. After 28 daily doses (7 metabolite half-lives, 168 parent half-lives) the
        // parent is at steady state to far better than the 1e-6 tolerance.
        var p = ParameterSets.Default;
        var daily = Simulator.Run(new RegimenCase(4.5, 28, 24, 22 * 60, Ldn.Core.Dosing.Formulation.Capsule, 60).Regimen(), p, Duration.FromHours(1), [OccupancyScenario.B]);
        var single = Simulator.Run(new RegimenCase(4.5, 1, 24, 22 * 60, Ldn.Core.Dosing.Formulation.Capsule, 60).Regimen(), p, Duration.FromHours(1), [OccupancyScenario.B]);
        AssertClose(single.Scenarios[0].Summary.ParentAuc.NanogramHoursPerMillilitre, daily.Scenarios[0].Summary.ParentAuc.NanogramHoursPerMillilitre, 1e-6, 0);
        Assert.True(single.Scenarios[0].Summary.ParentAucToInfinity);
        Assert.False(daily.Scenarios[0].Summary.ParentAucToInfinity);

        // AUC to infinity of one dose is F·D/(V·k) exactly.
        var expected = 4.5 * 1000 / p.ParentVolume.Litres / p.ParentElimination.PerHour;
        AssertClose(expected, single.Scenarios[0].Summary.ParentAuc.NanogramHoursPerMillilitre, 1e-7, 0);
    }

    private static void AssertClose(double expected, double actual, double relative, double absolute) =>
        Assert.True(Math.Abs(expected - actual) <= absolute + (relative * Math.Abs(expected)),
            $"Expected {expected:R}, got {actual:R} (tolerance {relative:G2} relative + {absolute:G2} absolute).");
}
