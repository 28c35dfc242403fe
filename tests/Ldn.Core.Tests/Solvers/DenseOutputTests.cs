using Ldn.Core.Pharmacology.Solvers;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Core.Tests.Solvers;

/// <summary>
/// The dense output's structure, independent of how accurate the steps are: each step's polynomial
/// starts at the step's initial state and has slope f at both ends. A mix-up in the rows of the
/// 5-row form shows up here even when it is too small to break the closed-form error bounds.
/// </summary>
public class DenseOutputTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(SolverKind.DormandPrince45)]
    [InlineData(SolverKind.Rosenbrock23)]
    public void Dense_output_has_slope_f_at_both_ends_of_every_step(SolverKind kind)
    {
        var system = new DepotCentralChain();
        var y = new double[system.Dimension];
        system.InitialState(y);
        var checker = new EndSlopeChecker<DepotCentralChain>(system);

        SolverRunner.Run(kind, new OdeTolerances(1e-6, 1e-10), ref system, y, 0, 48, ref checker);
        output.WriteLine(FormattableString.Invariant($"{checker.Steps} steps, max relative slope mismatch {checker.MaxMismatch:G3}"));

        // Tolerance 1e-9 relative: the ends' slopes are hF0 and hF2 by construction, so only
        // rounding is left (the 5-point difference amplifies it ~100×: ~1e-14). Using the wrong
        // stage for a slope gives a mismatch of order h·|f′|/|f|, ≳ 1e-4 here.
        Assert.True(checker.Steps > 10);
        Assert.InRange(checker.MaxMismatch, 0, 1e-9);
    }
}
