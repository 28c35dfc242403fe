using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Solvers;
using Ldn.Core.Pharmacology.Streaming;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// Runs a regimen through <see cref="NaltrexoneModel"/>: integrates between doses with the adaptive
/// Dormand–Prince solver, adds each dose to its depot exactly at its time, samples the output grid
/// and a fine summary grid from dense output, and derives blockade for each requested scenario.
/// </summary>
public static class Simulator
{
    /// <summary>More rows than this is almost certainly a mistake (a 1-minute step over years).</summary>
    public const long MaxOutputRows = 1_000_000;

    /// <summary>Summaries are read off a grid this fine (or finer than 1/200,000 of the window).</summary>
    public static Duration SummaryResolution { get; } = Duration.FromMinutes(1);

    private const int MaxSummaryPoints = 200_000;

    public static Duration ShortestOutputStep { get; } = Duration.FromMinutes(1);

    /// <summary>Week 12, when most trials read their outcome: the time of <c>inflammationChangeWeek12</c>.</summary>
    public static Duration Week12 { get; } = Duration.FromWeeks(12);

    public static SimulationResult Run(Regimen regimen, ModelParameters parameters, Duration outputStep, IReadOnlyList<OccupancyScenario> scenarios) =>
        Run(regimen, parameters, ConditionCatalog.Generic.Parameters, outputStep, scenarios, tlr4: false);

    /// <summary>
    /// Runs the regimen. With <paramref name="retainSeries"/> false the output grid is not sampled and every
    /// <see cref="ScenarioResult.Series"/> is empty (<see cref="SimulationSeries.Empty"/>): the summaries are the same,
    /// and <see cref="SeriesReplay"/> replays the series point by point into a sink (issue 13 item 5).
    /// </summary>
    /// <exception cref="InvalidInputException">An output step under 1 minute or giving more than <see cref="MaxOutputRows"/> rows.</exception>
    public static SimulationResult Run(
        Regimen regimen, ModelParameters parameters, ConditionParameters condition, Duration outputStep, IReadOnlyList<OccupancyScenario> scenarios, bool tlr4,
        bool retainSeries = true)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(scenarios);
        CheckOutputStep(regimen.Horizon, outputStep);

        var model = new NaltrexoneModel(parameters, condition, regimen.FormulationsUsed, tlr4);
        var layout = model.Layout;
        var night = NightWindow.Last(regimen.StartClock, regimen.Horizon);
        var week12 = regimen.Horizon >= Week12 ? [Week12.Hours] : Array.Empty<double>();
        var observer = new SimulationObserver(
            new GridSampler(retainSeries ? OutputTimes(regimen, outputStep) : [], layout.Dimension),
            new GridSampler(SummaryTimes(regimen), layout.Dimension),
            new GridSampler(night is { } n ? TimeGrid.Create(n.From.Hours, n.To.Hours, SummaryResolution.Hours) : [], layout.Dimension),
            new GridSampler(week12, layout.Dimension));

        var state = new double[layout.Dimension];
        model.Baseline(state);
        Integrate(model, regimen, state, ref observer);

        var results = scenarios.Distinct().Select(scenario => new ScenarioResult(
            scenario,
            Summarise(model, observer, scenario, regimen.Administrations.Count == 1),
            Series(model, observer.Output, scenario))).ToList();
        return new SimulationResult(regimen, parameters, outputStep, results) { Condition = condition, Tlr4 = tlr4 };
    }

    /// <summary>The output grid (hours from the first dose): 0 to the horizon every <paramref name="outputStep"/>.</summary>
    internal static double[] OutputTimes(Regimen regimen, Duration outputStep) => TimeGrid.Create(0, regimen.Horizon.Hours, outputStep.Hours);

    /// <summary>How many points each series of a run has on the output grid (<see cref="OutputTimes"/>), without making the grid.</summary>
    public static long OutputCount(Regimen regimen, Duration outputStep)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        return TimeGrid.ExactCount(0, regimen.Horizon.Hours, outputStep.Hours);
    }

    /// <summary>The summary grid (hours): the summary window at <see cref="SummaryResolution"/>, or coarser for a very long window.</summary>
    internal static double[] SummaryTimes(Regimen regimen)
    {
        var (windowStart, windowEnd) = regimen.SummaryWindow();
        var summaryStep = Math.Max(SummaryResolution.Hours, (windowEnd - windowStart).Hours / MaxSummaryPoints);
        return TimeGrid.Create(windowStart.Hours, windowEnd.Hours, summaryStep);
    }

    /// <summary>
    /// Integrates the whole regimen, dose by dose, feeding the observer. Public so that benchmarks and
    /// later modules (populations) can drive the model with their own observers.
    /// </summary>
    public static void Integrate<TObserver>(NaltrexoneModel model, Regimen regimen, Span<double> state, ref TObserver observer)
        where TObserver : struct, IStepObserver
    {
        ArgumentNullException.ThrowIfNull(regimen);
        var solver = new DormandPrince45(model.Dimension, OdeTolerances.Default);
        Integrate(model, regimen.Administrations, regimen.Horizon.Hours, state, solver, ref observer);
    }

    /// <summary>
    /// Integrates from 0 to <paramref name="horizonHours"/>, adding each administration (in time order)
    /// to its depot exactly at its time. The caller supplies the solver so that populations can reuse
    /// one per thread and choose looser tolerances.
    /// </summary>
    public static void Integrate<TObserver>(
        NaltrexoneModel model, IReadOnlyList<Administration> doses, double horizonHours, Span<double> state, DormandPrince45 solver, ref TObserver observer)
        where TObserver : struct, IStepObserver
    {
        ArgumentNullException.ThrowIfNull(doses);
        ArgumentNullException.ThrowIfNull(solver);
        var t = 0.0;
        var next = 0;
        while (!Segment(ref model, doses, horizonHours, state, solver, ref t, ref next, ref observer))
        {
        }
    }

    /// <summary>
    /// One pass of <see cref="Integrate{TObserver}(NaltrexoneModel, IReadOnlyList{Administration}, double, Span{double}, DormandPrince45, ref TObserver)"/>:
    /// adds the doses due at <paramref name="t"/> and integrates to the next dose or the horizon. Returns true at the
    /// horizon. Separate so that a caller can stop between dosing intervals with exactly the same solver calls, hence the
    /// same numbers, as one uninterrupted run.
    /// </summary>
    internal static bool Segment<TObserver>(
        ref NaltrexoneModel model, IReadOnlyList<Administration> doses, double horizonHours, Span<double> state, DormandPrince45 solver, ref double t, ref int next, ref TObserver observer)
        where TObserver : struct, IStepObserver
    {
        while (next < doses.Count && doses[next].Time.Hours <= t)
        {
            state[model.DepotOf(doses[next].Formulation)] += doses[next].Amount.Milligrams;
            next++;
        }

        var until = next < doses.Count ? doses[next].Time.Hours : horizonHours;
        model.StartSegment(t, state);
        solver.Integrate(ref model, state, t, until, ref observer);
        t = until;
        return t >= horizonHours;
    }

    private static void CheckOutputStep(Duration horizon, Duration outputStep)
    {
        if (!double.IsFinite(outputStep.Hours) || outputStep < ShortestOutputStep)
        {
            throw new InvalidInputException($"The output step must be at least 1 minute (got {outputStep}).");
        }

        var rows = TimeGrid.Count(horizon, outputStep);
        if (rows > MaxOutputRows)
        {
            throw new InvalidInputException(
                $"An output step of {outputStep} over {horizon.Days:0.#} days gives {rows:N0} rows, more than {MaxOutputRows:N0}; use a larger output step.");
        }
    }

    private static SimulationSeries Series(NaltrexoneModel model, GridSampler grid, OccupancyScenario scenario)
    {
        var n = grid.Times.Length;
        if (n == 0)
        {
            return SimulationSeries.Empty;
        }

        var series = new SimulationSeries
        {
            TimeHours = (double[])grid.Times.Clone(),
            ParentNgPerMl = new double[n],
            MetaboliteNgPerMl = new double[n],
            Mor = new double[n],
            Dor = new double[n],
            Kor = new double[n],
            OpioidSignalling = new double[n],
            ReceptorDensity = new double[n],
            Synthesis = new double[n],
            Inflammation = new double[n],
            ClinicalScore = new double[n],
        };
        for (var row = 0; row < n; row++)
        {
            series.Set(row, Point(model, scenario, grid.Times[row], grid.Row(row)));
        }

        return series;
    }

    /// <summary>The series values of <paramref name="scenario"/> at time <paramref name="timeHours"/> from the full state there.</summary>
    internal static SeriesPoint Point(NaltrexoneModel model, OccupancyScenario scenario, double timeHours, ReadOnlySpan<double> state)
    {
        var layout = model.Layout;
        var mor = model.Blockade(scenario, state, OpioidReceptor.Mu);
        var u = state[layout.ReceptorDensity(scenario)];
        var synthesis = state[layout.Synthesis(scenario)];
        var inflammation = state[layout.Inflammation(scenario)];
        return new SeriesPoint(
            timeHours,
            Math.Max(0, state[layout.ParentOf(scenario)] * model.ParentNgPerMlPerMg),
            Math.Max(0, state[layout.Metabolite] * model.MetaboliteNgPerMlPerMg),
            mor,
            model.Blockade(scenario, state, OpioidReceptor.Delta),
            model.Blockade(scenario, state, OpioidReceptor.Kappa),
            NaltrexoneModel.Signalling(u, synthesis, mor),
            u,
            synthesis,
            inflammation,
            model.Condition.ClinicalScore(inflammation, timeHours));
    }

    private static ExposureSummary Summarise(NaltrexoneModel model, SimulationObserver observer, OccupancyScenario scenario, bool singleDose)
    {
        var layout = model.Layout;
        var grid = observer.Summary;
        var times = grid.Times;
        var start = times[0];
        double parentMax = double.MinValue, metaboliteMax = double.MinValue;
        double parentTmax = 0, metaboliteTmax = 0;
        double peak = double.MinValue, trough = double.MaxValue;
        double blockadeIntegral = 0, above25 = 0, above50 = 0;
        double previousTime = start, previousBlockade = 0, previousSignalling = 0, overshoot = 0;

        for (var row = 0; row < times.Length; row++)
        {
            var parent = grid.Value(row, layout.ParentOf(scenario)) * model.ParentNgPerMlPerMg;
            var metabolite = grid.Value(row, layout.Metabolite) * model.MetaboliteNgPerMlPerMg;
            var blockade = model.Blockade(scenario, grid.Row(row), OpioidReceptor.Mu);
            var signalling = Signalling(model, grid, row, scenario);
            if (parent > parentMax)
            {
                parentMax = parent;
                parentTmax = times[row] - start;
            }

            if (metabolite > metaboliteMax)
            {
                metaboliteMax = metabolite;
                metaboliteTmax = times[row] - start;
            }

            peak = Math.Max(peak, blockade);
            trough = Math.Min(trough, blockade);
            if (row > 0)
            {
                var dt = times[row] - previousTime;
                blockadeIntegral += 0.5 * (blockade + previousBlockade) * dt;
                above25 += TimeAbove(previousBlockade, blockade, 0.25, dt);
                above50 += TimeAbove(previousBlockade, blockade, 0.50, dt);
                overshoot += TimeAbove(previousSignalling, signalling, 1.0, dt);
            }

            previousTime = times[row];
            previousBlockade = blockade;
            previousSignalling = signalling;
        }

        var last = times.Length - 1;
        var auc = grid.Value(last, layout.ParentAucOf(scenario)) - grid.Value(0, layout.ParentAucOf(scenario));
        if (singleDose)
        {
            auc += RemainingParentAuc(model, grid, last, scenario);
        }

        var span = times[last] - start;
        return new ExposureSummary
        {
            WindowStart = Duration.FromHours(start),
            WindowEnd = Duration.FromHours(times[last]),
            ParentCmax = MassConcentration.FromNanogramsPerMillilitre(parentMax),
            ParentTmax = Duration.FromHours(parentTmax),
            ParentAuc = Exposure.FromNanogramHoursPerMillilitre(auc),
            ParentAucToInfinity = singleDose,
            MetaboliteCmax = MassConcentration.FromNanogramsPerMillilitre(metaboliteMax),
            MetaboliteTmax = Duration.FromHours(metaboliteTmax),
            MorPeak = peak,
            MorTrough = trough,
            MorMean = span > 0 ? blockadeIntegral / span : peak,
            MorAbove25Percent = Duration.FromHours(above25),
            MorAbove50Percent = Duration.FromHours(above50),
            SignallingOvershootHoursPerDay = span > 0 ? overshoot / span * 24.0 : 0,
            NocturnalSignalling = MeanSignalling(model, observer.Night, scenario),
            InflammationChangeWeek12 = observer.Week12.Complete && observer.Week12.Times.Length == 1
                ? observer.Week12.Value(0, layout.Inflammation(scenario)) / model.Condition.DiseaseDrive - 1
                : null,
        };
    }

    private static double Signalling(NaltrexoneModel model, GridSampler grid, int row, OccupancyScenario scenario)
    {
        var layout = model.Layout;
        var blockade = model.Blockade(scenario, grid.Row(row), OpioidReceptor.Mu);
        return NaltrexoneModel.Signalling(grid.Value(row, layout.ReceptorDensity(scenario)), grid.Value(row, layout.Synthesis(scenario)), blockade);
    }

    /// <summary>Time-weighted (trapezoidal) mean S over a grid; null when the grid is empty.</summary>
    private static double? MeanSignalling(NaltrexoneModel model, GridSampler grid, OccupancyScenario scenario)
    {
        var times = grid.Times;
        if (times.Length < 2)
        {
            return null;
        }

        double integral = 0, previous = Signalling(model, grid, 0, scenario);
        for (var row = 1; row < times.Length; row++)
        {
            var current = Signalling(model, grid, row, scenario);
            integral += 0.5 * (previous + current) * (times[row] - times[row - 1]);
            previous = current;
        }

        return integral / (times[^1] - times[0]);
    }

    /// <summary>
    /// Parent AUC still to come after the last sample: everything now in the parent compartment and
    /// everything in the depots that will reach it, divided by the elimination rate (exact for this
    /// linear model, unlike the usual C_last/k extrapolation, which ignores unabsorbed drug). In the
    /// slow-pool structure everything in the pool also returns to plasma.
    /// </summary>
    private static double RemainingParentAuc(NaltrexoneModel model, GridSampler grid, int row, OccupancyScenario scenario)
    {
        var layout = model.Layout;
        var amount = grid.Value(row, layout.ParentOf(scenario)) + (scenario == OccupancyScenario.SlowPool ? grid.Value(row, layout.Pool) : 0);
        for (var g = 0; g < layout.DepotCount; g++)
        {
            amount += grid.Value(row, g) * model.Parameters.For(model.Depots[g]).ParentRelativeBioavailability;
        }

        return amount * model.ParentNgPerMlPerMg / model.Parameters.ParentElimination.PerHour;
    }

    /// <summary>Time within one grid interval that a linearly interpolated value spends above a threshold.</summary>
    internal static double TimeAbove(double from, double to, double threshold, double dt)
    {
        if (from >= threshold && to >= threshold)
        {
            return dt;
        }

        if (from < threshold && to < threshold)
        {
            return 0;
        }

        var crossing = (threshold - from) / (to - from) * dt;
        return from >= threshold ? crossing : dt - crossing;
    }
}
