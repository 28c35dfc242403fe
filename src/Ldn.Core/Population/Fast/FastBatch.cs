using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Population.Fast;

/// <summary>
/// One thread's work unit of a fast population run: draws <see cref="Size"/> consecutive subjects,
/// runs them four at a time through its <see cref="FastSubjectEngine"/> into a point-major sample
/// buffer (the layout <see cref="PopulationHistogram.AddMany"/> reads) and fills in the scores.
/// Buffers are allocated once per thread.
/// </summary>
internal sealed class FastBatch
{
    public const int Size = 16;

    private readonly FastSubjectEngine _engine;
    private readonly double[] _grid;
    private readonly SubjectSample[] _samples;
    private readonly VirtualSubject[] _subjects = new VirtualSubject[Size];
    private readonly (int Doses, double Milligrams)[] _taken = new (int, double)[Size];

    public FastBatch(StepSchedule schedule, int plannedDoses)
    {
        _engine = new FastSubjectEngine(schedule, plannedDoses);
        _grid = schedule.Grid;
        _samples = new SubjectSample[schedule.Grid.Length * Size];
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
        }

        var samples = _samples.AsSpan(0, _grid.Length * count);
        for (var s = 0; s < count; s += FastSubjectEngine.Lanes)
        {
            var lanes = Math.Min(FastSubjectEngine.Lanes, count - s);
            _engine.Run(_subjects.AsSpan(s, lanes), plannedMg, settings.Formulation, settings.Scenario, settings.Tlr4, samples, count, s, _taken.AsSpan(s, lanes));
        }

        for (var point = 0; point < _grid.Length; point++)
        {
            var row = samples.Slice(point * count, count);
            for (var s = 0; s < count; s++)
            {
                row[s].Score = _subjects[s].Score(row[s].Inflammation, _grid[point]);
            }
        }

        histogram.AddMany(samples, count);
        if (records is not null)
        {
            for (var s = 0; s < count; s++)
            {
                records[first + s] = SubjectRecord.From(_subjects[s], settings.Formulation, samples, count, s, _grid, _taken[s].Doses, _taken[s].Milligrams);
            }
        }
    }
}
