using Ldn.Core.Pharmacology.Solvers;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Core.Tests.Solvers;

/// <summary>Tightening the tolerance must buy accuracy, at the rate the method's order predicts.</summary>
public class ToleranceConvergenceTests(ITestOutputHelper output)
{
    /// <summary>Largest absolute error (endpoint and 1001-point dense grid) on the depot→central problem.</summary>
    private static double AbsoluteError(SolverKind kind, double rtol)
    {
        // Absolute tolerance scaled with the relative one so the whole tolerance tightens together.
        var tolerances = new OdeTolerances(rtol, rtol * 1e-4);
        return SolverRunner.MeasureError(kind, tolerances, new DepotCentralChain()).MaxAbsoluteError;
    }

    [Fact]
    public void DormandPrince45_error_on_depot_central_falls_when_rtol_tightens_from_1e6_to_1e10()
    {
        var loose = AbsoluteError(SolverKind.DormandPrince45, 1e-6);
        var tight = AbsoluteError(SolverKind.DormandPrince45, 1e-10);
        output.WriteLine(FormattableString.Invariant($"rtol 1e-6: {loose:G3}; rtol 1e-10: {tight:G3}; ratio {loose / tight:G3}"));

        // Threshold 1000×. With local extrapolation DP45's global error is roughly proportional to
        // the tolerance (measured ≈ 1e4× for 1e4× tighter). 1000× allows for the pre-asymptotic
        // regime while failing if the error control stopped responding to the tolerance.
        Assert.True(loose > 1000 * tight, FormattableString.Invariant($"{loose:G3} vs {tight:G3}"));
    }

    [Fact]
    public void Rosenbrock23_global_error_scales_like_order_2()
    {
        var loose = AbsoluteError(SolverKind.Rosenbrock23, 1e-5);
        var tight = AbsoluteError(SolverKind.Rosenbrock23, 1e-7);
        output.WriteLine(FormattableString.Invariant($"rtol 1e-5: {loose:G3}; rtol 1e-7: {tight:G3}; ratio {loose / tight:G3}"));

        // Threshold 15× for 100× tighter tolerance. For an order-p method advancing with its
        // order-p solution, steps N ∝ tol^(−1/(p+1)) and global error ≈ N·tol ∝ tol^(p/(p+1)):
        // 100^(2/3) ≈ 21.5 for p = 2 but only 100^(1/2) = 10 for p = 1, so > 15 shows the
        // implemented formula really is second order.
        Assert.True(loose > 15 * tight, FormattableString.Invariant($"{loose:G3} vs {tight:G3}"));
    }
}
