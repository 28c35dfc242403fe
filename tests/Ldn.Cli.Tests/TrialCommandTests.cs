using System.Text.Json;
using Xunit;

namespace Ldn.Cli.Tests;

public sealed class TrialCommandTests
{
    [Fact]
    public void Smith_2011_json_follows_the_contract()
    {
        var (code, stdout, stderr) = CliRunner.Run("trial", "--preset", "smith-2011", "--json", "--repetitions", "10");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("smith-2011", root.GetProperty("trial").GetString());
        Assert.Equal("crohns-disease", root.GetProperty("condition").GetString());
        Assert.Equal(10, root.GetProperty("repetitions").GetInt32());
        Assert.Equal(42, root.GetProperty("seed").GetInt64());
        foreach (var field in new[] { "citation", "instrument", "responderDefinition", "notice" })
        {
            Assert.False(string.IsNullOrEmpty(root.GetProperty(field).GetString()), field);
        }

        var arms = root.GetProperty("arms");
        Assert.Equal(["A", "A", "B", "B"], arms.EnumerateArray().Select(a => a.GetProperty("scenario").GetString()!));
        foreach (var arm in arms.EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(arm.GetProperty("name").GetString()));
            Assert.Equal(20, arm.GetProperty("n").GetInt32());
            foreach (var field in new[] { "responderRate", "responderRateLow", "responderRateHigh", "meanChange", "meanChangeLow", "meanChangeHigh", "publishedResponderRate" })
            {
                Assert.Equal(JsonValueKind.Number, arm.GetProperty(field).ValueKind);
            }

            Assert.Equal(JsonValueKind.Null, arm.GetProperty("publishedMeanChange").ValueKind);
            Assert.InRange(arm.GetProperty("responderRate").GetDouble(), arm.GetProperty("responderRateLow").GetDouble(), arm.GetProperty("responderRateHigh").GetDouble());
        }

        Assert.Equal(0.88, arms[0].GetProperty("publishedResponderRate").GetDouble());
    }

    [Fact]
    public void The_table_sets_predicted_beside_published()
    {
        var (code, stdout, _) = CliRunner.Run("trial", "--preset", "final-2024", "--scenario", "B", "--repetitions", "3");
        Assert.Equal(0, code);
        Assert.Contains("Scenario B", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Scenario A", stdout, StringComparison.Ordinal);
        Assert.Contains("−1.30", stdout, StringComparison.Ordinal);
        Assert.Contains("not medical advice", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trial", "--preset", "nope")]
    [InlineData("trial")]
    [InlineData("trial", "--preset", "smith-2011", "--design", "x.yaml")]
    [InlineData("trial", "--preset", "smith-2011", "--repetitions", "0")]
    [InlineData("trial", "--design", "/nonexistent/trial.yaml")]
    public void Mistakes_give_one_sentence_and_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        if (args.Contains("nope") || args.Length == 1)
        {
            Assert.Contains("smith-2011", stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_design_file_with_an_empty_arm_is_refused_in_one_sentence()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ldn-trial-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            schema: ldn-trial/1
            id: mine
            name: Mine
            citation: None.
            condition: fibromyalgia
            weeks: 8
            arms:
              - name: LDN
                n: 0
                doseMg: 4.5
            """);
        try
        {
            var (code, _, stderr) = CliRunner.Run("trial", "--design", path);
            Assert.Equal(2, code);
            Assert.Contains("n = 0", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd().Split('\n'));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
