using Ldn.Core.Pharmacology.Solvers;
using Xunit;

namespace Ldn.Core.Tests.Solvers;

/// <summary>The observer contract: steps cover [t0, t1] end to end, and the last one ends exactly at t1.</summary>
public class StepTilingTests
{
    [Theory]
    [InlineData(SolverKind.DormandPrince45, 0.0, 10.0)]
    [InlineData(SolverKind.Rosenbrock23, 0.0, 10.0)]
    [InlineData(SolverKind.DormandPrince45, 0.3, 7.123456789)]
    [InlineData(SolverKind.Rosenbrock23, 0.3, 7.123456789)]
    [InlineData(SolverKind.DormandPrince45, 1e6, 1e6 + 0.1)]
    [InlineData(SolverKind.Rosenbrock23, 1e6, 1e6 + 0.1)]

    // The last step starts at t < 0 and ends just past 0, where t + (t1 − t) rounds to a value
    // other than t1 for both solvers: only setting the end to t1 explicitly passes this case.
    [InlineData(SolverKind.DormandPrince45, -1.0, 1e-7)]
    [InlineData(SolverKind.Rosenbrock23, -1.0, 1e-7)]
    public void Steps_tile_the_interval_exactly_and_the_last_ends_at_t1(SolverKind kind, double t0, double t1)
    {
        var system = new DepotCentralChain();
        var y = new double[system.Dimension];
        system.InitialState(y);
        var recorder = new StepRecorder(100_000);

        SolverRunner.Run(kind, OdeTolerances.Default, ref system, y, t0, t1, ref recorder);

        // Exact equality (no tolerance): a sampled time grid depends on every step starting where
        // the previous ended and on the last one ending at t1, bit for bit.
        Assert.True(recorder.Count > 1);
        Assert.Equal(t0, recorder.From[0]);
        for (var k = 0; k < recorder.Count; k++)
        {
            Assert.True(recorder.To[k] > recorder.From[k]);
            if (k > 0)
            {
                Assert.Equal(recorder.To[k - 1], recorder.From[k]);
            }
        }

        Assert.Equal(t1, recorder.To[recorder.Count - 1]);
    }

    [Theory]
    [InlineData(SolverKind.DormandPrince45)]
    [InlineData(SolverKind.Rosenbrock23)]
    public void An_empty_or_reversed_interval_leaves_the_state_alone(SolverKind kind)
    {
        var system = new DepotCentralChain();
        var y = new double[system.Dimension];
        system.InitialState(y);
        var recorder = new StepRecorder(1);

        SolverRunner.Run(kind, OdeTolerances.Default, ref system, y, 5, 5, ref recorder);
        SolverRunner.Run(kind, OdeTolerances.Default, ref system, y, 5, 4, ref recorder);

        Assert.Equal(0, recorder.Count);
        Assert.Equal([100.0, 0.0], y);
    }
}
