using Ldn.Core.Advice;
using Ldn.Core.Tests.Pharmacology;
using Xunit;

namespace Ldn.Core.Tests.Advice;

public sealed class RuleFileTests
{
    private const string Valid = """
        schema: ldn-rules/1
        rules:
          - id: stop
            when: { safety: hard-stop }
            action: stop-and-contact-prescriber
            reason: Stop.
            source: s1
          - id: sleep
            when:
              sideEffect: { kinds: [insomnia], minSeverity: moderate, minDays: 3, doseTime: evening, formulation: [capsule] }
            action: move-to-morning
            reason: "{kind} for {days} days: morning."
            source: s2
          - id: go
            when: { stepComplete: true, anySideEffect: false, atTarget: false, daysOnStep: { atLeast: 14 } }
            action: advance
            reason: Up to {next}.
            source: s3
          - id: stay
            when: {}
            action: hold
            reason: Stay on {dose}.
            source: s4
        """;

    [Fact]
    public void A_valid_file_reads_in_order_and_decides()
    {
        var rules = RuleSet.Parse(Valid, "inline.yaml");
        Assert.Equal(["stop", "sleep", "go", "stay"], rules.Rules.Select(r => r.Id));
        Assert.Equal("go", rules.Decide(AdjustmentRuleTests.Quiet with { DaysOnStep = 14 }).RuleId);
        Assert.Equal("stay", rules.Decide(AdjustmentRuleTests.Quiet).RuleId);
    }

    [Fact]
    public void The_shipped_file_is_the_compiled_in_one_and_reads()
    {
        var path = Path.Combine(ParameterFileTests.RepositoryRoot(), "data", "rules", "adjustment.yaml");
        var fromDisk = RuleSet.Parse(File.ReadAllText(path), path);
        Assert.Equal(AdjustmentRules.Default.Rules.Select(r => (r.Id, r.Action, r.Reason)), fromDisk.Rules.Select(r => (r.Id, r.Action, r.Reason)));
    }

    [Theory]
    [InlineData("action: move-to-morning", "acton: move-to-morning", "unknown key 'acton'")]
    [InlineData("sideEffect: {", "sideEfect: {", "unknown key 'sideEfect'")]
    [InlineData("stepComplete: true", "stepDone: true", "unknown key 'stepDone'")]
    [InlineData("minSeverity: moderate,", "minSeverty: moderate,", "did you mean 'minSeverity'?")]
    [InlineData("action: advance", "action: jump", "'jump' is not an action")]
    [InlineData("id: go", "id: sleep", "uses the rule id 'sleep' twice")]
    [InlineData("kinds: [insomnia]", "kinds: [insomina]", "'insomina' is not a side-effect kind")]
    [InlineData("minSeverity: moderate,", "minSeverity: awful,", "must be mild, moderate or severe")]
    [InlineData("doseTime: evening", "doseTime: noon", "must be evening or morning")]
    [InlineData("safety: hard-stop", "safety: fatal", "is not a severity")]
    [InlineData("Up to {next}.", "Up to {nextDose}.", "unknown placeholder '{nextDose}'")]
    [InlineData("Up to {next}.", "Up to {kind}.", "no 'sideEffect' condition")]
    [InlineData("schema: ldn-rules/1", "schema: ldn-rules/2", "must declare 'schema: ldn-rules/1'")]
    [InlineData("formulation: [capsule]", "formulation: [pill]", "'pill' is not a known formulation")]
    [InlineData("source: s3", "source: ''", "needs a 'reason' and a 'source'")]
    public void Mistakes_in_a_rule_file_are_one_sentence_naming_the_file(string find, string replace, string expected)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var e = Assert.Throws<InvalidInputException>(() => RuleSet.Parse(Valid.Replace(find, replace, StringComparison.Ordinal), "inline.yaml"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("The rule file 'inline.yaml'", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_file_without_a_catch_all_is_rejected()
    {
        var withoutCatchAll = Valid[..Valid.IndexOf("  - id: stay", StringComparison.Ordinal)];
        var e = Assert.Throws<InvalidInputException>(() => RuleSet.Parse(withoutCatchAll, "inline.yaml"));
        Assert.Contains("must end with a catch-all rule", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catch_all_before_the_end_is_rejected()
    {
        var e = Assert.Throws<InvalidInputException>(() => RuleSet.Parse(Valid.Replace("when: { safety: hard-stop }", "when: {}", StringComparison.Ordinal), "inline.yaml"));
        Assert.Contains("after the catch-all 'stop'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("schema: ldn-rules/1\nrules: []")]
    [InlineData("schema: ldn-rules/1\nrules: [ { id: x, action: hold, reason: r, source: s } ]")]
    [InlineData("rules: [")]
    public void Empty_or_broken_files_are_rejected(string yaml) =>
        Assert.StartsWith("The rule file 'inline.yaml'", Assert.Throws<InvalidInputException>(() => RuleSet.Parse(yaml, "inline.yaml")).Message, StringComparison.Ordinal);
}
