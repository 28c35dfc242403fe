using Ldn.Core.Safety;

namespace Ldn.Core.Advice;

/// <summary>
/// The decision for one state: an action from <see cref="AdviceActions"/>, one sentence why, the source
/// of the rule, its id, the dose to take next (null when the advice is to stop) and every safety finding.
/// </summary>
public sealed record Advice(string Action, string Reason, string Source, string RuleId, decimal? SuggestedDoseMg, IReadOnlyList<SafetyFinding> Safety);

/// <summary>The six actions a rule may decide, as written in the rule file and in JSON.</summary>
public static class AdviceActions
{
    public const string Advance = "advance";
    public const string Hold = "hold";
    public const string StepDown = "step-down";
    public const string MoveToMorning = "move-to-morning";
    public const string ChangeFormulation = "change-formulation";
    public const string StopAndContactPrescriber = "stop-and-contact-prescriber";

    public static IReadOnlyList<string> All { get; } = [Advance, Hold, StepDown, MoveToMorning, ChangeFormulation, StopAndContactPrescriber];
}
