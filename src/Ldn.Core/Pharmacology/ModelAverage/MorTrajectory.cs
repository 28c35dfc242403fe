using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Solvers;

namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// The blockade-only path for the band: one structure's MOR blockade for one parameter set, on the output grid and on
/// the summary grid, without the mechanism module or the series of every other quantity. The linear structures use
/// the closed form (<see cref="SuperposedBlockade"/>, about a hundred times cheaper than integrating); slow binding is
/// integrated through <c>Simulator.Integrate</c> at a looser tolerance than the simulator's (<see cref="Tolerances"/>):
/// a band read to 0.1 percentage point needs no 1e-8 relative accuracy.
/// </summary>
public static class MorTrajectory
{
    /// <summary>Relative 1e-6, absolute 1e-10 mg or nM: errors far below the 0.1% blockade resolution of any output.</summary>
    public static OdeTolerances Tolerances { get; } = new(1e-6, 1e-10);

    /// <summary>
    /// Runs <paramref name="model"/> over <paramref name="regimen"/> and writes MOR blockade (0–1) of
    /// <paramref name="structure"/> at each of <paramref name="outputTimes"/> into <paramref name="outputMor"/> and at
    /// each of <paramref name="summaryTimes"/> into <paramref name="summaryMor"/> (same lengths as their times).
    /// Allocates its buffers (and for slow binding the state and the solver) once per run, nothing per step.
    /// </summary>
    public static void Run(
        NaltrexoneModel model, OccupancyScenario structure, Regimen regimen, double[] outputTimes, double[] outputMor, double[] summaryTimes, double[] summaryMor)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        if (structure != OccupancyScenario.SlowBinding)
        {
            var closedForm = new SuperposedBlockade(model, structure);
            closedForm.Evaluate(regimen, outputTimes, outputMor);
            closedForm.Evaluate(regimen, summaryTimes, summaryMor);
            return;
        }

        var state = new double[model.Dimension];
        model.Baseline(state);
        var observer = new MorObserver(model, structure, outputTimes, outputMor, summaryTimes, summaryMor);
        var solver = new DormandPrince45(model.Dimension, Tolerances);
        Simulator.Integrate(model, regimen.Administrations, regimen.Horizon.Hours, state, solver, ref observer);
    }

    /// <summary>Samples one structure's MOR blockade at two ascending time grids from the solver's dense output.</summary>
    private struct MorObserver(NaltrexoneModel model, OccupancyScenario structure, double[] outputTimes, double[] outputMor, double[] summaryTimes, double[] summaryMor)
        : IStepObserver
    {
        private readonly double[] _row = new double[model.Dimension];
        private int _nextOutput;
        private int _nextSummary;

        public void OnStep(in DenseStep interval)
        {
            _nextOutput = Sample(in interval, outputTimes, outputMor, _nextOutput);
            _nextSummary = Sample(in interval, summaryTimes, summaryMor, _nextSummary);
        }

        private readonly int Sample(in DenseStep step, double[] times, double[] into, int next)
        {
            var slack = 1e-12 * Math.Max(1.0, Math.Abs(step.To));
            while (next < times.Length && times[next] <= step.To + slack)
            {
                step.At(Math.Max(step.From, times[next]), _row);
                into[next] = model.Blockade(structure, _row, OpioidReceptor.Mu);
                next++;
            }

            return next;
        }
    }
}
