using System.Globalization;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Solvers;
using Ldn.Core.Population;
using Ldn.Core.Population.Fast;
using Ldn.Core.Units;

namespace Ldn.Bench;

/// <summary>
/// <c>population-accuracy [N] [DAYS] [scenario]</c> (issue 12 item 8): N subjects (default 1,000) × DAYS days
/// (default 84) of daily 4.5 mg, hourly grid, run one by one through the fast engine at several largest
/// steps and through the reference engine at rtol 1e-8, atol 1e-11 (the tight reference). Prints, for MOR
/// blockade, signalling S and inflammation I, the largest deviation of any subject's value at any grid time
/// and of any exact (sort-based, no histogram) p5/p50/p95 at any grid time; a last row does the same for the
/// reference engine at its default tolerances. Structures: A, B, slow-pool, two-site (default B).
/// </summary>
internal static class PopulationAccuracy
{
    public static int Run(string[] args)
    {
        var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var days = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 84;
        var scenario = args.Length > 3 ? OccupancyScenarios.ParseStructures(args[3])[0] : OccupancyScenario.B;
        var model = ParameterSets.Default;
        var condition = ConditionCatalog.Generic;
        var horizon = days * 24.0;
        var regimen = Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), days, Formulation.Capsule, Duration.FromDays(days));
        var planned = regimen.Administrations;
        var grid = PopulationRunner.Grid(horizon, 1.0);
        var reference = Reference(model, condition, planned, horizon, grid, scenario, n, new OdeTolerances(1e-8, 1e-11));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n:N0} subjects × {days} days, 4.5 mg daily, hourly grid, scenario {scenario.Name()}; reference: Dormand–Prince rtol 1e-8, atol 1e-11"));
        Console.WriteLine("| largest step (h) | steps/subject | subject MOR | subject S | subject I | percentile MOR | percentile S | percentile I |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var maxStep in new[] { 0.25, 0.5, 1.0, 2.0 })
        {
            var schedule = StepSchedule.Create([.. planned.Select(a => a.Time.Hours)], grid, maxStep);
            var fast = Fast(model, condition, planned, schedule, scenario, n);
            Row(string.Create(CultureInfo.InvariantCulture, $"{maxStep} | {schedule.Steps}"), reference, fast, n, grid.Length);
        }

        // The reference engine at its own default tolerances, for the unit test's allowance.
        var tolerances = SubjectSimulator.Tolerances;
        var loose = Reference(model, condition, planned, horizon, grid, scenario, n, tolerances);
        Row(string.Create(CultureInfo.InvariantCulture, $"reference rtol {tolerances.Relative:0e+0} | adaptive"), reference, loose, n, grid.Length);

        return 0;
    }

    private static SubjectSample[] Reference(
        ModelParameters model, ConditionDefinition condition, IReadOnlyList<Administration> planned, double horizon, double[] grid, OccupancyScenario scenario, int n, OdeTolerances tolerances)
    {
        var saved = SubjectSimulator.Tolerances;
        SubjectSimulator.Tolerances = tolerances;
        try
        {
            var all = new SubjectSample[n * grid.Length];
            var simulator = new SubjectSimulator();
            var row = new SubjectSample[grid.Length];
            for (var i = 0; i < n; i++)
            {
                simulator.Run(VirtualSubject.Draw(model, condition, 42, i), planned, horizon, grid, scenario, false, row);
                row.CopyTo(all, i * grid.Length);
            }

            return all;
        }
        finally
        {
            SubjectSimulator.Tolerances = saved;
        }
    }

    private static SubjectSample[] Fast(
        ModelParameters model, ConditionDefinition condition, IReadOnlyList<Administration> planned, StepSchedule schedule, OccupancyScenario scenario, int n)
    {
        double[] plannedMg = [.. planned.Select(a => a.Amount.Milligrams)];
        const int Batch = 256;
        var engine = new FastSubjectEngine(schedule, plannedMg.Length, Batch);
        var points = schedule.Grid.Length;
        var all = new SubjectSample[n * points];
        var taken = new (int, double)[Batch];
        for (var first = 0; first < n; first += Batch)
        {
            var count = Math.Min(Batch, n - first);
            var subjects = Enumerable.Range(first, count).Select(i => VirtualSubject.Draw(model, condition, 42, i)).ToArray();
            var sink = new Collect(all, first, points);
            engine.Run(subjects, plannedMg, Formulation.Capsule, scenario, false, ref sink, taken);
        }

        return all;
    }

    private readonly struct Collect(SubjectSample[] all, int first, int points) : IPointSink
    {
        public void OnPoint(int point, Span<SubjectSample> samples)
        {
            for (var s = 0; s < samples.Length; s++)
            {
                all[((first + s) * points) + point] = samples[s];
            }
        }
    }

    /// <summary>Prints one table row: <paramref name="label"/> (the first two cells), then the largest deviations of <paramref name="other"/> from <paramref name="reference"/>.</summary>
    private static void Row(string label, SubjectSample[] reference, SubjectSample[] other, int n, int points)
    {
        var subject = new double[3];
        var percentile = new double[3];
        Compare(reference, other, n, points, subject, percentile);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {label} | {subject[0]:0.0e+0} | {subject[1]:0.0e+0} | {subject[2]:0.0e+0} | {percentile[0]:0.0e+0} | {percentile[1]:0.0e+0} | {percentile[2]:0.0e+0} |"));
    }

    /// <summary>Largest |Δ| per metric over subjects × times, and of the exact p5/p50/p95 at each time.</summary>
    private static void Compare(SubjectSample[] reference, SubjectSample[] fast, int n, int points, double[] subject, double[] percentile)
    {
        var a = new double[n];
        var b = new double[n];
        for (var metric = 0; metric < 3; metric++)
        {
            for (var point = 0; point < points; point++)
            {
                for (var i = 0; i < n; i++)
                {
                    a[i] = Value(reference[(i * points) + point], metric);
                    b[i] = Value(fast[(i * points) + point], metric);
                    subject[metric] = Math.Max(subject[metric], Math.Abs(a[i] - b[i]));
                }

                Array.Sort(a);
                Array.Sort(b);
                foreach (var q in new[] { 0.05, 0.5, 0.95 })
                {
                    var k = Math.Max(0, (int)Math.Ceiling(q * n) - 1);
                    percentile[metric] = Math.Max(percentile[metric], Math.Abs(a[k] - b[k]));
                }
            }
        }
    }

    private static double Value(SubjectSample s, int metric) => metric switch
    {
        0 => s.Mor,
        1 => s.Signalling,
        _ => s.Inflammation,
    };
}
