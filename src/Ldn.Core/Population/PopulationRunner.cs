using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology;
using Ldn.Core.Population.Fast;
using Ldn.Core.Units;

namespace Ldn.Core.Population;

/// <summary>
/// Runs a virtual population on all cores and keeps only percentile summaries (and, if asked, one
/// <see cref="SubjectRecord"/> per subject). Subject i is <see cref="VirtualSubject.Draw"/>(model,
/// condition, seed, i), whatever thread runs it. With <see cref="PopulationEngine.Fast"/> (structures A,
/// B, slow-pool and two-site) each thread runs batches of up to 1,024 consecutive subjects through a <see cref="FastSubjectEngine"/>;
/// otherwise each thread has its own <see cref="SubjectSimulator"/>. Every subject's samples go into one
/// shared <see cref="PopulationHistogram"/> of integer counts, so the result is bit-for-bit the same for
/// any thread count and order. Memory does not grow with the number of subjects (except the records).
/// </summary>
public static class PopulationRunner
{
    /// <summary>
    /// Largest step of the fast engine for <paramref name="scenario"/>, hours, chosen from the error measured
    /// against the reference engine at rtol 1e-8 (<c>ldn-bench population-accuracy 1000 84 STRUCTURE</c>, 1,000
    /// subjects × 84 days, hourly grid; docs/model.md §7b) as the largest that keeps every subject's S and I
    /// below one histogram bin (S 3.9e-3, I 2.0e-3); MOR is exact (≤ 5e-9) in every structure. B: 1 h gives
    /// at most 1.4e-4 in S and 2.3e-4 in I. Slow pool: 1 h gives 8.2e-4 (S) and 1.2e-3 (I). Two sites: 1 h
    /// gives 2.4e-3 in I, above the bin, 0.5 h gives 6.7e-4 (S) and 1.0e-3 (I). In A blockade follows plasma
    /// and moves by tens of points within the hour after each dose, and S crosses the kink of max(0, S − 1),
    /// so RK4 converges slowly: 1 h gives 7.3e-3 in S, 0.25 h gives 6.5e-4 (S) and 7.7e-4 (I).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A structure the fast engine does not cover.</exception>
    public static double FastMaxStepHours(OccupancyScenario scenario) => scenario switch
    {
        OccupancyScenario.A => 0.25,
        OccupancyScenario.TwoSite => 0.5,
        OccupancyScenario.B or OccupancyScenario.SlowPool => 1.0,
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "The fast engine integrates structures A, B, slow-pool and two-site."),
    };

    public static PopulationResult Run(
        ModelParameters model,
        ConditionDefinition condition,
        PopulationSettings settings,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var days = settings.Weeks * 7;
        var regimen = Regimen.Repeated(settings.Dose, settings.At, Duration.FromHours(24), days, settings.Formulation, Duration.FromDays(days));
        var planned = regimen.Administrations;
        var horizon = settings.HorizonHours;
        var grid = Grid(horizon, settings.OutputStep.Hours);
        var instrument = condition.Parameters.Instrument;
        var histogram = new PopulationHistogram(grid.Length, instrument.Minimum, instrument.Maximum);
        var threads = settings.Threads ?? Environment.ProcessorCount;
        var n = settings.Subjects;
        var records = settings.KeepSubjects ? new SubjectRecord[n] : null;
        var fast = settings.Engine == PopulationEngine.Fast && FastSubjectEngine.Covers(settings.Scenario);
        var done = 0;
        long steps = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        try
        {
            if (fast)
            {
                var schedule = StepSchedule.Create([.. planned.Select(a => a.Time.Hours)], grid, FastMaxStepHours(settings.Scenario));
                double[] plannedMg = [.. planned.Select(a => a.Amount.Milligrams)];
                var size = FastBatch.SizeFor(n, threads);
                var batches = (n + size - 1) / size;
                Parallel.For(
                    0,
                    batches,
                    options,
                    () => new FastBatch(schedule, condition, size),
                    (b, loop, batch) =>
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            loop.Stop();
                            return batch;
                        }

                        var first = b * size;
                        var count = Math.Min(size, n - first);
                        batch.Run(model, condition, settings, plannedMg, first, count, histogram, records);
                        progress?.Report(Interlocked.Add(ref done, count));
                        return batch;
                    },
                    _ => { });
                steps = (long)schedule.Steps * histogram.Subjects;
            }
            else
            {
                Parallel.For(
                    0,
                    n,
                    options,
                    () => (Simulator: new SubjectSimulator(), Samples: new SubjectSample[grid.Length]),
                    (i, loop, local) =>
                    {
                        if (cancellationToken.IsCancellationRequested)
                        {
                            loop.Stop();
                            return local;
                        }

                        var subject = VirtualSubject.Draw(model, condition, settings.Seed, i);
                        local.Simulator.Run(subject, planned, horizon, grid, settings.Scenario, settings.Tlr4, local.Samples);
                        histogram.Add(local.Samples);
                        if (records is not null)
                        {
                            records[i] = SubjectRecord.From(subject, settings.Formulation, local.Samples, grid, local.Simulator.LastDosesTaken, local.Simulator.LastMilligramsTaken);
                        }

                        var finished = Interlocked.Increment(ref done);
                        progress?.Report(finished);
                        return local;
                    },
                    local => Interlocked.Add(ref steps, local.Simulator.AcceptedSteps));
            }
        }
        catch (OperationCanceledException e) when (e is not PopulationCancelledException)
        {
            throw new PopulationCancelledException(Volatile.Read(ref done), n, cancellationToken);
        }

        if (cancellationToken.IsCancellationRequested && histogram.Subjects < n)
        {
            throw new PopulationCancelledException(histogram.Subjects, n, cancellationToken);
        }

        var engine = fast ? PopulationEngine.Fast : PopulationEngine.Reference;
        return new PopulationResult(settings, condition, grid, histogram, Interlocked.Read(ref steps), Math.Min(threads, n), engine, records);
    }

    /// <summary>0, step, 2·step, … up to and always including the horizon.</summary>
    public static double[] Grid(double horizonHours, double stepHours)
    {
        var intervals = (int)Math.Floor((horizonHours / stepHours) + 1e-9);
        var endsOnGrid = Math.Abs((intervals * stepHours) - horizonHours) <= 1e-9 * Math.Max(1.0, horizonHours);
        var times = new double[intervals + (endsOnGrid ? 1 : 2)];
        for (var i = 0; i <= intervals; i++)
        {
            times[i] = i * stepHours;
        }

        times[^1] = horizonHours;
        return times;
    }
}
