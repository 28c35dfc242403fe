using Ldn.Core.Evidence;
using Xunit;

namespace Ldn.Core.Tests.Evidence;

/// <summary>Each validation rule, on small inline files.</summary>
public sealed class EvidenceValidationTests
{
    private const string Valid = """
        schema: ldn-evidence/1
        id: test-condition
        name: Test condition
        aliases: [tc, "Test's"]
        summary: One sentence.
        studies:
          - authors: Doe J, Roe R
            year: 2011
            journal: Test J 2011;1:1-2
            doi: 10.1000/test
            pmid: "123"
            design: RCT
            grade: rct
            n: 40
            doseMg: 4.5
            durationWeeks: 12
            outcome: score
            result: Better.
        """;

    private const string Other = """
        schema: ldn-evidence/1
        id: other-condition
        name: Other condition
        aliases: [oc]
        summary: Nothing known.
        studies: []
        """;

    private static EvidenceSet Parse(params string[] files) => EvidenceSet.Parse(files.Select((f, i) => (f, $"file{i + 1}.yaml")));

    private static string Error(params string[] files)
    {
        var e = Assert.Throws<InvalidInputException>(() => Parse(files));
        Assert.DoesNotContain('\n', e.Message);
        Assert.EndsWith(".", e.Message.TrimEnd('?'), StringComparison.Ordinal);
        return e.Message;
    }

    [Fact]
    public void The_valid_files_load()
    {
        var set = Parse(Valid, Other);
        Assert.Equal(["test-condition", "other-condition"], set.Conditions.Select(c => c.Id));
        Assert.Equal(EvidenceGrade.Rct, set.Conditions[0].BestGrade);
        Assert.Equal(EvidenceGrade.None, set.Conditions[1].BestGrade);
    }

    [Fact]
    public void A_review_counts_as_the_strongest_design_it_pools_and_an_indirect_study_counts_for_nothing()
    {
        var review = Valid.Replace("grade: rct", "grade: systematic-review\n    pooledGrade: open-label-pilot", StringComparison.Ordinal);
        Assert.Equal(EvidenceGrade.OpenLabelPilot, Parse(review).Conditions[0].BestGrade);
        var ofTrials = Valid.Replace("grade: rct", "grade: systematic-review\n    pooledGrade: crossover-rct", StringComparison.Ordinal);
        Assert.Equal(EvidenceGrade.SystematicReview, Parse(ofTrials).Conditions[0].BestGrade);
        var indirect = Valid.Replace("grade: rct", "grade: rct\n    indirect: true", StringComparison.Ordinal);
        Assert.Equal(EvidenceGrade.None, Parse(indirect).Conditions[0].BestGrade);
    }

    [Theory]
    [InlineData("grade: systematic-review", "without a 'pooledGrade'")]
    [InlineData("grade: rct\n    pooledGrade: rct", "not a systematic review")]
    [InlineData("grade: systematic-review\n    pooledGrade: systematic-review", "not a primary-study grade")]
    public void Pooled_grades_are_checked(string replacement, string expected) =>
        Assert.Contains(expected, Error(Valid.Replace("grade: rct", replacement, StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void A_study_without_a_citation_is_an_error()
    {
        var text = Valid.Replace("    doi: 10.1000/test\n", "", StringComparison.Ordinal).Replace("    pmid: \"123\"\n", "", StringComparison.Ordinal);
        Assert.Contains("has no citation", Error(text), StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_alone_is_a_citation()
    {
        var text = Valid.Replace("    doi: 10.1000/test\n", "", StringComparison.Ordinal).Replace("    pmid: \"123\"\n", "    source: Press release, 2005.\n", StringComparison.Ordinal);
        Assert.Equal("Press release, 2005.", Parse(text).Conditions[0].Studies[0].Source);
    }

    [Theory]
    [InlineData("grade: rct", "grade: meta-analysis", "not on the scale")]
    [InlineData("grade: rct", "grade: RCTs", "not on the scale")]
    [InlineData("year: 2011", "year: 1979", "outside 1980..2026")]
    [InlineData("year: 2011", "year: 2027", "outside 1980..2026")]
    [InlineData("n: 40", "n: -1", "negative n")]
    [InlineData("doi: 10.1000/test", "doi: doi:10.1000/test", "does not start with '10.'")]
    [InlineData("pmid: \"123\"", "pmid: PMID123", "not a number")]
    [InlineData("journal: Test J 2011;1:1-2", "journal: not captured", "not captured")]
    [InlineData("schema: ldn-evidence/1", "schema: ldn-evidence/2", "schema: ldn-evidence/1")]
    [InlineData("    result: Better.", "", "has no 'result'")]
    [InlineData("id: test-condition", "id: Test Condition", "not kebab-case")]
    [InlineData("    grade: rct\n", "    grade: rct\n    status: withdrawn\n", "registeredTrials")]
    public void Broken_values_are_errors(string from, string to, string expected)
    {
        var text = Valid.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);
        Assert.Contains(expected, Error(text), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_typo_is_an_error_naming_the_file_and_line()
    {
        var message = Error(Valid.Replace("journal:", "journl:", StringComparison.Ordinal));
        Assert.Contains("'file1.yaml'", message, StringComparison.Ordinal);
        Assert.Contains("line 9", message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'journl'", message, StringComparison.Ordinal);
        Assert.DoesNotContain("StudySection", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_referring_to_an_unknown_condition_is_an_error()
    {
        var text = Valid.Replace("    result: Better.", "    result: Better.\n    alsoFor: [other-conditon]", StringComparison.Ordinal);
        var message = Error(text, Other);
        Assert.Contains("unknown condition 'other-conditon'", message, StringComparison.Ordinal);
        Assert.Contains("did you mean other-condition", message, StringComparison.Ordinal);
        var shared = Parse(text.Replace("other-conditon", "other-condition", StringComparison.Ordinal), Other);
        Assert.Single(shared.Find("oc").Studies);
    }

    [Fact]
    public void A_claim_or_finding_naming_an_unknown_condition_is_an_error()
    {
        const string claims = """
            schema: ldn-evidence/1
            claims:
              - id: c
                claim: X cures Y.
                verdict: No.
                rating: contradicted
                basis: Nothing.
                conditions: [nowhere]
            """;
        Assert.Contains("unknown condition 'nowhere'", Error(Valid, claims), StringComparison.Ordinal);
        const string effects = """
            schema: ldn-evidence/1
            sideEffects:
              - id: insomnia
                name: Insomnia
                summary: Sleep.
                findings:
                  - source: A 2000
                    condition: nowhere
                    text: 1/2.
            """;
        Assert.Contains("unknown condition 'nowhere'", Error(Valid, effects), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_and_aliases_are_errors()
    {
        Assert.Contains("defined twice", Error(Valid, Valid), StringComparison.Ordinal);
        Assert.Contains("'tc'", Error(Valid, Other.Replace("aliases: [oc]", "aliases: [oc, TC]", StringComparison.Ordinal)).Replace("TC", "tc", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("must be unique", Error(Valid, Other.Replace("aliases: [oc]", "aliases: [tests]", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_yaml_is_one_sentence()
    {
        Assert.Contains("is not valid at line", Error("schema: ldn-evidence/1\nid: [unclosed\n"), StringComparison.Ordinal);
        Assert.Contains("is empty", Error("  \n"), StringComparison.Ordinal);
    }
}
