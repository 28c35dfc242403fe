using Ldn.Core.Pharmacology.Solvers;
using Xunit;

namespace Ldn.Core.Tests.Solvers;

/// <summary>
/// The solvers run inside population simulations (thousands of subjects × doses), so a call must
/// not allocate: every buffer is made in the constructor.
/// </summary>
public class AllocationTests
{
    [Fact]
    public void DormandPrince45_allocates_nothing_per_call()
    {
        var solver = new DormandPrince45(2, OdeTolerances.Default);
        var system = new DepotCentralChain();
        var y = new double[2];

        Run(solver, ref system, y); // warm-up: JIT, statics
        var (steps, allocated) = FewestBytes(() => Run(solver, ref system, y));

        // Exactly zero bytes, no tolerance: one allocation per step would show up as ≥ 24·steps bytes.
        Assert.True(steps > 100);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Rosenbrock23_allocates_nothing_per_call()
    {
        var solver = new Rosenbrock23(2, OdeTolerances.Default);
        var system = new StiffLinear();
        var y = new double[2];

        Run(solver, ref system, y);
        var (steps, allocated) = FewestBytes(() => Run(solver, ref system, y));

        // Exactly zero bytes, as above; the run includes rejected steps and a Jacobian per step.
        Assert.True(steps > 100);
        Assert.Equal(0, allocated);
    }

    /// <summary>
    /// The smallest allocation over three measured runs. The runtime's tiered JIT occasionally
    /// allocates on the calling thread while it swaps in optimised code (about one run in ten on a
    /// loaded machine); an allocation in the solver itself happens on every run, so the minimum
    /// still exposes it.
    /// </summary>
    private static (int Steps, long Bytes) FewestBytes(Func<int> run)
    {
        var fewest = long.MaxValue;
        var steps = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            steps = run();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return (steps, fewest);
    }

    private static int Run(DormandPrince45 solver, ref DepotCentralChain system, double[] y)
    {
        system.InitialState(y);
        var counter = new StepCounter();
        solver.Integrate(ref system, y, 0, 500, ref counter);
        return counter.Steps;
    }

    private static int Run(Rosenbrock23 solver, ref StiffLinear system, double[] y)
    {
        system.InitialState(y);
        var counter = new StepCounter();
        solver.Integrate(ref system, y, 0, 50, ref counter);
        return counter.Steps;
    }
}
