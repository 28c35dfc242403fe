using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Units;

namespace Ldn.Core.Trials;

/// <summary>How subjects are allocated: one arm each (parallel) or every arm in turn (crossover).</summary>
public enum TrialDesignType
{
    Parallel,

    /// <summary>
    /// Every subject takes every arm. Modelled as the same virtual subjects (same seed and index)
    /// run once per arm, each period starting from baseline: no carry-over and no period effect.
    /// </summary>
    Crossover,
}

/// <summary>One step of a titration: a daily dose held for a number of weeks.</summary>
public sealed record TitrationStep(double DoseMg, double Weeks);

/// <summary>
/// One arm of a trial: n subjects on a daily bedtime dose (0 = placebo), optionally reached through
/// titration steps, with the published result to compare against (null where none was reported).
/// </summary>
public sealed record TrialArm
{
    public required string Name { get; init; }

    public required int N { get; init; }

    /// <summary>Daily maintenance dose in mg; 0 for placebo.</summary>
    public required double DoseMg { get; init; }

    /// <summary>Steps taken before the maintenance dose, in order (empty: the dose from day one).</summary>
    public IReadOnlyList<TitrationStep> Titration { get; init; } = [];

    /// <summary>This arm's treatment length if it differs from the trial's (e.g. a shorter placebo period).</summary>
    public double? Weeks { get; init; }

    /// <summary>Published share of responders, 0–1.</summary>
    public double? PublishedResponderRate { get; init; }

    /// <summary>Published mean change (end − baseline) in instrument units.</summary>
    public double? PublishedMeanChange { get; init; }

    public bool IsPlacebo => DoseMg == 0;
}

/// <summary>A published drug − placebo difference in mean change, with its 95% confidence interval.</summary>
public sealed record PublishedDifference(double Value, double? Low, double? High)
{
    /// <summary>Standard error implied by the interval (or null without one).</summary>
    public double? StandardError => Low is { } l && High is { } h ? (h - l) / (2 * 1.959964) : null;
}

/// <summary>A virtual trial: condition, arms, duration, responder rule and the published results.</summary>
public sealed record TrialDesign
{
    public const string DefaultClock = "22:00";

    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Citation { get; init; }

    public required ConditionDefinition Condition { get; init; }

    public required TrialDesignType Type { get; init; }

    /// <summary>The scenario the trial is shown under when none is asked for.</summary>
    public OccupancyScenario DefaultScenario { get; init; } = OccupancyScenario.B;

    public required double Weeks { get; init; }

    public required ResponderDefinition Responder { get; init; }

    public required IReadOnlyList<TrialArm> Arms { get; init; }

    /// <summary>The published difference in mean change of the first drug arm against placebo, if reported.</summary>
    public PublishedDifference? PublishedDifference { get; init; }

    /// <summary>Assumptions made in turning the paper into a design, in prose.</summary>
    public string Notes { get; init; } = string.Empty;

    public ClinicalInstrument Instrument => Condition.Parameters.Instrument;

    /// <summary>Subjects drawn per repetition: the sum of arms (parallel) or one arm's n (crossover).</summary>
    public int SubjectsPerRepetition => Type == TrialDesignType.Crossover ? Arms.Max(a => a.N) : Arms.Sum(a => a.N);

    /// <summary>Treatment length of <paramref name="arm"/> in weeks.</summary>
    public double WeeksOf(TrialArm arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        return arm.Weeks ?? Weeks;
    }

    /// <summary>
    /// The doses <paramref name="arm"/> plans: one bedtime dose a day, titration steps first, then the
    /// maintenance dose to the end. Empty for placebo.
    /// </summary>
    public IReadOnlyList<Administration> PlannedDoses(TrialArm arm)
    {
        ArgumentNullException.ThrowIfNull(arm);
        if (arm.IsPlacebo)
        {
            return [];
        }

        var totalDays = (int)Math.Round(WeeksOf(arm) * 7);
        var events = new List<DoseEvent>();
        var day = 0;
        foreach (var step in arm.Titration)
        {
            var days = Math.Min((int)Math.Round(step.Weeks * 7), totalDays - day);
            if (days > 0)
            {
                events.Add(new DoseEvent(Mass.FromMilligrams(step.DoseMg), Duration.FromDays(day), Duration.FromDays(1), days, Formulation.Capsule));
                day += days;
            }
        }

        if (totalDays > day)
        {
            events.Add(new DoseEvent(Mass.FromMilligrams(arm.DoseMg), Duration.FromDays(day), Duration.FromDays(1), totalDays - day, Formulation.Capsule));
        }

        return new Regimen(ClockTime.Parse(DefaultClock), events, Duration.FromWeeks(WeeksOf(arm))).Administrations;
    }
}
