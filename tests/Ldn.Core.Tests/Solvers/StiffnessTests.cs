using Ldn.Core.Pharmacology.Solvers;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Core.Tests.Solvers;

/// <summary>Why the stiff solver exists: on a stiff problem an explicit method's step is set by stability, not accuracy.</summary>
public class StiffnessTests(ITestOutputHelper output)
{
    private static SolverStatistics Solve(SolverKind kind, OdeTolerances tolerances)
    {
        var problem = new StiffLinear();
        var y = new double[problem.Dimension];
        problem.InitialState(y);
        var counter = new StepCounter();
        return SolverRunner.Run(kind, tolerances, ref problem, y, problem.T0, problem.T1, ref counter);
    }

    [Fact]
    public void Rosenbrock23_takes_at_least_10x_fewer_steps_than_DormandPrince45_on_the_stiff_system()
    {
        var tolerances = new OdeTolerances(1e-6, 1e-10);
        var dp = Solve(SolverKind.DormandPrince45, tolerances);
        var rb = Solve(SolverKind.Rosenbrock23, tolerances);
        var dpSteps = dp.AcceptedSteps + dp.RejectedSteps;
        var rbSteps = rb.AcceptedSteps + rb.RejectedSteps;
        output.WriteLine(FormattableString.Invariant($"DP45 {dp}; Rosenbrock23 {rb}; ratio {(double)dpSteps / rbSteps:F1}"));

        // Threshold 10×. DP45's stability interval on the negative real axis is ≈ [−3.3, 0], so
        // h ≲ 3.3/10⁴ for the whole of [0, 10], ≳ 3·10⁴ steps whatever the tolerance. Rosenbrock23
        // only has to resolve e^(−t) to rtol 1e-6, a few hundred steps (measured ≈ 66× fewer).
        Assert.True(rbSteps * 10 <= dpSteps, FormattableString.Invariant($"DP45 {dpSteps} steps, Rosenbrock23 {rbSteps} steps."));
    }

    [Fact]
    public void DormandPrince45_step_count_on_the_stiff_system_is_set_by_stability_not_tolerance()
    {
        var loose = Solve(SolverKind.DormandPrince45, new OdeTolerances(1e-4, 1e-8));
        var tight = Solve(SolverKind.DormandPrince45, new OdeTolerances(1e-8, 1e-12));
        output.WriteLine(FormattableString.Invariant($"rtol 1e-4: {loose}; rtol 1e-8: {tight}"));

        // Accuracy alone would need (10⁴)^(1/5) ≈ 6× more steps for a 10⁴× tighter tolerance; here
        // the count moves by < 10% because every step sits at the stability limit h·|λ| ≈ 3.3
        // (≥ 10·|λ|/3.3 ≈ 30000 accepted steps over [0, 10]).
        Assert.InRange(loose.AcceptedSteps, 25_000, 40_000);
        Assert.InRange((double)tight.AcceptedSteps / loose.AcceptedSteps, 0.9, 1.1);
    }
}
