using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Population;

namespace Ldn.Core.Trials;

/// <summary>
/// Predicted result of one arm under one scenario, over all repetitions of the trial: the mean
/// responder rate with its 2.5th and 97.5th percentiles across repetitions, and the mean of the
/// repetitions' arm means of (score at end − score at baseline, both measured with noise) with its
/// percentiles; published values are null where none were reported.
/// </summary>
public sealed record ArmOutcome(
    string Arm,
    OccupancyScenario Scenario,
    int N,
    double DoseMg,
    double ResponderRate,
    double ResponderRateLow,
    double ResponderRateHigh,
    double MeanChange,
    double MeanChangeLow,
    double MeanChangeHigh,
    double? PublishedResponderRate,
    double? PublishedMeanChange);

/// <summary>
/// A drug arm against the placebo arm under one scenario: mean and 95% range across repetitions of
/// the differences in mean change and in responder rate, with the published difference if any.
/// </summary>
public sealed record DifferenceOutcome(
    OccupancyScenario Scenario,
    string Arm,
    string Versus,
    double MeanChange,
    double MeanChangeLow,
    double MeanChangeHigh,
    double ResponderRate,
    double ResponderRateLow,
    double ResponderRateHigh,
    double? PublishedMeanChange,
    double? PublishedMeanChangeLow,
    double? PublishedMeanChangeHigh);

public sealed record TrialResult(
    TrialDesign Design,
    IReadOnlyList<OccupancyScenario> Scenarios,
    int Repetitions,
    long Seed,
    IReadOnlyList<ArmOutcome> Arms,
    IReadOnlyList<DifferenceOutcome> Differences)
{
    public ArmOutcome Arm(string name, OccupancyScenario scenario) =>
        Arms.First(a => a.Scenario == scenario && string.Equals(a.Arm, name, StringComparison.OrdinalIgnoreCase));

    public DifferenceOutcome? Difference(OccupancyScenario scenario) => Differences.FirstOrDefault(d => d.Scenario == scenario);
}

/// <summary>
/// Runs a trial design many times over (virtual repetitions at the published n), each repetition
/// with new subjects: subject k of repetition r is population index r·n_total + offset + k with one
/// seed, so every subject's draws depend only on (seed, index) and results do not depend on the
/// number of threads. A crossover uses the same indices in every arm. Each subject is assessed at
/// baseline and at the end of its arm with measurement noise (<see cref="VirtualSubject.Assess"/>).
/// </summary>
public static class TrialSimulator
{
    public const int DefaultRepetitions = 200;

    public const long DefaultSeed = 42;

    public const int MaxRepetitions = 100_000;

    /// <summary>
    /// Runs the design; every virtual subject is simulated in parallel (all cores unless
    /// <paramref name="maxDegreeOfParallelism"/> says otherwise). <paramref name="progress"/>, if given, is called from any
    /// thread with the subjects done and the total after each subject.
    /// </summary>
    /// <exception cref="InvalidInputException">Repetitions out of range, or too many subjects to number.</exception>
    public static TrialResult Run(
        TrialDesign design, IReadOnlyList<OccupancyScenario> scenarios, int repetitions = DefaultRepetitions, long seed = DefaultSeed, ModelParameters? model = null,
        int maxDegreeOfParallelism = -1, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(scenarios);
        if (repetitions < 1 || repetitions > MaxRepetitions)
        {
            throw new InvalidInputException($"The number of repetitions must be between 1 and {MaxRepetitions:N0} (got {repetitions}).");
        }

        if ((long)repetitions * design.SubjectsPerRepetition > int.MaxValue)
        {
            throw new InvalidInputException($"{repetitions} repetitions of {design.SubjectsPerRepetition:N0} subjects are more virtual subjects than the simulator can number; use fewer repetitions.");
        }

        model ??= ParameterSets.Default;
        var counter = new Progress(scenarios.Count * repetitions * design.Arms.Sum(a => a.N), progress);
        var arms = new List<ArmOutcome>();
        var differences = new List<DifferenceOutcome>();
        foreach (var scenario in scenarios)
        {
            var perArm = new Dictionary<TrialArm, (double[] Rates, double[] Means)>();
            var offset = 0;
            foreach (var arm in design.Arms)
            {
                var runs = RunArm(design, arm, design.Type == TrialDesignType.Crossover ? 0 : offset, scenario, repetitions, seed, model, maxDegreeOfParallelism, counter);
                offset += arm.N;
                perArm[arm] = runs;
                arms.Add(new ArmOutcome(
                    arm.Name, scenario, arm.N, arm.DoseMg,
                    runs.Rates.Average(), Percentile(runs.Rates, 0.025), Percentile(runs.Rates, 0.975),
                    runs.Means.Average(), Percentile(runs.Means, 0.025), Percentile(runs.Means, 0.975),
                    arm.PublishedResponderRate, arm.PublishedMeanChange));
            }

            var placebo = design.Arms.FirstOrDefault(a => a.IsPlacebo);
            if (placebo is null)
            {
                continue;
            }

            var first = true;
            foreach (var arm in design.Arms.Where(a => !a.IsPlacebo))
            {
                var dMean = perArm[arm].Means.Zip(perArm[placebo].Means, (x, y) => x - y).ToArray();
                var dRate = perArm[arm].Rates.Zip(perArm[placebo].Rates, (x, y) => x - y).ToArray();
                var published = first ? design.PublishedDifference : null;
                differences.Add(new DifferenceOutcome(
                    scenario, arm.Name, placebo.Name,
                    dMean.Average(), Percentile(dMean, 0.025), Percentile(dMean, 0.975),
                    dRate.Average(), Percentile(dRate, 0.025), Percentile(dRate, 0.975),
                    published?.Value, published?.Low, published?.High));
                first = false;
            }
        }

        return new TrialResult(design, scenarios, repetitions, seed, arms, differences);
    }

    /// <summary>Per repetition: the arm's responder rate and mean change.</summary>
    private static (double[] Rates, double[] Means) RunArm(TrialDesign design, TrialArm arm, int offset, OccupancyScenario scenario, int repetitions, long seed, ModelParameters model, int maxDegreeOfParallelism, Progress counter)
    {
        var n = arm.N;
        var total = design.SubjectsPerRepetition;
        var planned = design.PlannedDoses(arm);
        var endHours = design.WeeksOf(arm) * 168;
        var grid = new[] { 0.0, endHours };
        var measurementSd = design.Condition.Variability.MeasurementSd;
        var instrument = design.Instrument;
        var responder = design.Responder;
        var changes = new double[repetitions * n];
        var responders = new bool[repetitions * n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(
            0,
            changes.Length,
            options,
            () => (Simulator: new SubjectSimulator(), Samples: new SubjectSample[2]),
            (job, _, local) =>
            {
                var repetition = job / n;
                var k = job % n;
                var subject = VirtualSubject.Draw(model, design.Condition, seed, (repetition * total) + offset + k);
                local.Simulator.Run(subject, planned, endHours, grid, scenario, false, local.Samples);
                var before = subject.Assess(local.Samples[0].Inflammation, 0, measurementSd);
                var after = subject.Assess(local.Samples[1].Inflammation, endHours, measurementSd);
                changes[job] = after - before;
                responders[job] = responder.IsResponder(instrument, before, after);
                counter.Step();
                return local;
            },
            _ => { });

        var rates = new double[repetitions];
        var means = new double[repetitions];
        for (var r = 0; r < repetitions; r++)
        {
            var count = 0;
            var sum = 0.0;
            for (var k = r * n; k < (r + 1) * n; k++)
            {
                count += responders[k] ? 1 : 0;
                sum += changes[k];
            }

            rates[r] = (double)count / n;
            means[r] = sum / n;
        }

        return (rates, means);
    }

    /// <summary>Linear-interpolation percentile (type 7) of <paramref name="values"/>.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 1)
        {
            return sorted[0];
        }

        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Counts subjects done across threads and reports them.</summary>
    private sealed class Progress(int total, Action<int, int>? report)
    {
        private int _done;

        public void Step()
        {
            if (report is not null)
            {
                report(Interlocked.Increment(ref _done), total);
            }
        }
    }
}
