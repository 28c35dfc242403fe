using Ldn.Core.Conditions;

namespace Ldn.Core.Population;

/// <summary>
/// The percentile summaries of a population run at each grid time (not the individual series).
/// Everything here except <see cref="ThreadsUsed"/> is independent of the machine, the thread count
/// and the order in which subjects ran; timing is the caller's business (no clock in Ldn.Core).
/// </summary>
public sealed class PopulationResult
{
    internal PopulationResult(PopulationSettings settings, ConditionDefinition condition, double[] timeHours, PopulationHistogram histogram, long acceptedSteps, int threadsUsed, PopulationEngine engine, IReadOnlyList<SubjectRecord>? subjects)
    {
        Settings = settings;
        Condition = condition;
        TimeHours = timeHours;
        Histogram = histogram;
        AcceptedSteps = acceptedSteps;
        ThreadsUsed = threadsUsed;
        Engine = engine;
        Subjects = subjects ?? [];
    }

    /// <summary>The engine that ran (the reference for structures the fast engine does not integrate).</summary>
    public PopulationEngine Engine { get; }

    /// <summary>One record per subject in index order when <see cref="PopulationSettings.KeepSubjects"/>, else empty.</summary>
    public IReadOnlyList<SubjectRecord> Subjects { get; }

    public PopulationSettings Settings { get; }

    public ConditionDefinition Condition { get; }

    public IReadOnlyList<double> TimeHours { get; }

    /// <summary>The counts the percentiles come from (see its resolution).</summary>
    public PopulationHistogram Histogram { get; }

    /// <summary>ODE steps accepted (reference) or fixed steps taken (fast) over all subjects (work measure for benchmarks).</summary>
    public long AcceptedSteps { get; }

    public int ThreadsUsed { get; }

    public PercentileBand Band(int point, PopulationMetric metric) => Histogram.Band(point, metric);
}
