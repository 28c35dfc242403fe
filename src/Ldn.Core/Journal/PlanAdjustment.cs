namespace Ldn.Core.Journal;

/// <summary>
/// The changes <c>ldn journal plan adjust</c> makes, named as the adjustment rules name their actions
/// (hold, step-down, advance, move-to-morning, move-to-evening).
/// </summary>
public enum PlanAdjustment
{
    /// <summary>Keep the current dose from the date on; the later steps wait until <see cref="Advance"/>.</summary>
    Hold,

    /// <summary>Go back to the previous step's dose from the date on, and stay there until <see cref="Advance"/>.</summary>
    StepDown,

    /// <summary>Go to the next step from the date on; the steps after it follow with their own lengths.</summary>
    Advance,

    /// <summary>The same doses, taken in the morning (08:00 unless a time is given).</summary>
    MoveToMorning,

    /// <summary>The same doses, taken in the evening (22:00 unless a time is given).</summary>
    MoveToEvening,
}

/// <summary>The words of <see cref="PlanAdjustment"/>.</summary>
public static class PlanAdjustments
{
    public static IReadOnlyList<PlanAdjustment> All { get; } = Enum.GetValues<PlanAdjustment>();

    public static string Name(PlanAdjustment adjustment) => adjustment switch
    {
        PlanAdjustment.Hold => "hold",
        PlanAdjustment.StepDown => "step-down",
        PlanAdjustment.Advance => "advance",
        PlanAdjustment.MoveToMorning => "move-to-morning",
        PlanAdjustment.MoveToEvening => "move-to-evening",
        _ => throw new ArgumentOutOfRangeException(nameof(adjustment)),
    };

    /// <exception cref="InvalidInputException">Not an adjustment; the sentence lists them.</exception>
    public static PlanAdjustment Parse(string text) => Text.EnumWords.Parse<PlanAdjustment>(text, Name, "a plan adjustment");
}
