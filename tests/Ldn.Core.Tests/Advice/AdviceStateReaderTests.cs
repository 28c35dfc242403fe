using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Advice;

public sealed class AdviceStateReaderTests
{
    internal const string Example = """
        protocol: standard        # optional name
        currentDoseMg: 3
        daysOnStep: 15
        stepDays: 14
        nextDoseMg: 4.5mg
        previousDoseMg: 1500ug
        doseTime: "22:00"
        formulation: capsule
        today: 2026-12-15
        sideEffects: [ { kind: Sleep disturbance, severity: moderate, daysOngoing: 5 } ]
        flare: false
        medications: [ "Tramadol 50 mg", { name: "oxycodone", lastTaken: 2026-12-10 } ]
        conditions: { hepaticImpairment: false, renalImpairment: false, pregnant: false, breastfeeding: false, thyroidReplacement: true, transplantImmunosuppression: false }
        plannedSurgery: null
        """;

    private static AdviceState Read(string yaml) => AdviceStateReader.Read(yaml, "state.yaml");

    private static string Error(string yaml)
    {
        var e = Assert.Throws<InvalidInputException>(() => Read(yaml));
        Assert.StartsWith("The state file 'state.yaml'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    [Fact]
    public void The_documented_example_reads_with_string_and_object_medications()
    {
        var s = Read(Example);
        Assert.Equal("standard", s.Protocol);
        Assert.Equal((3m, 15, 14, (decimal?)4.5m, (decimal?)1.5m), (s.CurrentDoseMg, s.DaysOnStep, s.StepDays, s.NextDoseMg, s.PreviousDoseMg));
        Assert.Equal(ClockTime.Parse("22:00"), s.DoseTime);
        Assert.Equal(Formulation.Capsule, s.Formulation);
        Assert.Equal(new DateOnly(2026, 12, 15), s.Today);
        Assert.Equal(new SideEffectReport(SideEffectKinds.Insomnia, SideEffectSeverity.Moderate, 5), Assert.Single(s.SideEffects));
        Assert.Equal(["Tramadol 50 mg", "oxycodone"], s.Patient.Medications.Select(m => m.Name));
        Assert.Equal([null, new DateOnly(2026, 12, 10)], s.Patient.Medications.Select(m => m.LastTaken));
        Assert.True(s.Patient.ThyroidReplacement);
        Assert.Null(s.Patient.PlannedSurgery);
        Assert.Equal("opioid-hard-stop", AdjustmentRules.Decide(s).RuleId);
    }

    [Theory]
    [InlineData("standard", 3.0, 1.5, 4.5, 14)]
    [InlineData("standard", 1.5, null, 3.0, 14)]
    [InlineData("standard", 4.5, 3.0, null, null)]
    [InlineData("slow-start", 2.0, 1.5, 2.5, 7)]
    [InlineData("gentle", 0.5, null, 1.0, 14)]
    public void A_named_protocol_supplies_the_neighbouring_steps_and_the_step_length(string protocol, double current, double? previous, double? next, int? stepDays)
    {
        var s = Read($"protocol: {protocol}\ncurrentDoseMg: {current.ToString(System.Globalization.CultureInfo.InvariantCulture)}\ndaysOnStep: 20\n");
        Assert.Equal((decimal?)previous, s.PreviousDoseMg);
        Assert.Equal((decimal?)next, s.NextDoseMg);
        Assert.Equal(stepDays ?? 14, s.StepDays);
        Assert.Equal(next is null ? "at-target" : "advance", AdjustmentRules.Decide(s).RuleId);
    }

    [Fact]
    public void Values_written_in_the_file_win_over_the_protocol_and_a_dose_off_the_protocol_is_one_sentence()
    {
        var s = Read("protocol: standard\ncurrentDoseMg: 3\ndaysOnStep: 20\nstepDays: 28\nnextDoseMg: 3.5\n");
        Assert.Equal((28, (decimal?)3.5m, (decimal?)1.5m), (s.StepDays, s.NextDoseMg, s.PreviousDoseMg));
        Assert.Contains("2.75 mg is not a step of the protocol 'standard' (1.5, 3, 4.5 mg)", Error("protocol: standard\ncurrentDoseMg: 2.75\ndaysOnStep: 20\n"), StringComparison.Ordinal);
        Assert.Contains("did you mean standard", Error("protocol: standrad\ncurrentDoseMg: 3\ndaysOnStep: 20\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_reads_too_and_defaults_fill_the_rest()
    {
        var s = Read("""{"currentDoseMg": 1.5, "daysOnStep": 3, "sideEffects": [{"kind": "diarrhea", "severity": "mild"}], "medications": ["mesalazine"]}""");
        Assert.Equal((1.5m, 14, Formulation.Capsule, (ClockTime?)null, true), (s.CurrentDoseMg, s.StepDays, s.Formulation, s.DoseTime, s.AtTarget));
        Assert.Equal(SideEffectKinds.Diarrhoea, s.SideEffects[0].Kind);
        Assert.Equal(1, s.SideEffects[0].DaysOngoing);
    }

    [Theory]
    [InlineData("vivid dreams", SideEffectKinds.VividDreams)]
    [InlineData("Vivid-Dreams", SideEffectKinds.VividDreams)]
    [InlineData("sleep disturbance", SideEffectKinds.Insomnia)]
    [InlineData("diarrhea", SideEffectKinds.Diarrhoea)]
    [InlineData("abdominal pain", SideEffectKinds.AbdominalPain)]
    [InlineData("LOW MOOD", SideEffectKinds.LowMood)]
    public void Side_effect_kinds_accept_aliases(string text, string kind) => Assert.Equal(kind, SideEffectKinds.Parse(text));

    [Fact]
    public void A_dose_above_10_mg_is_not_an_input_error_but_a_refusal()
    {
        var s = Read("currentDoseMg: 12mg\ndaysOnStep: 2\n");
        var advice = AdjustmentRules.Decide(s);
        Assert.Equal(("dose-outside-ldn", AdviceActions.StopAndContactPrescriber), (advice.RuleId, advice.Action));
    }

    [Theory]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\nsideEfects: []", "unknown key 'sideEfects' at line 3 (did you mean 'sideEffects'?)")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\nconditions: { pregnent: true }", "unknown key 'pregnent'")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\nmedications: [ { name: x, lastTakn: 2026-01-01 } ]", "unknown key 'lastTakn'")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\nsideEffects: [ { kind: insomnai } ]", "did you mean 'insomnia'?")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\nsideEffects: [ { kind: insomnia, severity: awful } ]", "use mild, moderate or severe")]
    [InlineData("currentDoseMg: -3\ndaysOnStep: 1", "'currentDoseMg'")]
    [InlineData("currentDoseMg: 4.5kg\ndaysOnStep: 1", "'kg' is not a unit of mass")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\ndoseTime: \"25:00\"", "'doseTime'")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: -1", "negative")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: many", "line 2")]
    [InlineData("daysOnStep: 1", "gives no 'currentDoseMg'")]
    [InlineData("currentDoseMg: 3", "gives no 'daysOnStep'")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\nnextDoseMg: 2", "must be above the current dose")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\ntoday: 2026-13-01", "is not a date")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\nformulation: pill", "'pill' is not a known formulation")]
    [InlineData("", "is empty")]
    [InlineData("currentDoseMg: [", "line")]
    public void Bad_state_files_are_one_sentence_naming_the_file(string yaml, string expected) =>
        Assert.Contains(expected, Error(yaml), StringComparison.Ordinal);
}
