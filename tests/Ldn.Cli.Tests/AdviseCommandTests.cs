using System.Text.Json;
using Xunit;

namespace Ldn.Cli.Tests;

public sealed class AdviseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ldn-advise-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    internal const string Sleepless = """
        currentDoseMg: 3
        daysOnStep: 6
        nextDoseMg: 4.5
        previousDoseMg: 1.5
        doseTime: "22:00"
        today: 2026-12-15
        sideEffects: [ { kind: vivid dreams, severity: moderate, daysOngoing: 5 } ]
        conditions: { thyroidReplacement: true }
        """;

    [Fact]
    public void Json_follows_the_contract()
    {
        var (code, stdout, stderr) = CliRunner.Run("advise", "--state", Write("s.yaml", Sleepless), "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("move-to-morning", root.GetProperty("action").GetString());
        Assert.StartsWith("Vivid dreams for 5 days", root.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("§3.2", root.GetProperty("source").GetString(), StringComparison.Ordinal);
        Assert.Equal("sleep-evening-dose", root.GetProperty("ruleId").GetString());
        Assert.Equal(3m, root.GetProperty("suggestedDoseMg").GetDecimal());
        var finding = Assert.Single(root.GetProperty("safety").EnumerateArray());
        Assert.Equal("thyroid-replacement", finding.GetProperty("code").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
        Assert.False(string.IsNullOrEmpty(finding.GetProperty("source").GetString()));
        Assert.Contains("not medical advice", root.GetProperty("notice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_opioid_stops_with_a_hard_stop_finding_and_no_dose()
    {
        var state = """{"currentDoseMg": "1.5mg", "daysOnStep": 20, "nextDoseMg": 3, "today": "2026-12-05", "medications": [{"name": "Tramadol", "lastTaken": "2026-11-28"}]}""";
        var (code, stdout, _) = CliRunner.Run("advise", "--state", Write("s.json", state), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("stop-and-contact-prescriber", root.GetProperty("action").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("suggestedDoseMg").ValueKind);
        var finding = root.GetProperty("safety")[0];
        Assert.Equal("hard-stop", finding.GetProperty("severity").GetString());
        Assert.Equal("Tramadol was last taken 2026-11-28; naltrexone must wait until 2026-12-08 (10 days after a short-acting opioid).", finding.GetProperty("message").GetString());
    }

    [Fact]
    public void The_console_shows_action_reason_source_findings_and_notice()
    {
        var (code, stdout, _) = CliRunner.Run("advise", "--state", Write("s.yaml", Sleepless));
        Assert.Equal(0, code);
        Assert.StartsWith("move-to-morning (3 mg)", stdout, StringComparison.Ordinal);
        Assert.Contains("take the same dose (3 mg) in the morning", stdout, StringComparison.Ordinal);
        Assert.Contains("Source: Norwegian LDN patient association", stdout, StringComparison.Ordinal);
        Assert.Contains("warning Thyroid replacement", stdout, StringComparison.Ordinal);
        Assert.Contains("not medical advice", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unrecognised_medications_are_listed_as_not_checked_in_json_and_text()
    {
        var state = Write("s.yaml", """
            currentDoseMg: 1.5
            daysOnStep: 3
            nextDoseMg: 3
            today: 2026-12-15
            medications: [ "apomorphine", "oxycodne 5 mg", { name: "co-codamol 30/500", lastTaken: 2026-10-01 } ]
            """);
        var (code, stdout, _) = CliRunner.Run("advise", "--state", state, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var findings = doc.RootElement.GetProperty("safety").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.Equal(("unrecognised-medication", "warning"), (f.GetProperty("code").GetString(), f.GetProperty("severity").GetString())));
        Assert.Equal(
            [
                "'apomorphine' was not checked: it is not in the safety catalogue (opioids, thyroid replacement and thioridazine), so ask the prescriber or a pharmacist whether it interacts with naltrexone.",
                "'oxycodne 5 mg' was not checked: it is not in the safety catalogue; did you mean oxycodone?",
            ],
            findings.Select(f => f.GetProperty("message").GetString()));

        var text = CliRunner.Run("advise", "--state", state);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("warning 'oxycodne 5 mg' was not checked: it is not in the safety catalogue; did you mean oxycodone?", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("unrecognised-medication:", text.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("currentDoseMg: [")]
    [InlineData("currentDoseMg: -3\ndaysOnStep: 1")]
    [InlineData("currentDoseMg: 4.5kg\ndaysOnStep: 1")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\ndoseTime: \"25:00\"")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: -1")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\nsideEffects: [ { kind: sneezing } ]")]
    [InlineData("currentDoseMg: 3\ndaysOnStep: 1\nmood: fine")]
    public void Bad_state_files_give_one_sentence_and_exit_2(string yaml)
    {
        var (code, stdout, stderr) = CliRunner.Run("advise", "--state", Write("bad.yaml", yaml), "--json");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("The state file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_option_exits_2_with_one_line()
    {
        var (code, _, stderr) = CliRunner.Run("advise", "--state", Path.Combine(_folder, "none.yaml"));
        Assert.Equal((2, "does not exist."), (code, stderr.TrimEnd()[^15..]));
        (code, _, stderr) = CliRunner.Run("advise");
        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void A_dose_above_10_mg_is_advice_not_an_error()
    {
        var (code, stdout, _) = CliRunner.Run("advise", "--state", Write("s.yaml", "currentDoseMg: 12\ndaysOnStep: 3\n"), "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("dose-outside-ldn", doc.RootElement.GetProperty("ruleId").GetString());
        Assert.Equal("refusal", doc.RootElement.GetProperty("safety")[0].GetProperty("severity").GetString());
    }
}
