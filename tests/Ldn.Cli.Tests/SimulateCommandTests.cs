using System.Text.Json;
using Xunit;

namespace Ldn.Cli.Tests;

public sealed class SimulateCommandTests
{
    [Fact]
    public void Json_output_follows_the_contract_with_both_scenarios()
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--scenario", "both", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("22:00", root.GetProperty("regimen").GetProperty("startClock").GetString());
        var results = root.GetProperty("results");
        Assert.Equal(["A", "B"], results.EnumerateArray().Select(r => r.GetProperty("scenario").GetString()!));
        foreach (var result in results.EnumerateArray())
        {
            var summary = result.GetProperty("summary");
            foreach (var field in new[] { "parentCmaxNgPerMl", "parentTmaxHours", "parentAucNgHourPerMl", "metaboliteCmaxNgPerMl", "morPeak", "morTrough", "morMean", "hoursMorAbove25", "hoursMorAbove50" })
            {
                Assert.True(summary.GetProperty(field).GetDouble() >= 0, field);
            }

            var series = result.GetProperty("series");
            Assert.Equal((84 * 24) + 1, series.GetArrayLength());
            var point = series[1];
            foreach (var field in new[] { "timeHours", "parentNgPerMl", "metaboliteNgPerMl", "mor", "dor", "kor" })
            {
                Assert.Equal(JsonValueKind.Number, point.GetProperty(field).ValueKind);
            }
        }

        // Scenario B holds blockade all day; A lets it fall well below 25% before the next dose.
        var a = results[0].GetProperty("summary");
        var b = results[1].GetProperty("summary");
        Assert.True(b.GetProperty("morTrough").GetDouble() > 0.6);
        Assert.True(a.GetProperty("morTrough").GetDouble() < 0.1);
        Assert.Equal(24, b.GetProperty("hoursMorAbove50").GetDouble(), 6);
    }

    [Fact]
    public void The_default_view_is_a_table_with_the_notice()
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "1.5 mg");
        Assert.Equal(0, code);
        Assert.Contains("MOR blockade peak", stdout, StringComparison.Ordinal);
        Assert.Contains("not medical advice", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_and_report_are_written_and_json_stays_alone_on_stdout()
    {
        var folder = Directory.CreateTempSubdirectory("ldn-cli-");
        try
        {
            var csv = Path.Combine(folder.FullName, "series.csv");
            var html = Path.Combine(folder.FullName, "report.html");
            var (code, stdout, stderr) = CliRunner.Run("simulate", "--dose", "3mg", "--count", "3", "--csv", csv, "--report", html, "--json", "--scenario", "both");
            Assert.Equal(0, code);
            using (JsonDocument.Parse(stdout))
            {
                // Parsing is the assertion: nothing but the JSON document is on stdout.
            }

            Assert.Contains("series.csv", stderr, StringComparison.Ordinal);
            var lines = File.ReadAllLines(csv);
            Assert.Equal("scenario,timeHours,clock,parentNgPerMl,metaboliteNgPerMl,mor,dor,kor,opioidSignalling,receptorDensity,synthesis,inflammation,clinicalScore", lines[0]);
            Assert.Equal(1 + (2 * ((3 * 24) + 1)), lines.Length);
            Assert.StartsWith("A,0,22:00,0,0,0,0,0", lines[1], StringComparison.Ordinal);
            Assert.Contains("<canvas", File.ReadAllText(html), StringComparison.Ordinal);
            Assert.Empty(folder.GetFiles("*.tmp", SearchOption.TopDirectoryOnly).Concat(folder.GetFiles(".*.tmp")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("simulate", "--dose", "0")]
    [InlineData("simulate", "--dose", "-1mg")]
    [InlineData("simulate", "--dose", "4.5kg")]
    [InlineData("simulate", "--dose", "1e308mg")]
    [InlineData("simulate", "--dose", "4500mg")]
    [InlineData("simulate", "--dose", "4.5", "--at", "25:00")]
    [InlineData("simulate", "--dose", "4.5", "--count", "0")]
    [InlineData("simulate", "--dose", "4.5", "--count", "2147483647")]
    [InlineData("simulate", "--dose", "4.5", "--count", "many")]
    [InlineData("simulate", "--dose", "4.5", "--horizon", "100y")]
    [InlineData("simulate", "--dose", "4.5", "--every", "0h")]
    [InlineData("simulate", "--dose", "4.5", "--every", "24")]
    [InlineData("simulate", "--dose", "4.5", "--formulation", "patch")]
    [InlineData("simulate", "--dose", "4.5", "--scenario", "C")]
    [InlineData("simulate", "--dose", "4.5", "--output-step", "1s")]
    [InlineData("simulate", "--dose", "4.5", "--output-step", "10s")]
    [InlineData("simulate", "--dose", "4.5", "--horizon", "9y", "--output-step", "1min")]
    [InlineData("simulate", "--dose", "4.5", "--params", "/no/such/file.yaml")]
    [InlineData("simulate", "--dose", "4.5", "--csv", "/no/such/folder/x.csv")]
    [InlineData("simulate", "--dose", "ＤＯＳＥ")]
    [InlineData("simulate")]
    [InlineData("no-such-command")]
    public void Bad_input_gives_one_sentence_on_stderr_and_exit_code_2(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var message = stderr.TrimEnd('\n');
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not: [valid")]
    [InlineData("schema: ldn-parameters/1\nparameters:\n  parentVolume: { value: -3080, unit: L, status: derived, source: x }\n")]
    public void A_bad_parameter_file_is_refused_with_exit_code_2(string content)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content);
            var (code, _, stderr) = CliRunner.Run("simulate", "--dose", "4.5", "--params", path);
            Assert.Equal(2, code);
            Assert.Contains(path, stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_negative_volume_in_an_otherwise_good_file_is_named()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, Ldn.Core.Pharmacology.Parameters.ParameterSets.DefaultText.Replace("value: 3080\n", "value: -3080\n", StringComparison.Ordinal));
            var (code, _, stderr) = CliRunner.Run("simulate", "--dose", "4.5", "--params", path);
            Assert.Equal(2, code);
            Assert.Contains("'parentVolume' to -3080 L, but it must be positive", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_reports_every_target_as_documented()
    {
        var (code, stdout, _) = CliRunner.Run("validate", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var targets = doc.RootElement.GetProperty("targets");
        Assert.True(targets.GetArrayLength() >= 20);
        Assert.All(targets.EnumerateArray(), t =>
            Assert.Equal(t.GetProperty("expectedToFit").GetBoolean(), t.GetProperty("withinTolerance").GetBoolean()));
    }
}
