using System.Globalization;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Solvers;
using Ldn.Core.Tests.Solvers;
using Ldn.Core.Units;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>
/// The full model (PK, both blockade scenarios, U, P, I of each) solved by the explicit
/// Dormand–Prince pair and by the stiff Rosenbrock23 at the same tolerances must tell the same story.
/// The two share nothing but the right-hand side, so agreement checks both the solvers and that the
/// model is smooth enough for either.
/// </summary>
public sealed class StiffSolverAgreementTests(ITestOutputHelper output)
{
    /// <summary>
    /// rtol 1e-7, atol 1e-11, one decade tighter than the 1e-6 one might pick, for the reason given at
    /// <see cref="Agreement"/>.
    /// </summary>
    private static readonly OdeTolerances Tolerances = new(1e-7, 1e-11);

    /// <summary>
    /// Max |DP45 − Rosenbrock23| allowed on the hourly grid for U, P, I, S and MOR blockade (all of
    /// order 1): 1e-4. Each solver controls only its local error per step, and the errors add up over
    /// the run. Measured against a DP45 reference at rtol 1e-12 (28 doses, this tolerance):
    /// Rosenbrock23 (order 2) is off by up to 4.5e-6 in blockade and 1.0e-5 in S (S = P·U·(1 − O)
    /// multiplies an error in O by P·U ≈ 3.7 at 50 mg); DP45 by 3e-7 in everything except I, where it
    /// is off by 1.6e-5. I's right-hand side has a kink where S crosses 1 (max(S − 1, 0)), twice a day
    /// in scenario A; DP45 makes an error of ~1e-6 (either sign) at each crossing that its smooth error
    /// estimate hardly sees, and I, turning over at 0.002/h, keeps it. That error does not shrink
    /// with the tolerance in the usual way (at rtol 1e-6 it is 1.3e-5 at 4.5 mg but 8.7e-5 at 50 mg,
    /// too close to this bound; 1.6e-5 at 1e-7; 4e-6 at 1e-8), hence rtol 1e-7 here. The largest
    /// measured difference is 1.6e-5 (I, scenario A, 50 mg): the bound leaves a factor 6, and 1e-4 is
    /// still far below anything the model claims to resolve (week-12 changes are reported to 0.1%).
    /// </summary>
    private const double Agreement = 1e-4;

    [Theory]
    [InlineData(4.5)]
    [InlineData(50.0)]
    public void DormandPrince45_and_Rosenbrock23_agree_on_the_full_model(double doseMg)
    {
        var regimen = Regimen.Repeated(Mass.FromMilligrams(doseMg), ClockTime.FromHoursAndMinutes(22, 0), Duration.FromHours(24), 28, Formulation.Capsule);
        var model = new NaltrexoneModel(ParameterSets.Default, ConditionCatalog.Generic.Parameters, regimen.FormulationsUsed, tlr4: false);
        var grid = ModelRunner.HourlyGrid(regimen);
        var dp = ModelRunner.Run(model, regimen, SolverKind.DormandPrince45, Tolerances, grid);
        var rb = ModelRunner.Run(model, regimen, SolverKind.Rosenbrock23, Tolerances, grid);

        output.WriteLine(Invariant($"{doseMg} mg × 28, rtol {Tolerances.Relative:G}, atol {Tolerances.Absolute:G}"));
        output.WriteLine(Invariant($"  DormandPrince45: {dp.Statistics.AcceptedSteps} accepted + {dp.Statistics.RejectedSteps} rejected steps, {dp.Statistics.FunctionEvaluations} f-evaluations"));
        output.WriteLine(Invariant($"  Rosenbrock23:    {rb.Statistics.AcceptedSteps} accepted + {rb.Statistics.RejectedSteps} rejected steps, {rb.Statistics.FunctionEvaluations} f-evaluations, {rb.Statistics.JacobianEvaluations} Jacobians"));

        foreach (var scenario in new[] { OccupancyScenario.A, OccupancyScenario.B })
        {
            var worst = new Dictionary<string, (double Difference, double Time)>();
            for (var row = 0; row < dp.Count; row++)
            {
                Track(worst, "U", dp.ReceptorDensity(row, scenario), rb.ReceptorDensity(row, scenario), dp.Times[row]);
                Track(worst, "P", dp.Synthesis(row, scenario), rb.Synthesis(row, scenario), dp.Times[row]);
                Track(worst, "I", dp.Inflammation(row, scenario), rb.Inflammation(row, scenario), dp.Times[row]);
                Track(worst, "S", dp.Signalling(row, scenario), rb.Signalling(row, scenario), dp.Times[row]);
                Track(worst, "MOR", dp.Mor(row, scenario), rb.Mor(row, scenario), dp.Times[row]);
            }

            output.WriteLine($"  scenario {scenario}: " + string.Join(", ", worst.Select(w => Invariant($"{w.Key} {w.Value.Difference:E1}"))));
            foreach (var (quantity, (difference, time)) in worst)
            {
                Assert.True(
                    difference < Agreement,
                    Invariant($"{quantity} (scenario {scenario}, {doseMg} mg) differs by {difference:E2} between DP45 and Rosenbrock23 at t = {time} h (allowed {Agreement:E0})."));
            }
        }

        // The dose must have done something, or agreement would be trivial: blockade and U move.
        Assert.True(dp.Mor(dp.Count - 1, OccupancyScenario.B) > 0.5);
        Assert.True(dp.ReceptorDensity(dp.Count - 1, OccupancyScenario.B) > 1.5);

        // Characterisation, not a requirement: on this system (fastest rate ≈ 2.8/h, slowest 0.002/h, a
        // ratio of ~1,400; the depots' ka no longer counts, as the right-hand side uses their exact
        // solution within each dose segment) the explicit solver is not held back by stability, while
        // the second-order stiff solver needs many small steps for rtol 1e-7 (measured ≈ 20× the steps
        // and ≈ 45× the f-evaluations of DP45). If this fails, the stiff solver has started to pay and
        // the choice of DP45 in Simulator deserves another look.
        Assert.True(
            dp.Statistics.FunctionEvaluations < rb.Statistics.FunctionEvaluations,
            Invariant($"DP45 used {dp.Statistics.FunctionEvaluations} f-evaluations, Rosenbrock23 {rb.Statistics.FunctionEvaluations}."));
    }

    private static void Track(Dictionary<string, (double Difference, double Time)> worst, string quantity, double a, double b, double time)
    {
        var difference = Math.Abs(a - b);
        if (!double.IsFinite(difference))
        {
            difference = double.PositiveInfinity;
        }

        if (!worst.TryGetValue(quantity, out var current) || difference > current.Difference || double.IsPositiveInfinity(difference))
        {
            worst[quantity] = (difference, time);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
