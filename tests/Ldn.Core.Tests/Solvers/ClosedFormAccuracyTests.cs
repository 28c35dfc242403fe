using Ldn.Core.Pharmacology.Solvers;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Core.Tests.Solvers;

/// <summary>
/// Both solvers against closed-form solutions, at the endpoint and at 1001 interior times read from
/// the dense output. Errors are measured in units of the requested local tolerance:
/// |y − exact| / (Relative·|exact| + Absolute), so "100" means 100·rtol relative error where the
/// relative tolerance dominates.
/// </summary>
public class ClosedFormAccuracyTests(ITestOutputHelper output)
{
    // Atol 1e-14 keeps the relative tolerance in charge down to values ~1e-6 of the start.
    private static readonly OdeTolerances Tight = new(1e-8, 1e-14);
    private static readonly OdeTolerances Moderate = new(1e-6, 1e-12);

    [Theory]
    [InlineData(nameof(ExponentialDecay))]
    [InlineData(nameof(DepotCentralChain))]
    [InlineData(nameof(StiffLinear))]
    [InlineData(nameof(ProtheroRobinson))]
    public void DormandPrince45_matches_closed_form_at_endpoint_and_in_dense_output(string problem)
    {
        var (endpoint, dense, absolute, statistics) = SolverRunner.MeasureError(SolverKind.DormandPrince45, Tight, problem);
        output.WriteLine(FormattableString.Invariant($"{problem}: endpoint {endpoint:G3}, dense {dense:G3} (tolerance units), max abs {absolute:G3}, {statistics}"));

        // Tolerance 20 tolerance units (rtol 1e-8 → 2e-7 relative). DP45 advances with the 5th-order
        // solution while the estimate it controls is that of the 4th-order one (local
        // extrapolation), so each step's true error is well below rtol and the global error of
        // these non-expanding problems stays a small multiple of it (measured ≤ ~4). The 4th-order
        // dense output has errors of the same size as the steps'. A wrong tableau or dense
        // coefficient drops the order and gives errors orders of magnitude larger.
        Assert.InRange(endpoint, 0, 20);
        Assert.InRange(dense, 0, 20);
    }

    [Theory]
    [InlineData(nameof(ExponentialDecay))]
    [InlineData(nameof(DepotCentralChain))]
    [InlineData(nameof(StiffLinear))]
    [InlineData(nameof(ProtheroRobinson))]
    public void Rosenbrock23_matches_closed_form_at_endpoint_and_in_dense_output(string problem)
    {
        var (endpoint, dense, absolute, statistics) = SolverRunner.MeasureError(SolverKind.Rosenbrock23, Moderate, problem);
        output.WriteLine(FormattableString.Invariant($"{problem}: endpoint {endpoint:G3}, dense {dense:G3} (tolerance units), max abs {absolute:G3}, {statistics}"));

        // Tolerance: AcceptedSteps tolerance units (here ≤ ~1e3, i.e. ≤ ~1e-3 relative at rtol 1e-6).
        // Unlike DP45, ode23s advances with its lower-order (2nd) solution, so each step really
        // commits an error up to the tolerance; on these problems (solutions that do not grow)
        // the local errors at most add up, giving ≤ N·tol after N steps (measured ≈ N/2 on the
        // smooth problems, far less on the stiff ones where L-stability damps them). The cubic
        // Hermite interpolant is O(h⁴) per step, below the 2nd-order solution's own error.
        // Rosenbrock23_global_error_scales_like_order_2 (ToleranceConvergenceTests) stops this
        // bound from being met by a lower-order method taking many steps.
        Assert.True(statistics.AcceptedSteps > 0);
        Assert.InRange(endpoint, 0, statistics.AcceptedSteps);
        Assert.InRange(dense, 0, statistics.AcceptedSteps);
    }

    [Fact]
    public void Rosenbrock23_is_accurate_on_the_nonautonomous_stiff_problem_in_few_steps()
    {
        var (endpoint, dense, absolute, statistics) = SolverRunner.MeasureError(SolverKind.Rosenbrock23, Moderate, new ProtheroRobinson());
        output.WriteLine(FormattableString.Invariant($"endpoint {endpoint:G3}, dense {dense:G3}, max abs {absolute:G3}, {statistics}"));

        // Tolerance: 5 tolerance units. In the stiff regime the solution sits on the slow manifold
        // y = sin t and L-stability damps every step's error instead of accumulating it, so the
        // error stays at the size of one local error (measured ≈ 0.4).
        Assert.InRange(endpoint, 0, 5);
        Assert.InRange(dense, 0, 5);

        // Step budget: 10000 steps over [0, 10] (measured ≈ 6800). Rosenbrock methods lose order on
        // this problem (stage order 1: local error ~h² once h·|λ| ≫ 1; Hairer & Wanner II, §IV.15),
        // hence more steps than on the autonomous stiff system. Getting ∂f/∂t wrong or dropping it
        // makes the step error O(h) and needs far more steps (or DP45's ~35000, stability-bound).
        Assert.InRange(statistics.AcceptedSteps + statistics.RejectedSteps, 1, 10_000);
    }
}
