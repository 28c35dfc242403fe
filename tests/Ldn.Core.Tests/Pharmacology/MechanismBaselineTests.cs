using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Solvers;
using Ldn.Core.Tests.Solvers;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>
/// Without drug the model must sit still: <see cref="NaltrexoneModel.Baseline"/> is an exact steady
/// state (every derivative is exactly 0 there: U = P = 1, O = 0, S = 1, excess signalling 0, TLR4
/// term 0/(0 + IC50) = 0, I = D), so any drift is a bug in an equation, not a rounding error.
/// A regimen cannot express "no drug" (it needs a dose within its horizon), so these tests call the
/// solvers on the model directly.
/// </summary>
public sealed class MechanismBaselineTests
{
    private const double NinetyDays = 90 * 24;

    private static readonly IReadOnlyList<OccupancyScenario> Both = OccupancyScenarios.All;

    public static TheoryData<string, bool, bool, SolverKind> Cases()
    {
        var data = new TheoryData<string, bool, bool, SolverKind>();
        foreach (var condition in ConditionCatalog.All)
        {
            foreach (var feedback in new[] { false, true })
            {
                foreach (var tlr4 in new[] { false, true })
                {
                    data.Add(condition.Id, feedback, tlr4, SolverKind.DormandPrince45);
                }
            }
        }

        // The stiff solver too: its finite-difference Jacobian must not kick the state off the steady state.
        data.Add(ConditionCatalog.GenericId, true, true, SolverKind.Rosenbrock23);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Without_drug_every_state_stays_at_its_baseline_for_90_days(string conditionId, bool feedback, bool tlr4, SolverKind solver)
    {
        var condition = ConditionCatalog.Find(conditionId).Parameters;
        AssertStaysAtBaseline(condition, feedback, tlr4, solver);
    }

    [Fact]
    public void A_disease_drive_other_than_one_is_also_a_steady_state()
    {
        // I's baseline is D, not 1: a condition file with D = 1.3 must hold I at 1.3, U and P at 1.
        var text = File.ReadAllText(Path.Combine(ParameterFileTests.RepositoryRoot(), "data", "conditions", "generic.yaml"));
        const string drive = "  diseaseDrive:\n    value: 1\n";
        Assert.Contains(drive, text, StringComparison.Ordinal);
        var condition = ConditionCatalog.Parse(text.Replace(drive, "  diseaseDrive:\n    value: 1.3\n", StringComparison.Ordinal), "drive.yaml").Parameters;
        Assert.Equal(1.3, condition.DiseaseDrive);
        AssertStaysAtBaseline(condition, feedback: true, tlr4: true, SolverKind.DormandPrince45);
    }

    private static void AssertStaysAtBaseline(ConditionParameters condition, bool feedback, bool tlr4, SolverKind solver)
    {
        var parameters = ParameterSets.Default with { SynthesisFeedback = feedback };

        // Every formulation's depot, so that every depot index is covered.
        var model = new NaltrexoneModel(parameters, condition, Formulations.All, tlr4);
        var run = ModelRunner.DrugFree(model, NinetyDays, solver, OdeTolerances.Default);
        Assert.Equal(NinetyDays, run.Times[^1]);
        Assert.True(run.Statistics.AcceptedSteps > 0);

        var layout = model.Layout;
        var mechanism = new HashSet<int>();
        foreach (var scenario in Both)
        {
            mechanism.Add(layout.ReceptorDensity(scenario));
            mechanism.Add(layout.Synthesis(scenario));
            mechanism.Add(layout.Inflammation(scenario));
        }

        for (var row = 0; row < run.Count; row++)
        {
            var t = run.Times[row];
            foreach (var scenario in Both)
            {
                AssertAt(1.0, run.ReceptorDensity(row, scenario), t, $"U ({scenario})");
                AssertAt(1.0, run.Synthesis(row, scenario), t, $"P ({scenario})");
                AssertAt(condition.DiseaseDrive, run.Inflammation(row, scenario), t, $"I ({scenario})");
                AssertAt(1.0, run.Signalling(row, scenario), t, $"S ({scenario})");
                AssertAt(0.0, run.Mor(row, scenario), t, $"MOR blockade ({scenario})");
            }

            // The drug states (depots, parent, metabolite, effect site, AUC) are exactly zero.
            for (var i = 0; i < model.Dimension; i++)
            {
                if (!mechanism.Contains(i))
                {
                    Assert.True(run.Value(row, i) == 0, $"Drug state {i} is {run.Value(row, i):R} at t = {t} h.");
                }
            }
        }
    }

    private static void AssertAt(double expected, double actual, double t, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-12, $"{what} is {actual:R} at t = {t} h, expected {expected:R} (to 1e-12).");
}
