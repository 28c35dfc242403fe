using System.Text.Json;
using Ldn.Tests.Shared;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 12 item 5 on the command line: the clinical dose evidence comes before any model output, the
/// rebound/inflammation output is marked as a what-if, and no output states a dose finding.
/// </summary>
public sealed class DoseMessagesTests
{
    [Fact]
    public void Dose_response_shows_the_evidence_first_and_no_finding()
    {
        var (code, stdout, _) = CliRunner.Run("dose-response", "--doses", "0.5,1.5,4.5,50");
        Assert.Equal(0, code);

        // ED50 3.88 mg (Bruun-Plesner 2020) and the FINAL 6 mg result precede the first model table.
        var evidence = stdout.IndexOf("3.88 mg", StringComparison.Ordinal);
        var final = stdout.IndexOf("not superior to placebo", StringComparison.Ordinal);
        var model = stdout.IndexOf("MOR peak", StringComparison.Ordinal);
        Assert.InRange(evidence, 0, model);
        Assert.InRange(final, 0, model);
        Assert.Contains("what-if (model hypothesis, not a finding)", stdout, StringComparison.Ordinal);
        Assert.Empty(FindingPhrases.Findings(stdout));
    }

    [Fact]
    public void Dose_response_json_adds_evidence_what_if_marks_and_a_sensitivity_table_that_matches_the_rows()
    {
        var (code, stdout, _) = CliRunner.Run("dose-response", "--doses", "0.5,1.5,3,4.5", "--structure", "all", "--sensitivity", "--json");
        Assert.Equal(0, code);
        Assert.Empty(FindingPhrases.Findings(stdout));
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("evidence", root.EnumerateObject().First().Name);

        var first = root.GetProperty("evidence")[0];
        Assert.Contains("Bruun-Plesner", first.GetProperty("study").GetString(), StringComparison.Ordinal);
        Assert.Contains("PMID 32068870", first.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Contains(first.GetProperty("numbers").EnumerateArray(), n => n.GetProperty("name").GetString() == "ED95" && n.GetProperty("value").GetDouble() == 5.40);
        Assert.Contains(root.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("doseMg")[0].GetDouble() == 6);

        Assert.True(root.GetProperty("inflammation").GetProperty("whatIf").GetBoolean());
        Assert.All(root.GetProperty("verdicts").EnumerateArray(), v =>
        {
            Assert.True(v.GetProperty("whatIf").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(v.GetProperty("whatIfNote").GetString()));
        });

        // The sensitivity table's 1× row is the same model as the sweep: its 4.5 mg cells equal the rows'.
        var sensitivity = root.GetProperty("sensitivity");
        Assert.True(sensitivity.GetProperty("whatIf").GetBoolean());
        var rows = sensitivity.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        var unit = rows.Single(r => r.GetProperty("multiplier").ValueKind == JsonValueKind.Number && r.GetProperty("multiplier").GetDouble() == 1);
        foreach (var cell in unit.GetProperty("cells").EnumerateArray())
        {
            var row = root.GetProperty("rows").EnumerateArray().Single(r =>
                r.GetProperty("scenario").GetString() == cell.GetProperty("structure").GetString() && r.GetProperty("doseMg").GetDouble() == 4.5);
            Assert.Equal(row.GetProperty("inflammationChangeWeek12").GetDouble(), cell.GetProperty("inflammationChangeAtReference").GetDouble(), 12);
        }
    }

    [Fact]
    public void Markdown_prints_the_evidence_then_the_table()
    {
        var (code, stdout, _) = CliRunner.Run("dose-response", "--markdown");
        Assert.Equal(0, code);
        Assert.InRange(stdout.IndexOf("3.88 mg", StringComparison.Ordinal), 0, stdout.IndexOf("| α_P |", StringComparison.Ordinal));
        Assert.Contains("| from Kosten 1986 (per structure) |", stdout, StringComparison.Ordinal);
        Assert.Empty(FindingPhrases.Findings(stdout));
    }

    [Fact]
    public void Simulate_shows_the_evidence_first_and_marks_inflammation_as_a_what_if()
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--every", "24h", "--count", "84");
        Assert.Equal(0, code);
        Assert.InRange(stdout.IndexOf("5.40 mg", StringComparison.Ordinal), 0, stdout.IndexOf("MOR blockade peak", StringComparison.Ordinal));
        Assert.Contains("Inflammation change at week 12 (what-if)", stdout, StringComparison.Ordinal);
        Assert.Empty(FindingPhrases.Findings(stdout));

        var (jsonCode, json, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--every", "24h", "--count", "84", "--json");
        Assert.Equal(0, jsonCode);
        Assert.Empty(FindingPhrases.Findings(json));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("evidence", doc.RootElement.EnumerateObject().First().Name);
        Assert.True(doc.RootElement.GetProperty("inflammation").GetProperty("whatIf").GetBoolean());
        Assert.Contains("not a finding", doc.RootElement.GetProperty("inflammation").GetProperty("whatIfNote").GetString(), StringComparison.Ordinal);
        Assert.Equal(7, doc.RootElement.GetProperty("evidence").GetArrayLength());
    }
}
