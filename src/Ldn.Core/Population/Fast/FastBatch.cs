using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Population.Fast;

/// <summary>
/// One thread's work unit of a fast population run: draws up to <see cref="Capacity"/> consecutive subjects,
/// runs them together through its <see cref="FastSubjectEngine"/> and, at each grid time, fills in the
/// scores, counts the batch into the histogram and (if asked) updates each subject's record metrics.
/// Buffers are allocated once per thread.
/// </summary>
internal sealed class FastBatch
{
    /// <summary>
    /// Most subjects per batch. The histogram lines a grid time touches are shared by a batch's subjects,
    /// so larger batches cost fewer cache misses per subject (hourly grid, one thread: 256 → 1024 took a
    /// run from ≈ 11,700 to ≈ 14,800 subjects per CPU-second, population-speed at load 8–15); the engine's
    /// state for 1024 subjects is ≈ 1 MB.
    /// </summary>
    public const int MaxSize = 1024;

    private readonly FastSubjectEngine _engine;
    private readonly double[] _grid;
    private readonly double[] _onset;
    private readonly VirtualSubject[] _subjects;
    private readonly SubjectMetrics[] _metrics;
    private readonly (int Doses, double Milligrams)[] _taken;

    public FastBatch(StepSchedule schedule, ConditionDefinition condition, int capacity)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(condition);
        Capacity = capacity;
        _subjects = new VirtualSubject[capacity];
        _metrics = new SubjectMetrics[capacity];
        _taken = new (int, double)[capacity];
        _engine = new FastSubjectEngine(schedule, schedule.DoseCount, capacity);
        _grid = schedule.Grid;
        _onset = [.. schedule.Grid.Select(condition.Parameters.PlaceboOnsetFraction)];
    }

    public int Capacity { get; }

    /// <summary>
    /// Batch size for <paramref name="subjects"/> on <paramref name="threads"/> threads: about eight batches
    /// per thread (so all threads have work and a cancellation stops soon), a multiple of 4, at most
    /// <see cref="MaxSize"/>. The result does not depend on it: lanes and subjects never mix.
    /// </summary>
    public static int SizeFor(int subjects, int threads)
    {
        var perBatch = (subjects + (8 * threads) - 1) / (8 * threads);
        return Math.Clamp((perBatch + 3) / 4 * 4, FastSubjectEngine.Lanes, MaxSize);
    }

    /// <summary>
    /// Runs subjects <paramref name="first"/>…<paramref name="first"/> + <paramref name="count"/> − 1 and
    /// adds them to <paramref name="histogram"/>; writes their records into <paramref name="records"/> when given.
    /// </summary>
    public void Run(
        ModelParameters model, ConditionDefinition condition, PopulationSettings settings, double[] plannedMg, int first, int count, PopulationHistogram histogram, SubjectRecord[]? records)
    {
        for (var s = 0; s < count; s++)
        {
            _subjects[s] = VirtualSubject.Draw(model, condition, settings.Seed, first + s);
            _metrics[s] = new SubjectMetrics(_grid[^1]);
        }

        var sink = new Sink(this, histogram, count, records is not null);
        _engine.Run(_subjects.AsSpan(0, count), plannedMg, settings.Formulation, settings.Scenario, settings.Tlr4, ref sink, _taken);
        histogram.CompleteSubjects(count);
        if (records is not null)
        {
            for (var s = 0; s < count; s++)
            {
                records[first + s] = _metrics[s].ToRecord(_subjects[s], settings.Formulation, _taken[s].Doses, _taken[s].Milligrams);
            }
        }
    }

    private readonly struct Sink(FastBatch batch, PopulationHistogram histogram, int count, bool records) : IPointSink
    {
        public void OnPoint(int point, Span<SubjectSample> samples)
        {
            var onset = batch._onset[point];
            var subjects = batch._subjects;
            for (var s = 0; s < count; s++)
            {
                samples[s].Score = subjects[s].ScoreWithOnset(samples[s].Inflammation, onset);
            }

            histogram.AddPoint(point, samples);
            if (records)
            {
                var time = batch._grid[point];
                for (var s = 0; s < count; s++)
                {
                    batch._metrics[s].Observe(time, samples[s], subjects[s].Condition.DiseaseDrive);
                }
            }
        }
    }
}
