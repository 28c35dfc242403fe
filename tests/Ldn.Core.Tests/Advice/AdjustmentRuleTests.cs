using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Safety;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Advice;

public sealed class AdjustmentRuleTests
{
    /// <summary>3 mg on day 5 of a 14-day step towards 4.5 mg, capsule at 22:00, nothing reported.</summary>
    internal static readonly AdviceState Quiet = new()
    {
        CurrentDoseMg = 3m,
        DaysOnStep = 5,
        StepDays = 14,
        NextDoseMg = 4.5m,
        PreviousDoseMg = 1.5m,
        DoseTime = ClockTime.Parse("22:00"),
        Formulation = Formulation.Capsule,
        Today = new DateOnly(2026, 12, 15),
    };

    private static SideEffectReport Side(string kind, SideEffectSeverity severity, int days = 1) => new(kind, severity, days);

    /// <summary>One state per rule of data/rules/adjustment.yaml, built to make exactly that rule fire.</summary>
    internal static readonly Dictionary<string, AdviceState> Cases = new(StringComparer.Ordinal)
    {
        ["opioid-hard-stop"] = Quiet with { Patient = Quiet.Patient with { Medications = [new MedicationUse("Tramadol 50 mg")] } },
        ["dose-outside-ldn"] = Quiet with { CurrentDoseMg = 12m, NextDoseMg = null, PreviousDoseMg = 4.5m },
        ["low-mood"] = Quiet with { SideEffects = [Side(SideEffectKinds.LowMood, SideEffectSeverity.Mild, 2)] },
        ["severe-side-effect"] = Quiet with { SideEffects = [Side(SideEffectKinds.Headache, SideEffectSeverity.Severe)] },
        ["palpitations-on-thyroid-replacement"] = Quiet with { SideEffects = [Side(SideEffectKinds.Palpitations, SideEffectSeverity.Mild, 2)], Patient = Quiet.Patient with { ThyroidReplacement = true } },
        ["sleep-evening-dose"] = Quiet with { SideEffects = [Side(SideEffectKinds.Insomnia, SideEffectSeverity.Moderate, 4)] },
        ["sleep-morning-dose"] = Quiet with { DoseTime = ClockTime.Parse("08:00"), SideEffects = [Side(SideEffectKinds.VividDreams, SideEffectSeverity.Mild, 5)] },
        ["gi-upset-capsule"] = Quiet with { SideEffects = [Side(SideEffectKinds.Nausea, SideEffectSeverity.Moderate, 2)] },
        ["gi-upset-persisting"] = Quiet with { Formulation = Formulation.Sublingual, SideEffects = [Side(SideEffectKinds.Diarrhoea, SideEffectSeverity.Moderate, 3)] },
        ["moderate-side-effect"] = Quiet with { SideEffects = [Side(SideEffectKinds.Headache, SideEffectSeverity.Moderate, 2)] },
        ["flare"] = Quiet with { DaysOnStep = 20, Flare = true },
        ["clinician-confirmation"] = Quiet with { DaysOnStep = 20, Patient = Quiet.Patient with { Pregnant = true } },
        ["planned-surgery"] = Quiet with { DaysOnStep = 20, Patient = Quiet.Patient with { PlannedSurgery = new DateOnly(2027, 1, 10) } },
        ["mild-side-effect"] = Quiet with { DaysOnStep = 20, SideEffects = [Side(SideEffectKinds.Headache, SideEffectSeverity.Mild)] },
        ["at-target"] = Quiet with { CurrentDoseMg = 4.5m, PreviousDoseMg = 3m, NextDoseMg = null, DaysOnStep = 30 },
        ["advance"] = Quiet with { DaysOnStep = 15 },
        ["stay-on-step"] = Quiet,
    };

    public static TheoryData<string> RuleIds => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_fires_for_the_state_built_for_it(string ruleId)
    {
        var advice = AdjustmentRules.Decide(Cases[ruleId]);
        Assert.Equal(ruleId, advice.RuleId);
        var rule = AdjustmentRules.Default.Rules.Single(r => r.Id == ruleId);
        Assert.Equal(rule.Action, advice.Action);
        Assert.Equal(rule.Source, advice.Source);
        Assert.DoesNotContain("{", advice.Reason, StringComparison.Ordinal);
        Assert.EndsWith(".", advice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_in_the_data_file_has_a_test_case_and_every_case_a_rule()
    {
        var ids = AdjustmentRules.Default.Rules.Select(r => r.Id).ToList();
        Assert.Empty(ids.Except(Cases.Keys));
        Assert.Empty(Cases.Keys.Except(ids));
    }

    [Fact]
    public void The_opioid_rule_is_first_and_the_catch_all_last()
    {
        var rules = AdjustmentRules.Default.Rules;
        Assert.Equal("opioid-hard-stop", rules[0].Id);
        Assert.Equal(AdviceActions.StopAndContactPrescriber, rules[0].Action);
        Assert.True(rules[^1].When.IsCatchAll);
        Assert.Equal(AdviceActions.Hold, rules[^1].Action);
    }

    [Fact]
    public void Every_source_cites_a_section_or_says_the_rule_is_the_tools_own() =>
        Assert.All(AdjustmentRules.Default.Rules, r => Assert.True(r.Source.Contains('§', StringComparison.Ordinal) || r.Source.Contains("tool's own", StringComparison.Ordinal), r.Id));

    [Fact]
    public void Practice_guidance_rules_say_it_is_not_trial_evidence() =>
        Assert.All(AdjustmentRules.Default.Rules.Where(r => r.Action is AdviceActions.MoveToMorning or AdviceActions.ChangeFormulation or AdviceActions.Advance),
            r => Assert.Contains("practice guidance", r.Source, StringComparison.Ordinal));

    [Theory]
    [InlineData("advance", 4.5)]
    [InlineData("sleep-morning-dose", 1.5)]
    [InlineData("gi-upset-persisting", 1.5)]
    [InlineData("sleep-evening-dose", 3.0)]
    [InlineData("gi-upset-capsule", 3.0)]
    [InlineData("stay-on-step", 3.0)]
    [InlineData("opioid-hard-stop", null)]
    [InlineData("severe-side-effect", null)]
    public void The_suggested_dose_follows_the_action(string ruleId, double? expected) =>
        Assert.Equal((decimal?)expected, AdjustmentRules.Decide(Cases[ruleId]).SuggestedDoseMg);

    [Theory]
    [InlineData(3, 1.5)]
    [InlineData(4.5, 2)]
    [InlineData(1.5, 0.5)]
    [InlineData(1, 0.5)]
    [InlineData(0.5, 0.3)]
    [InlineData(0.2, 0.1)]
    public void Without_a_previous_dose_step_down_halves_to_a_half_milligram_step(double current, double expected) =>
        Assert.Equal((decimal)expected, RuleSet.SuggestedDose(AdviceActions.StepDown, Quiet with { CurrentDoseMg = (decimal)current, PreviousDoseMg = null, NextDoseMg = null }));

    [Fact]
    public void Reasons_fill_their_placeholders()
    {
        Assert.Equal("Insomnia for 4 days with an evening dose: take the same dose (3 mg) in the morning instead.", AdjustmentRules.Decide(Cases["sleep-evening-dose"]).Reason);
        Assert.Equal("15 days on 3 mg (step length 14) without side effects: go up to 4.5 mg.", AdjustmentRules.Decide(Cases["advance"]).Reason);
    }

    [Fact]
    public void Safety_findings_travel_with_the_advice()
    {
        var advice = AdjustmentRules.Decide(Cases["opioid-hard-stop"] with { Patient = Cases["opioid-hard-stop"].Patient with { Pregnant = true } });
        Assert.Equal([SafetyChecks.Codes.OpioidCurrent, SafetyChecks.Codes.Pregnancy], advice.Safety.Select(f => f.Code));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 14)]
    [InlineData(6, 13)]
    public void Sleep_problems_shorter_than_three_days_or_before_the_step_ends_do_not_move_or_advance(int daysOngoing, int daysOnStep)
    {
        var advice = AdjustmentRules.Decide(Quiet with { DaysOnStep = daysOnStep, SideEffects = [Side(SideEffectKinds.Insomnia, SideEffectSeverity.Mild, daysOngoing)] });
        Assert.Equal(daysOngoing >= 3 ? "sleep-evening-dose" : "mild-side-effect", advice.RuleId);
    }

    [Theory]
    [InlineData("05:59", true)]
    [InlineData("06:00", false)]
    [InlineData("17:59", false)]
    [InlineData("18:00", true)]
    [InlineData("23:30", true)]
    public void Evening_runs_from_18_00_to_05_59(string time, bool evening) =>
        Assert.Equal(evening, (Quiet with { DoseTime = ClockTime.Parse(time) }).IsEveningDose);

    [Fact]
    public void A_state_that_makes_no_sense_is_bad_input()
    {
        Assert.Throws<InvalidInputException>(() => AdjustmentRules.Decide(Quiet with { CurrentDoseMg = -1m }));
        Assert.Throws<InvalidInputException>(() => AdjustmentRules.Decide(Quiet with { DaysOnStep = -1 }));
        Assert.Throws<InvalidInputException>(() => AdjustmentRules.Decide(Quiet with { NextDoseMg = 3m }));
        Assert.Throws<InvalidInputException>(() => AdjustmentRules.Decide(Quiet with { SideEffects = [Side("sneezing", SideEffectSeverity.Mild)] }));
    }
}
