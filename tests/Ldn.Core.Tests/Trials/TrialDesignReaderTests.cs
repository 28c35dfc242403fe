using Ldn.Core.Trials;
using Xunit;

namespace Ldn.Core.Tests.Trials;

public sealed class TrialDesignReaderTests
{
    private const string Valid = """
        schema: ldn-trial/1
        id: test
        name: Test trial
        citation: None.
        condition: crohns-disease
        design: parallel
        weeks: 12
        arms:
          - name: LDN
            n: 10
            doseMg: 4.5
          - name: Placebo
            n: 10
            doseMg: 0
        """;

    [Fact]
    public void A_valid_design_reads_with_the_conditions_responder_rule()
    {
        var design = TrialDesignReader.Read(Valid, "test.yaml");
        Assert.Equal("crohns-disease", design.Condition.Id);
        Assert.Equal(20, design.SubjectsPerRepetition);
        Assert.Equal(design.Condition.Parameters.Responder, design.Responder);
        Assert.Equal(84, design.PlannedDoses(design.Arms[0]).Count);
        Assert.Empty(design.PlannedDoses(design.Arms[1]));
    }

    [Theory]
    [InlineData("n: 10\n    doseMg: 4.5", "n: 0\n    doseMg: 4.5", "n = 0")]
    [InlineData("n: 10\n    doseMg: 4.5", "n: 100001\n    doseMg: 4.5", "100,000")]
    [InlineData("weeks: 12", "weeks: 0", "0 weeks")]
    [InlineData("weeks: 12", "weeks: -3", "-3 weeks")]
    [InlineData("condition: crohns-disease", "condition: gout", "unknown condition 'gout'")]
    [InlineData("design: parallel", "design: parallel\ncolour: blue", "unknown key 'colour'")]
    [InlineData("design: parallel", "design: factorial", "neither 'parallel' nor 'crossover'")]
    public void Mistakes_give_one_sentence(string from, string to, string expected)
    {
        var yaml = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, yaml);
        var error = Assert.Throws<InvalidInputException>(() => TrialDesignReader.Read(yaml, "test.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("The trial file 'test.yaml'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_presets_load_and_final_titrates_to_6_mg()
    {
        Assert.Superset(new HashSet<string> { "smith-2011", "younger-2013", "final-2024", "cree-2010" }, TrialPresets.Names.ToHashSet());
        var final = TrialPresets.Find("final-2024");
        var doses = final.PlannedDoses(final.Arms[0]);
        Assert.Equal(84, doses.Count);
        Assert.Equal([1.5, 3, 4.5, 6], doses.Select(d => d.Amount.Milligrams).Distinct());
        Assert.Equal(6, doses[21].Amount.Milligrams);
        Assert.Equal(4.5, doses[20].Amount.Milligrams);
        var younger = TrialPresets.Find("younger-2013");
        Assert.Equal(-0.288 * 6.5, younger.Arms[0].PublishedMeanChange!.Value, 9);
        Assert.Throws<InvalidInputException>(() => TrialPresets.Find("nope"));
    }
}
