using Ldn.Core.Advice;
using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>What the day's dose log says.</summary>
public enum DoseStatus
{
    /// <summary>Nothing logged.</summary>
    NotLogged,

    /// <summary>A skipped dose logged and no dose taken.</summary>
    Skipped,

    /// <summary>At least one dose taken.</summary>
    Taken,
}

/// <summary>When the day's doses were taken, on the patient's local clock.</summary>
public enum DoseTiming
{
    None,

    /// <summary>18:00–05:59 (by default): the usual LDN bedtime dose.</summary>
    Bedtime,

    /// <summary>06:00–17:59: morning or daytime dosing (the switch advised after sleep problems).</summary>
    Morning,

    /// <summary>Doses on both sides of the line on one day.</summary>
    Mixed,
}

/// <summary>The five check-in scales.</summary>
public enum Symptom
{
    Fatigue,
    Pain,
    Sleep,
    Mood,
    Focus,
}

/// <summary>
/// One row of the day table: one local calendar day of the patient. Symptom means are NaN without a
/// check-in for that scale. <see cref="LevelMg"/> is the daily dose of the most recent dose-day
/// (null before the first dose and after a lapse); <see cref="DaysAtLevel"/> counts from the day that
/// level started (0 on the change day).
/// </summary>
public sealed record JournalDay(
    LocalDate Date,
    DoseStatus Dose,
    decimal DoseMg,
    int DoseCount,
    LocalTime? DoseTime,
    DoseTiming Timing,
    decimal? LevelMg,
    int DaysAtLevel,
    double Fatigue,
    double Pain,
    double Sleep,
    double Mood,
    double Focus,
    IReadOnlyList<string> SideEffects,
    SideEffectSeverity? MaxSeverity,
    bool Flare)
{
    public bool AnySideEffect => SideEffects.Count > 0;

    public double Score(Symptom symptom) => symptom switch
    {
        Symptom.Fatigue => Fatigue,
        Symptom.Pain => Pain,
        Symptom.Sleep => Sleep,
        Symptom.Mood => Mood,
        Symptom.Focus => Focus,
        _ => throw new ArgumentOutOfRangeException(nameof(symptom), symptom, null),
    };
}
