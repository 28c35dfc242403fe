using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;
using Ldn.Core.Units;

namespace Ldn.Core.Advice;

public enum SideEffectSeverity
{
    /// <summary>Noticeable, does not get in the way of the day.</summary>
    Mild,

    /// <summary>Gets in the way of sleep, work or meals.</summary>
    Moderate,

    /// <summary>Stops normal activity, or worries the patient.</summary>
    Severe,
}

/// <summary>A side effect as reported: a kind from <see cref="SideEffectKinds"/>, how bad, for how many days.</summary>
public sealed record SideEffectReport(string Kind, SideEffectSeverity Severity, int DaysOngoing = 1);

/// <summary>
/// Where a patient is in a titration, what they report and what they take: the input of
/// <see cref="AdjustmentRules.Decide"/>. All properties are <c>init</c>, so a caller can vary one with
/// <c>state with { NextDoseMg = 4.5m }</c>.
/// </summary>
public sealed record AdviceState
{
    /// <summary>18:00: from here to 05:59 a dose counts as an evening/bedtime dose (see <see cref="IsEveningDose"/>).</summary>
    public static readonly ClockTime EveningStarts = ClockTime.FromHoursAndMinutes(18, 0);

    /// <summary>06:00: from here to 17:59 a dose counts as a morning/daytime dose.</summary>
    public static readonly ClockTime MorningStarts = ClockTime.FromHoursAndMinutes(6, 0);

    /// <summary>The protocol's name (informational).</summary>
    public string? Protocol { get; init; }

    public decimal CurrentDoseMg { get; init; }

    /// <summary>Days taken at the current dose so far.</summary>
    public int DaysOnStep { get; init; }

    /// <summary>Days each step lasts before the next is due (14: the LDN Research Trust's 2 weeks, §3.2).</summary>
    public int StepDays { get; init; } = 14;

    /// <summary>The next step of the titration; null at the target dose.</summary>
    public decimal? NextDoseMg { get; init; }

    /// <summary>The step below the current one, if known (used to step down).</summary>
    public decimal? PreviousDoseMg { get; init; }

    /// <summary>When the dose is taken; null is read as bedtime, the default of §3.3.</summary>
    public ClockTime? DoseTime { get; init; }

    public Formulation Formulation { get; init; } = Formulation.Capsule;

    /// <summary>
    /// Days since the current arrangement began (the dose, its clock time or the formulation last
    /// changed, e.g. by a plan adjustment): 0 on the day of the change. Null when unknown, which never
    /// delays a rule. A rule with a settling time does not change anything again before it has passed.
    /// </summary>
    public int? DaysSinceChange { get; init; }

    /// <summary>What the last change was, for the settling sentence ("the dose was moved to the morning").</summary>
    public string? LastChange { get; init; }

    /// <summary>The day the advice is for ("today" of the safety checks); the core never reads the clock.</summary>
    public DateOnly? Today { get; init; }

    public IReadOnlyList<SideEffectReport> SideEffects { get; init; } = [];

    /// <summary>The patient reports a flare of their condition's symptoms.</summary>
    public bool Flare { get; init; }

    /// <summary>Medications and the conditions the safety checks look at.</summary>
    public PatientProfile Patient { get; init; } = new();

    public bool AtTarget => NextDoseMg is null;

    public bool StepComplete => DaysOnStep >= StepDays;

    /// <summary>
    /// A dose taken 18:00–05:59 (or at an unknown time, which the default protocol puts at bedtime).
    /// Why 18:00: practice guidance doses "between 21:00 and 03:00" or "at bedtime" (§3.2); naltrexone
    /// peaks about 1 h after a dose and its metabolite's half-life is ~13 h (pharmacology.md §1), so any
    /// dose from the early evening on has its peak blockade in the night, where sleep problems come from.
    /// </summary>
    public bool IsEveningDose => DoseTime is not { } time
        || time.MinutesSinceMidnight >= EveningStarts.MinutesSinceMidnight
        || time.MinutesSinceMidnight < MorningStarts.MinutesSinceMidnight;

    /// <summary>What the safety checks see: the current and next dose, medications, conditions, today.</summary>
    public SafetyContext ToSafetyContext() => new()
    {
        DosesMg = NextDoseMg is { } next ? [CurrentDoseMg, next] : [CurrentDoseMg],
        Patient = Patient,
        StartDate = Today,
    };

    /// <summary>Throws <see cref="InvalidInputException"/> for a state no rule can reason about.</summary>
    public void Validate()
    {
        if (CurrentDoseMg <= 0)
        {
            throw new InvalidInputException($"The current dose must be above 0 mg (got {Mg(CurrentDoseMg)}).");
        }

        if (NextDoseMg is { } next && next <= CurrentDoseMg)
        {
            throw new InvalidInputException($"The next dose ({Mg(next)}) must be above the current dose ({Mg(CurrentDoseMg)}); leave it out at the target dose.");
        }

        if (PreviousDoseMg is { } previous && (previous <= 0 || previous >= CurrentDoseMg))
        {
            throw new InvalidInputException($"The previous dose ({Mg(previous)}) must be above 0 mg and below the current dose ({Mg(CurrentDoseMg)}).");
        }

        if (DaysOnStep < 0)
        {
            throw new InvalidInputException($"Days on the current step cannot be negative (got {DaysOnStep}).");
        }

        if (StepDays < 1)
        {
            throw new InvalidInputException($"A step must last at least 1 day (got {StepDays}).");
        }

        foreach (var s in SideEffects)
        {
            if (!SideEffectKinds.IsKnown(s.Kind))
            {
                _ = SideEffectKinds.Parse(s.Kind);
            }

            if (s.DaysOngoing < 0)
            {
                throw new InvalidInputException($"A side effect cannot have gone on for a negative number of days (got {s.DaysOngoing} for {s.Kind}).");
            }
        }
    }

    /// <summary>"4.5 mg": the dose as every front end writes it (up to 3 decimals, invariant culture).</summary>
    public static string Mg(decimal dose) => dose.ToString("0.###", CultureInfo.InvariantCulture) + " mg";
}
