using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Solvers;
using Ldn.Core.Tests.Solvers;
using Sampler = Ldn.Core.Tests.Solvers.GridSampler;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>
/// Drives <see cref="NaltrexoneModel"/> through a regimen with a solver of the test's choosing, the
/// same way <see cref="Simulator"/> does (integrate to each dose time, add the
/// dose to its depot, start a new dose-free segment with <see cref="NaltrexoneModel.StartSegment"/>
/// so the right-hand side uses the exact depot solution, go on), sampling the full state on a grid. One solver instance serves the
/// whole run, so its statistics are the cost of the whole regimen.
/// </summary>
internal static class ModelRunner
{
    public static ModelRun Run(NaltrexoneModel model, Regimen regimen, SolverKind kind, OdeTolerances tolerances, double[] grid)
    {
        var state = new double[model.Dimension];
        model.Baseline(state);
        var sampler = new Sampler(grid, model.Dimension);
        var horizon = regimen.Horizon.Hours;
        var doses = regimen.Administrations;
        var explicitSolver = kind == SolverKind.DormandPrince45 ? new DormandPrince45(model.Dimension, tolerances) : null;
        var stiffSolver = kind == SolverKind.Rosenbrock23 ? new Rosenbrock23(model.Dimension, tolerances) : null;
        var t = 0.0;
        var next = 0;
        while (true)
        {
            while (next < doses.Count && doses[next].Time.Hours <= t)
            {
                state[model.DepotOf(doses[next].Formulation)] += doses[next].Amount.Milligrams;
                next++;
            }

            var until = next < doses.Count ? doses[next].Time.Hours : horizon;
            model.StartSegment(t, state);
            explicitSolver?.Integrate(ref model, state, t, until, ref sampler);
            stiffSolver?.Integrate(ref model, state, t, until, ref sampler);
            t = until;
            if (t >= horizon)
            {
                break;
            }
        }

        if (sampler.Sampled != grid.Length)
        {
            throw new InvalidOperationException($"Only {sampler.Sampled} of {grid.Length} grid times were covered by steps.");
        }

        var statistics = explicitSolver?.Statistics ?? stiffSolver!.Statistics;
        return new ModelRun(model, sampler.Times, sampler.Values, statistics);
    }

    /// <summary>Integrates the drug-free model from its baseline for <paramref name="hours"/>, sampling hourly.</summary>
    public static ModelRun DrugFree(NaltrexoneModel model, double hours, SolverKind kind, OdeTolerances tolerances)
    {
        var state = new double[model.Dimension];
        model.Baseline(state);
        var sampler = new Sampler(Sampler.UniformGrid(0, hours, (int)hours + 1), model.Dimension);
        model.StartSegment(0, state);
        var statistics = SolverRunner.Run(kind, tolerances, ref model, state, 0, hours, ref sampler);
        return new ModelRun(model, sampler.Times, sampler.Values, statistics);
    }

    /// <summary>Hourly grid 0, 1, …, horizon.</summary>
    public static double[] HourlyGrid(Regimen regimen) => Sampler.UniformGrid(0, regimen.Horizon.Hours, (int)Math.Round(regimen.Horizon.Hours) + 1);
}

/// <summary>Full model state sampled on a grid, with the quantities of one scenario read off it.</summary>
internal sealed record ModelRun(NaltrexoneModel Model, double[] Times, double[] States, SolverStatistics Statistics)
{
    public int Count => Times.Length;

    public double Value(int row, int component) => States[(row * Model.Dimension) + component];

    public double ReceptorDensity(int row, OccupancyScenario scenario) => Value(row, Model.Layout.ReceptorDensity(scenario));

    public double Synthesis(int row, OccupancyScenario scenario) => Value(row, Model.Layout.Synthesis(scenario));

    public double Inflammation(int row, OccupancyScenario scenario) => Value(row, Model.Layout.Inflammation(scenario));

    public double Mor(int row, OccupancyScenario scenario) =>
        Model.Blockade(scenario, States.AsSpan(row * Model.Dimension, Model.Dimension), OpioidReceptor.Mu);

    public double Signalling(int row, OccupancyScenario scenario) =>
        NaltrexoneModel.Signalling(ReceptorDensity(row, scenario), Synthesis(row, scenario), Mor(row, scenario));
}
