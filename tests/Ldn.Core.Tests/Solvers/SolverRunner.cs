using Ldn.Core.Pharmacology.Solvers;

namespace Ldn.Core.Tests.Solvers;

/// <summary>Runs either solver through one call shape so accuracy tests can be theories over both.</summary>
internal static class SolverRunner
{
    public static SolverStatistics Run<TSystem, TObserver>(
        SolverKind kind, OdeTolerances tolerances, ref TSystem system, Span<double> y, double t0, double t1, ref TObserver observer)
        where TSystem : struct, IOdeSystem
        where TObserver : struct, IStepObserver
    {
        switch (kind)
        {
            case SolverKind.DormandPrince45:
                var explicitSolver = new DormandPrince45(system.Dimension, tolerances);
                explicitSolver.Integrate(ref system, y, t0, t1, ref observer);
                return explicitSolver.Statistics;
            case SolverKind.Rosenbrock23:
                var stiffSolver = new Rosenbrock23(system.Dimension, tolerances);
                stiffSolver.Integrate(ref system, y, t0, t1, ref observer);
                return stiffSolver.Statistics;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>
    /// Solves <paramref name="problem"/> over its span, sampling <paramref name="gridPoints"/> times,
    /// and compares with the closed form at the endpoint and on the grid.
    /// </summary>
    public static ErrorReport MeasureError<TProblem>(
        SolverKind kind, OdeTolerances tolerances, TProblem problem, int gridPoints = 1001)
        where TProblem : struct, IClosedFormProblem
    {
        var n = problem.Dimension;
        var y = new double[n];
        problem.InitialState(y);
        var sampler = new GridSampler(GridSampler.UniformGrid(problem.T0, problem.T1, gridPoints), n);
        var statistics = Run(kind, tolerances, ref problem, y, problem.T0, problem.T1, ref sampler);
        if (sampler.Sampled != gridPoints)
        {
            throw new InvalidOperationException($"Only {sampler.Sampled} of {gridPoints} grid times were covered by steps.");
        }

        double endpoint = 0, dense = 0, absolute = 0;
        for (var i = 0; i < n; i++)
        {
            var exact = problem.Exact(problem.T1, i);
            endpoint = Math.Max(endpoint, Scaled(y[i], exact, tolerances));
            absolute = Math.Max(absolute, Math.Abs(y[i] - exact));
        }

        for (var k = 0; k < gridPoints; k++)
        {
            for (var i = 0; i < n; i++)
            {
                var exact = problem.Exact(sampler.Times[k], i);
                var value = sampler.Values[(k * n) + i];
                dense = Math.Max(dense, Scaled(value, exact, tolerances));
                absolute = Math.Max(absolute, Math.Abs(value - exact));
            }
        }

        return new ErrorReport(endpoint, dense, absolute, statistics);
    }

    /// <summary>Dispatches on a problem name so theories can list problems as inline data.</summary>
    public static ErrorReport MeasureError(
        SolverKind kind, OdeTolerances tolerances, string problem) => problem switch
        {
            nameof(ExponentialDecay) => MeasureError(kind, tolerances, new ExponentialDecay()),
            nameof(DepotCentralChain) => MeasureError(kind, tolerances, new DepotCentralChain()),
            nameof(StiffLinear) => MeasureError(kind, tolerances, new StiffLinear()),
            nameof(ProtheroRobinson) => MeasureError(kind, tolerances, new ProtheroRobinson()),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, "Unknown test problem."),
        };

    private static double Scaled(double value, double exact, OdeTolerances tolerances) =>
        Math.Abs(value - exact) / ((tolerances.Relative * Math.Abs(exact)) + tolerances.Absolute);
}

/// <summary>
/// Errors against a closed form. <see cref="EndpointError"/> and <see cref="DenseError"/> are in units
/// of the requested local tolerance, |y − exact| / (Relative·|exact| + Absolute), so "100" means
/// 100·rtol relative error where the relative tolerance dominates; <see cref="MaxAbsoluteError"/>
/// is max |y − exact| over the endpoint and the grid.
/// </summary>
internal readonly record struct ErrorReport(double EndpointError, double DenseError, double MaxAbsoluteError, SolverStatistics Statistics);
