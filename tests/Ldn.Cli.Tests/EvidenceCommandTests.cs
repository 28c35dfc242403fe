using System.Text.Json;
using Xunit;

namespace Ldn.Cli.Tests;

public sealed class EvidenceCommandTests
{
    [Fact]
    public void Crohns_json_follows_the_contract_and_holds_smith_2011()
    {
        var (code, stdout, stderr) = CliRunner.Run("evidence", "crohns", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var condition = Assert.Single(doc.RootElement.GetProperty("conditions").EnumerateArray());
        Assert.Equal("crohns-disease", condition.GetProperty("id").GetString());
        Assert.Equal("Crohn's disease", condition.GetProperty("name").GetString());
        Assert.Equal("systematic-review", condition.GetProperty("bestGrade").GetString());
        var studies = condition.GetProperty("studies").EnumerateArray().ToList();
        foreach (var study in studies)
        {
            foreach (var field in new[] { "authors", "year", "journal", "doi", "pmid", "design", "n", "doseMg", "durationWeeks", "outcome", "result", "grade" })
            {
                Assert.True(study.TryGetProperty(field, out _), field);
            }
        }

        var smith = Assert.Single(studies, s => s.GetProperty("pmid").GetString() == "21380937");
        Assert.StartsWith("Smith JP", smith.GetProperty("authors").GetString(), StringComparison.Ordinal);
        Assert.Equal(2011, smith.GetProperty("year").GetInt32());
        Assert.Equal(40, smith.GetProperty("n").GetInt32());
        Assert.Equal(4.5, smith.GetProperty("doseMg").GetDouble());
        Assert.Equal(12, smith.GetProperty("durationWeeks").GetDouble());
        Assert.Equal("rct", smith.GetProperty("grade").GetString());
        Assert.Equal("10.1007/s10620-011-1653-7", smith.GetProperty("doi").GetString());
        Assert.Equal(JsonValueKind.Null, studies.First(s => s.GetProperty("pmid").GetString() == "23188075").GetProperty("doseMg").ValueKind);
        Assert.Equal("systematic-review", studies[0].GetProperty("grade").GetString());
        Assert.Contains("not medical advice", doc.RootElement.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Contains(doc.RootElement.GetProperty("sideEffects").EnumerateArray(), s => s.GetProperty("id").GetString() == "vivid-dreams");
    }

    [Fact]
    public void All_conditions_json_is_one_document_strongest_first()
    {
        var (code, stdout, _) = CliRunner.Run("evidence", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var grades = doc.RootElement.GetProperty("grades").EnumerateArray().Select(g => g.GetString()!).ToList();
        var conditions = doc.RootElement.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Equal(21, conditions.Count);
        var ranks = conditions.Select(c => grades.IndexOf(c.GetProperty("bestGrade").GetString()!)).ToList();
        Assert.DoesNotContain(-1, ranks);
        Assert.Equal(ranks.Order(), ranks);
        var sle = Assert.Single(conditions, c => c.GetProperty("id").GetString() == "systemic-lupus-erythematosus");
        Assert.Equal("none", sle.GetProperty("bestGrade").GetString());
        Assert.Empty(sle.GetProperty("studies").EnumerateArray());
        Assert.Equal(6, doc.RootElement.GetProperty("claims").GetArrayLength());
    }

    [Fact]
    public void Lupus_says_no_study_was_found()
    {
        var (code, stdout, stderr) = CliRunner.Run("evidence", "lupus");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("Systemic lupus erythematosus", stdout, StringComparison.Ordinal);
        Assert.Contains("No published study found", stdout, StringComparison.Ordinal);
        Assert.Contains("not medical advice", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_lists_studies_with_grade_and_citation()
    {
        var (code, stdout, _) = CliRunner.Run("evidence", "FM");
        Assert.Equal(0, code);
        Assert.Contains("best grade: systematic review", stdout, StringComparison.Ordinal);
        Assert.Contains("Bruun KD 2024", stdout, StringComparison.Ordinal);
        Assert.Contains("NCT04739995", stdout, StringComparison.Ordinal);
        Assert.Contains("Vivid dreams", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xyz", "known conditions:")]
    [InlineData("fibromyalga", "did you mean fibromyalgia?")]
    public void An_unknown_condition_exits_2_with_one_line_and_a_suggestion(string name, string suggestion)
    {
        var (code, stdout, stderr) = CliRunner.Run("evidence", name);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"Unknown condition '{name}'", line, StringComparison.Ordinal);
        Assert.Contains(suggestion, line, StringComparison.Ordinal);
    }
}
