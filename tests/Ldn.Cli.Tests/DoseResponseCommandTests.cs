using System.Text.Json;
using Xunit;

namespace Ldn.Cli.Tests;

public sealed class DoseResponseCommandTests
{
    [Fact]
    public void Json_output_follows_the_contract()
    {
        var (code, stdout, stderr) = CliRunner.Run("dose-response", "--doses", "0.5,4.5,50", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("generic", root.GetProperty("condition").GetString());
        Assert.Equal(12, root.GetProperty("weeks").GetInt32());
        Assert.Contains("not medical advice", root.GetProperty("notice").GetString(), StringComparison.Ordinal);

        var rows = root.GetProperty("rows");
        // By default the model average's rows come first (issue 12 item 4), then the structures of --scenario both.
        Assert.Equal(9, rows.GetArrayLength());
        Assert.Equal(["model-average", "model-average", "model-average", "A", "A", "A", "B", "B", "B"], rows.EnumerateArray().Select(r => r.GetProperty("scenario").GetString()!));
        Assert.Equal([0.5, 4.5, 50, 0.5, 4.5, 50, 0.5, 4.5, 50], rows.EnumerateArray().Select(r => r.GetProperty("doseMg").GetDouble()));
        foreach (var row in rows.EnumerateArray())
        {
            Assert.Equal("22:00", row.GetProperty("at").GetString());
            foreach (var field in new[] { "morPeak", "morTrough", "signallingOvershootHours", "nocturnalSignalling", "inflammationChangeWeek12" })
            {
                Assert.Equal(JsonValueKind.Number, row.GetProperty(field).ValueKind);
            }

            Assert.InRange(row.GetProperty("morPeak").GetDouble(), row.GetProperty("morTrough").GetDouble(), 1);
        }

        var verdicts = root.GetProperty("verdicts");
        Assert.Equal(2, verdicts.GetArrayLength());
        foreach (var verdict in verdicts.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, verdict.GetProperty("scenario").ValueKind);
            Assert.Equal("22:00", verdict.GetProperty("at").GetString());
            Assert.True(verdict.GetProperty("invertedU").ValueKind is JsonValueKind.True or JsonValueKind.False);
            Assert.Equal(JsonValueKind.Number, verdict.GetProperty("bestDoseMg").ValueKind);
            Assert.Equal(JsonValueKind.Number, verdict.GetProperty("bestInflammationChange").ValueKind);
            Assert.Equal(50, verdict.GetProperty("highestDoseMg").GetDouble());
            Assert.Equal(JsonValueKind.Number, verdict.GetProperty("highestDoseInflammationChange").ValueKind);
            Assert.StartsWith($"What-if (α_P = 1, scenario {verdict.GetProperty("scenario").GetString()}), daily dose at 22:00", verdict.GetProperty("statement").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Two_dosing_times_give_rows_and_verdicts_for_both()
    {
        var (code, stdout, _) = CliRunner.Run("dose-response", "--doses", "1,4.5,10", "--at", "22:00,08:00", "--scenario", "A", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(3, rows.Count(r => r.GetProperty("at").GetString() == "22:00"));
        Assert.Equal(3, rows.Count(r => r.GetProperty("at").GetString() == "08:00"));
        Assert.All(rows, r => Assert.Equal("A", r.GetProperty("scenario").GetString()));
        Assert.Equal(["22:00", "08:00"], doc.RootElement.GetProperty("verdicts").EnumerateArray().Select(v => v.GetProperty("at").GetString()!));

        // Same drug course shifted by ten hours: the blockade summaries agree, the night-time signalling does not.
        var night = rows.Where(r => r.GetProperty("doseMg").GetDouble() == 4.5).Select(r => r.GetProperty("nocturnalSignalling").GetDouble()).ToList();
        Assert.NotEqual(night[0], night[1], 3);
    }

    [Fact]
    public void Fewer_than_12_weeks_leave_the_inflammation_change_null()
    {
        var (code, stdout, _) = CliRunner.Run("dose-response", "--doses", "1,4.5,10", "--weeks", "4", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.All(doc.RootElement.GetProperty("rows").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("inflammationChangeWeek12").ValueKind));
        Assert.All(doc.RootElement.GetProperty("verdicts").EnumerateArray(), v => Assert.False(v.GetProperty("invertedU").GetBoolean()));
        Assert.Contains(doc.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("shorter than 12", StringComparison.Ordinal));

        var (tableCode, table, _) = CliRunner.Run("dose-response", "--doses", "1,4.5,10", "--weeks", "4");
        Assert.Equal(0, tableCode);
        Assert.Contains("–", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_view_has_a_table_per_scenario_with_a_verdict_and_the_notice()
    {
        var (code, stdout, _) = CliRunner.Run("dose-response", "--doses", "0.5,4.5,50");
        Assert.Equal(0, code);
        Assert.Contains("Scenario A, daily dose at 22:00", stdout, StringComparison.Ordinal);
        Assert.Contains("Scenario B, daily dose at 22:00", stdout, StringComparison.Ordinal);
        Assert.Contains("Inflammation wk 12", stdout, StringComparison.Ordinal);
        Assert.Matches(@"−\d+\.\d%", stdout);
        Assert.Contains("not medical advice", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_has_the_json_field_names()
    {
        var folder = Directory.CreateTempSubdirectory("ldn-dr-");
        try
        {
            var csv = Path.Combine(folder.FullName, "dr.csv");
            var (code, stdout, stderr) = CliRunner.Run("dose-response", "--doses", "1,4.5", "--scenario", "B", "--csv", csv, "--json");
            Assert.Equal(0, code);
            using (JsonDocument.Parse(stdout))
            {
                // Parsing is the assertion: nothing but the JSON document is on stdout.
            }

            Assert.Contains("dr.csv", stderr, StringComparison.Ordinal);
            var lines = File.ReadAllLines(csv);
            Assert.Equal("scenario,doseMg,at,morPeak,morTrough,signallingOvershootHours,nocturnalSignalling,inflammationChangeWeek12", lines[0]);
            Assert.Equal(3, lines.Length);
            Assert.StartsWith("B,1,22:00,", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("--weeks", "0")]
    [InlineData("--weeks", "-2")]
    [InlineData("--weeks", "521")]
    [InlineData("--weeks", "many")]
    [InlineData("--doses", "")]
    [InlineData("--doses", "1,,4.5")]
    [InlineData("--doses", "4.5kg")]
    [InlineData("--doses", "500")]
    [InlineData("--doses", "0.001")]
    [InlineData("--doses", "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51")]
    [InlineData("--at", "25:00")]
    [InlineData("--at", "22:00,")]
    [InlineData("--scenario", "C")]
    [InlineData("--condition", "no-such-condition")]
    public void Bad_input_exits_2_with_one_line(string option, string value)
    {
        var (code, stdout, stderr) = CliRunner.Run("dose-response", option, value, "--json");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var lines = stderr.TrimEnd('\n', '\r').Split('\n');
        Assert.Single(lines);
        Assert.EndsWith(".", lines[0].TrimEnd(), StringComparison.Ordinal);
    }
}
