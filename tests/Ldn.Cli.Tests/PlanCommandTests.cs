using System.Text.Json;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary><c>ldn plan</c> and <c>ldn simulate --plan</c>: the JSON contract, the files, and bad input.</summary>
public sealed class PlanCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("ldn-plan-");

    public void Dispose() => folder.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(folder.FullName, name);

    [Fact]
    public void The_issue_command_gives_the_plan_as_json_and_writes_a_calendar()
    {
        var ics = PathOf("plan.ics");
        var (code, stdout, stderr) = CliRunner.Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--formulation", "liquid", "--concentration", "1mg/mL", "--json", "--ics", ics, "--tz", "Europe/Oslo");
        Assert.Equal(0, code);
        Assert.Contains("Wrote the calendar", stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("standard", root.GetProperty("protocol").GetString());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
        var steps = root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["2026-12-01", "2026-12-15", "2026-12-29"], steps.Select(s => s.GetProperty("from").GetString()));
        Assert.Equal(["2026-12-14", "2026-12-28", null], steps.Select(s => s.GetProperty("to").GetString()));
        Assert.Equal([1.5m, 3m, 4.5m], steps.Select(s => s.GetProperty("doseMg").GetDecimal()));
        Assert.Equal([1.5m, 3m, 4.5m], steps.Select(s => s.GetProperty("volumeMl").GetDecimal()));
        Assert.All(steps, s => Assert.Equal("22:00", s.GetProperty("at").GetString()));
        Assert.Equal(3, File.ReadAllText(ics).Split("BEGIN:VEVENT").Length - 1);
    }

    [Fact]
    public void A_capsule_plan_has_no_volume_and_the_csv_has_one_row_per_step()
    {
        var csv = PathOf("plan.csv");
        var (code, stdout, _) = CliRunner.Run("plan", "--protocol", "gentle", "--start", "2026-12-01", "--json", "--csv", csv);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.All(json.RootElement.GetProperty("steps").EnumerateArray(), s => Assert.Equal(JsonValueKind.Null, s.GetProperty("volumeMl").ValueKind));
        var rows = File.ReadAllLines(csv);
        Assert.Equal("step,from,to,days,doseMg,at,timeZone,formulation,volumeMl,actualDoseMg,roundingErrorPercent", rows[0]);
        Assert.Equal(10, rows.Length);
        Assert.StartsWith("1,2026-12-01,2026-12-14,14,0.5,22:00,", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_view_shows_the_steps_the_source_and_the_notice()
    {
        var (code, stdout, _) = CliRunner.Run("plan", "--protocol", "pediatric", "--start", "2026-12-01", "--weight", "23kg", "--tz", "UTC");
        Assert.Equal(0, code);
        Assert.Contains("2.3 mg", stdout, StringComparison.Ordinal);
        Assert.Contains("Smith 2013", stdout, StringComparison.Ordinal);
        Assert.Contains("not medical advice", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_appear_in_the_json_with_code_severity_message_and_source()
    {
        var (code, stdout, _) = CliRunner.Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--json", "--thyroid-replacement", "--hepatic-impairment");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().ToList();
        Assert.True(warnings.Count >= 2);
        Assert.All(warnings, w =>
        {
            Assert.Equal("warning", w.GetProperty("severity").GetString());
            Assert.False(string.IsNullOrWhiteSpace(w.GetProperty("message").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(w.GetProperty("source").GetString()));
        });
    }

    [Fact]
    public void A_misspelt_opioid_still_makes_the_plan_but_is_named_as_not_checked_with_the_opioid_suggested()
    {
        var (code, stdout, stderr) = CliRunner.Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--medication", "tramadl", "--medication", "levothyroxine 50 µg", "--json");
        Assert.Equal((0, ""), (code, stderr));
        using var json = JsonDocument.Parse(stdout);
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Equal(["thyroid-replacement", "unrecognised-medication"], warnings.Select(w => w.GetProperty("code").GetString()));
        var unrecognised = warnings[1];
        Assert.Equal("warning", unrecognised.GetProperty("severity").GetString());
        Assert.Equal("'tramadl' was not checked: it is not in the safety catalogue; did you mean tramadol?", unrecognised.GetProperty("message").GetString());

        var text = CliRunner.Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--medication", "tramadl");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Warning: 'tramadl' was not checked: it is not in the safety catalogue; did you mean tramadol?", text.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("co-codamol 30/500@2026-10-01")]
    [InlineData("OxyContin 20mg@2026-10-01")]
    [InlineData("levothyroxine 50 µg")]
    public void Recognised_medications_raise_no_not_checked_warning(string medication)
    {
        var (code, stdout, _) = CliRunner.Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--medication", medication, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.DoesNotContain(json.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "unrecognised-medication");
    }

    [Theory]
    [InlineData("Tramadol")]
    [InlineData("oxycontin 20mg")]
    [InlineData("methadone@2026-11-25")]
    public void An_opioid_means_no_plan_and_exit_2(string medication)
    {
        var (code, stdout, stderr) = CliRunner.Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--medication", medication, "--json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("No plan was made:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_simulates_with_each_step_as_its_own_dose()
    {
        var planFile = PathOf("plan.json");
        var (code, stdout, _) = CliRunner.Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--json");
        Assert.Equal(0, code);
        File.WriteAllText(planFile, stdout);
        var simulated = CliRunner.Run("simulate", "--plan", planFile, "--json", "--scenario", "B");
        Assert.Equal(0, simulated.ExitCode);
        using var json = JsonDocument.Parse(simulated.Stdout);
        var events = json.RootElement.GetProperty("regimen").GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([1.5, 3.0, 4.5], events.Select(e => e.GetProperty("amountMg").GetDouble()));
        Assert.Equal([0.0, 336.0, 672.0], events.Select(e => e.GetProperty("timeHours").GetDouble()));
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["plan", "--protocol", "standrad", "--start", "2026-12-01"], "did you mean standard?" },
        { ["plan", "--protocol", "standard", "--start", "tomorrow"], "'tomorrow' is not a start date" },
        { ["plan", "--protocol", "standard", "--start", "2026-13-45"], "'2026-13-45' is not a start date" },
        { ["plan", "--protocol", "standard", "--start", "9999-12-01"], "between 1970 and 2200" },
        { ["plan", "--protocol", "standard", "--start", "2026-12-01", "--tz", "Mars/Base"], "is not a known IANA time zone (e.g." },
        { ["plan", "--protocol", "standard", "--start", "2026-12-01", "--medication", "methadone@2026-11-25"], "2026-12-09" },
        { ["plan", "--protocol", "standard", "--start", "2026-12-01", "--formulation", "liquid", "--concentration", "0mg/mL"], "0mg/mL" },
        { ["plan", "--protocol", "standard", "--start", "2026-12-01", "--formulation", "liquid"], "--concentration" },
        { ["plan", "--protocol", "standard", "--start", "2026-12-01", "--formulation", "liquid", "--concentration", "1000mg/mL", "--syringe", "1mL"], "" },
        { ["plan", "--protocol", "pediatric", "--start", "2026-12-01", "--weight", "900kg"], "900 kg is not plausible" },
        { ["plan", "--protocol", "pediatric", "--start", "2026-12-01", "--weight", "4.5mg"], "not a unit of weight" },
        { ["plan", "--protocol", "pediatric", "--start", "2026-12-01"], "--weight" },
        { ["plan", "--protocol", "standard", "--start", "2026-12-01", "--at", "25:00"], "not a clock time" },
        { ["plan", "--protocol", "standard", "--start", "2026-12-01", "--tz", "Europe/Olso"], "did you mean Europe/Oslo?" },
        { ["plan", "--protocol", "standard", "--start", "2026-12-01", "--formulation", "pill"], "not a known formulation" },
        { ["plan", "--protocol", "nothere.yaml", "--start", "2026-12-01"], "does not exist" },
        { ["simulate", "--plan", "nothere.json"], "does not exist" },
        { ["simulate", "--dose", "4.5mg", "--condition", "fibromyalga"], "Unknown condition 'fibromyalga'; did you mean fibromyalgia?" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_is_one_sentence_and_exit_2(string[] args, string expected)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("schema: ldn-protocol/1\nid: mine\nname: Mine\nsource: me\nat: \"22:00\"\nsteps:\n  - { doseMg: 1.5, dayz: 14 }\n", "dayz")]
    [InlineData("schema: ldn-protocol/1\nid: mine\nname: Mine\nsource: me\nat: \"22:00\"\nsteps:\n  - { doseMg: 1, fromDay: 1, toDay: 14 }\n  - { doseMg: 2, fromDay: 7 }\n", "overlapping steps")]
    [InlineData("schema: ldn-protocol/1\nid: mine\nname: Mine\nsource: me\nat: \"22:00\"\nsteps:\n  - { doseMg: 12 }\n", "10 mg")]
    [InlineData("", "is empty")]
    public void A_users_protocol_file_with_a_mistake_is_one_sentence_and_exit_2(string yaml, string expected)
    {
        var file = PathOf("mine.yaml");
        File.WriteAllText(file, yaml);
        var (code, _, stderr) = CliRunner.Run("plan", "--protocol", file, "--start", "2026-12-01");
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("{}", "has no steps")]
    [InlineData("not json", "is not a plan")]
    [InlineData("{\"protocol\":\"x\",\"steps\":[{\"from\":\"2026-12-01\",\"to\":\"2026-12-14\",\"doseMg\":1.5,\"at\":\"22:00\"},{\"from\":\"2026-12-10\",\"to\":null,\"doseMg\":3,\"at\":\"22:00\"}]}", "overlap")]
    [InlineData("{\"protocol\":\"x\",\"steps\":[{\"from\":\"2026-12-01\",\"to\":null,\"doseMg\":-3,\"at\":\"22:00\"}]}", "positive")]
    [InlineData("{\"protocol\":\"x\",\"steps\":[{\"from\":\"2026-12-01\",\"to\":null,\"doseMg\":4500,\"at\":\"22:00\"}]}", "check the unit")]
    public void A_broken_plan_file_is_refused_by_simulate(string json, string expected)
    {
        var file = PathOf("plan.json");
        File.WriteAllText(file, json);
        var (code, _, stderr) = CliRunner.Run("simulate", "--plan", file);
        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }
}
