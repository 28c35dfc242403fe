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
    public void Json_has_the_mechanism_series_and_summary_fields()
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--scenario", "both", "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("generic", root.GetProperty("condition").GetString());
        Assert.Equal("Symptom score (% of baseline)", root.GetProperty("clinicalInstrument").GetString());
        Assert.False(root.GetProperty("tlr4").GetBoolean());

        foreach (var result in root.GetProperty("results").EnumerateArray())
        {
            // Default horizon 84 days: every summary field has a value.
            var summary = result.GetProperty("summary");
            Assert.InRange(summary.GetProperty("signallingOvershootHours").GetDouble(), 0, 24);
            Assert.InRange(summary.GetProperty("nocturnalSignalling").GetDouble(), 0, 4);
            Assert.InRange(summary.GetProperty("inflammationChangeWeek12").GetDouble(), -1, 1);

            var series = result.GetProperty("series");
            var start = series[0];
            Assert.Equal(1, start.GetProperty("opioidSignalling").GetDouble());
            Assert.Equal(1, start.GetProperty("receptorDensity").GetDouble());
            Assert.Equal(1, start.GetProperty("synthesis").GetDouble());
            Assert.Equal(1, start.GetProperty("inflammation").GetDouble());
            Assert.Equal(100, start.GetProperty("clinicalScore").GetDouble());
            foreach (var point in series.EnumerateArray())
            {
                foreach (var field in new[] { "opioidSignalling", "receptorDensity", "synthesis", "inflammation", "clinicalScore" })
                {
                    Assert.Equal(JsonValueKind.Number, point.GetProperty(field).ValueKind);
                }
            }

            // By day 84 blockade has raised receptor density (U → 1 + α_U·O).
            Assert.True(series[series.GetArrayLength() - 1].GetProperty("receptorDensity").GetDouble() > 1.1);
        }

        // 4.5 mg: scenario A overshoots most of the day and lowers I; scenario B holds S below 1 all day.
        var a = root.GetProperty("results")[0].GetProperty("summary");
        var b = root.GetProperty("results")[1].GetProperty("summary");
        Assert.True(a.GetProperty("signallingOvershootHours").GetDouble() > 12);
        Assert.True(a.GetProperty("inflammationChangeWeek12").GetDouble() < -0.01);
        Assert.Equal(0, b.GetProperty("signallingOvershootHours").GetDouble());
    }

    [Fact]
    public void Summary_fields_that_need_a_longer_horizon_are_null_in_json()
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "28", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var summary = doc.RootElement.GetProperty("results")[0].GetProperty("summary");
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("inflammationChangeWeek12").ValueKind);
        Assert.Equal(JsonValueKind.Number, summary.GetProperty("nocturnalSignalling").ValueKind);

        // One dose at 22:00 over 8 hours: no full 23:00–07:00 night.
        (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "1", "--horizon", "8h", "--json");
        Assert.Equal(0, code);
        using var shortRun = JsonDocument.Parse(stdout);
        Assert.Equal(JsonValueKind.Null, shortRun.RootElement.GetProperty("results")[0].GetProperty("summary").GetProperty("nocturnalSignalling").ValueKind);
    }

    // Field report (issue 13): a dose exactly at the end of the horizon gave peak = trough = mean over "hour 24 to 24".
    [Fact]
    public void A_dose_at_the_horizon_end_is_left_out_with_a_note_and_the_window_has_length()
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "2", "--horizon", "24h", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var summary = doc.RootElement.GetProperty("results")[0].GetProperty("summary");
        Assert.True(summary.GetProperty("windowEndHours").GetDouble() > summary.GetProperty("windowStartHours").GetDouble());
        Assert.True(summary.GetProperty("morPeak").GetDouble() > summary.GetProperty("morTrough").GetDouble());
        Assert.Contains(doc.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("1 dose falls at or after the end", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("crohns")]
    [InlineData("Crohn's")]
    [InlineData("CD")]
    public void A_named_condition_sets_the_instrument_and_the_score_scale(string name)
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--condition", name, "--json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("crohns-disease", root.GetProperty("condition").GetString());
        Assert.Equal("CDAI (points)", root.GetProperty("clinicalInstrument").GetString());
        var series = root.GetProperty("results")[0].GetProperty("series");
        var baseline = Ldn.Core.Conditions.ConditionCatalog.Find("crohns-disease").Parameters.Instrument.Baseline;
        Assert.Equal(baseline, series[0].GetProperty("clinicalScore").GetDouble(), 9);

        // The Crohn's file has a placebo response: the score falls even where I does not move (scenario B).
        Assert.True(series[series.GetArrayLength() - 1].GetProperty("clinicalScore").GetDouble() < 0.95 * baseline);
    }

    [Fact]
    public void Tlr4_is_switched_on_by_its_flag_and_barely_changes_anything()
    {
        var (_, off, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--scenario", "A", "--json");
        var (code, on, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--scenario", "A", "--tlr4", "--json");
        Assert.Equal(0, code);
        using var offDoc = JsonDocument.Parse(off);
        using var onDoc = JsonDocument.Parse(on);
        Assert.True(onDoc.RootElement.GetProperty("tlr4").GetBoolean());
        var before = offDoc.RootElement.GetProperty("results")[0].GetProperty("summary").GetProperty("inflammationChangeWeek12").GetDouble();
        var after = onDoc.RootElement.GetProperty("results")[0].GetProperty("summary").GetProperty("inflammationChangeWeek12").GetDouble();
        // It acts (I a little lower), but by far less than 1e-3: the ≈30,000-fold concentration gap.
        Assert.True(before - after > 0 && before - after < 1e-3, $"TLR4 changed week-12 inflammation by {before - after}.");
    }

    [Fact]
    public void An_unknown_condition_exits_2_with_one_line_listing_the_known_ones()
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--condition", "lupus");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        var message = stderr.TrimEnd('\n');
        Assert.DoesNotContain('\n', message);
        Assert.Contains("'lupus'", message, StringComparison.Ordinal);
        Assert.Contains("crohns-disease", message, StringComparison.Ordinal);
        Assert.Contains("fibromyalgia", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schema: ldn-condition/1\nid: x\nname: X\n", "has no 'instrument' section")]
    [InlineData("schema: [valid", "is not valid at line")]
    [InlineData("", "is empty")]
    public void A_broken_condition_file_exits_2_naming_the_file(string content, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("ldn-condition-");
        try
        {
            var path = Path.Combine(folder.FullName, "broken.yaml");
            File.WriteAllText(path, content);
            var (code, stdout, stderr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--condition", path);
            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            var message = stderr.TrimEnd('\n');
            Assert.DoesNotContain('\n', message);
            Assert.Contains(path, message, StringComparison.Ordinal);
            Assert.Contains(expected, message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_copy_of_a_shipped_condition_file_with_one_value_broken_exits_2()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LdnWorkbench.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var text = File.ReadAllText(Path.Combine(root.FullName, "data", "conditions", "fibromyalgia.yaml"));
        var folder = Directory.CreateTempSubdirectory("ldn-condition-");
        try
        {
            var good = Path.Combine(folder.FullName, "mine.yml");
            File.WriteAllText(good, text);
            var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--condition", good, "--json");
            Assert.Equal(0, code);
            using (var doc = JsonDocument.Parse(stdout))
            {
                Assert.Equal("fibromyalgia", doc.RootElement.GetProperty("condition").GetString());
            }

            Assert.Contains("  maxInhibition:\n    value: ", text, StringComparison.Ordinal);
            var broken = Path.Combine(folder.FullName, "broken.yaml");
            File.WriteAllText(broken, text.Replace("  maxInhibition:\n    value: ", "  maxInhibition:\n    value: 9", StringComparison.Ordinal));
            var (brokenCode, _, stderr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--condition", broken);
            Assert.Equal(2, brokenCode);
            Assert.Contains("'maxInhibition'", stderr, StringComparison.Ordinal);
            Assert.Contains(broken, stderr, StringComparison.Ordinal);

            var (missingCode, _, missing) = CliRunner.Run("simulate", "--dose", "4.5mg", "--condition", Path.Combine(folder.FullName, "none.yaml"));
            Assert.Equal(2, missingCode);
            Assert.Contains("does not exist", missing, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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
    public void The_table_shows_the_condition_and_the_mechanism_values()
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--scenario", "both", "--condition", "fm");
        Assert.Equal(0, code);
        Assert.Contains("Condition: Fibromyalgia (fibromyalgia); outcome scale Pain NRS", stdout, StringComparison.Ordinal);
        Assert.Contains("TLR4 term off", stdout, StringComparison.Ordinal);
        Assert.Contains("Signalling overshoot (h/day with S > 1)", stdout, StringComparison.Ordinal);
        Assert.Contains("Nocturnal signalling", stdout, StringComparison.Ordinal);
        Assert.Matches(@"Inflammation change at week 12 \(what-if\)\s*│\s*−\d+\.\d%\s*│\s*\+0\.0%", stdout);
        Assert.Contains("Pain NRS at the end", stdout, StringComparison.Ordinal);

        // The S sparkline: one row per scenario under its heading.
        var lines = stdout.Split('\n');
        var heading = Array.FindIndex(lines, l => l.StartsWith("Net opioid signalling S", StringComparison.Ordinal));
        Assert.True(heading > 0);
        Assert.Matches(@"^  A  [▁▂▃▄▅▆▇█]{10,}$", lines[heading + 1]);
        Assert.Matches(@"^  B  [▁▂▃▄▅▆▇█]{10,}$", lines[heading + 2]);

        // Scenario B holds S below 1 all day at 4.5 mg: no bar above the half-height ▄.
        Assert.DoesNotMatch("[▅▆▇█]", lines[heading + 2]);
        Assert.Matches("[▅▆▇█]", lines[heading + 1]);
    }

    [Fact]
    public void The_table_marks_a_missing_week_12_value()
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "28");
        Assert.Equal(0, code);
        Assert.Contains("— (< 12 weeks)", stdout, StringComparison.Ordinal);
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

    [Fact]
    public void Validate_shows_every_structure_against_every_dataset()
    {
        var (code, stdout, _) = CliRunner.Run("validate", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var summary = doc.RootElement.GetProperty("summary").EnumerateArray().ToList();
        var structures = new[] { "A", "B", "slow-pool", "two-site", "slow-binding" };
        var datasets = new[] { "50 mg PK", "100 mg PK (Bertolotti 1997)", "Rabiner 2011 scans", "Lee 1988 ratios" };
        foreach (var structure in structures)
        {
            foreach (var dataset in datasets)
            {
                Assert.Single(summary, s => s.GetProperty("structure").GetString() == structure && s.GetProperty("dataset").GetString() == dataset);
            }
        }

        // Scenario B against Lee as published: its own 1-h value is 67%, short of the 85% the ratios presuppose.
        var leeB = summary.Single(s => s.GetProperty("structure").GetString() == "B" && s.GetProperty("dataset").GetString() == "Lee 1988 ratios");
        Assert.False(leeB.GetProperty("passed").GetBoolean());
        Assert.Equal(67.2, leeB.GetProperty("minimumSimulated").GetDouble(), 1);
    }

    [Fact]
    public void Validate_structure_option_limits_the_rows()
    {
        var (code, stdout, _) = CliRunner.Run("validate", "--structure", "two-site", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.All(doc.RootElement.GetProperty("targets").EnumerateArray(), t =>
            Assert.True(t.GetProperty("scenario").ValueKind == JsonValueKind.Null || t.GetProperty("scenario").GetString() == "two-site"));
    }

    [Theory]
    [InlineData("simulate", "--dose", "4.5mg", "--count", "2", "--structure", "C")]
    [InlineData("dose-response", "--doses", "1,4.5", "--weeks", "1", "--structure", "slowpool")]
    [InlineData("validate", "--structure", "nothing")]
    [InlineData("simulate", "--dose", "4.5mg", "--count", "2", "--structure", "A", "--scenario", "B")]
    [InlineData("simulate", "--dose", "4.5mg", "--count", "2", "--sublingual-what-if", "0.2")]
    [InlineData("simulate", "--dose", "4.5mg", "--count", "2", "--formulation", "sublingual", "--sublingual-what-if", "2")]
    public void A_bad_structure_or_what_if_is_one_sentence_and_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Simulate_structure_all_gives_one_result_per_structure_with_the_scenario_fields()
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "3", "--structure", "all", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var results = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["A", "B", "slow-pool", "two-site", "slow-binding"], results.Select(r => r.GetProperty("scenario").GetString()));
        Assert.All(results, r =>
        {
            Assert.InRange(r.GetProperty("summary").GetProperty("morTrough").GetDouble(), 0, 1);
            Assert.Equal(73, r.GetProperty("series").GetArrayLength());
        });
    }

    [Fact]
    public void Sublingual_output_says_there_are_no_human_data_and_the_what_if_is_a_what_if()
    {
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "2", "--formulation", "sublingual", "--json");
        Assert.Equal(0, code);
        Assert.Contains("no human PK data", stderr, StringComparison.Ordinal);
        using var plain = JsonDocument.Parse(stdout);
        var cmaxSwallowed = plain.RootElement.GetProperty("results")[0].GetProperty("summary").GetProperty("parentCmaxNgPerMl").GetDouble();

        var (whatIfCode, whatIfOut, whatIfErr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "2", "--formulation", "sublingual", "--sublingual-what-if", "0.1", "--json");
        Assert.Equal(0, whatIfCode);
        Assert.Contains("WHAT-IF", whatIfErr, StringComparison.Ordinal);
        using var whatIf = JsonDocument.Parse(whatIfOut);
        Assert.Contains("what-if", whatIf.RootElement.GetProperty("parameters").GetString(), StringComparison.Ordinal);
        Assert.Contains("WHAT-IF", whatIf.RootElement.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);

        // F_p = 0.9·1 + 0.1/0.05 = 2.9 relative to the tablet, so Cmax scales by 2.9 (linear PK).
        var cmax = whatIf.RootElement.GetProperty("results")[0].GetProperty("summary").GetProperty("parentCmaxNgPerMl").GetDouble();
        Assert.Equal(2.9, cmax / cmaxSwallowed, 3);
    }

    [Fact]
    public void The_liquid_peaks_earlier_than_the_tablet_with_the_same_auc()
    {
        double[] Summary(string formulation)
        {
            var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "50mg", "--count", "1", "--horizon", "10d", "--formulation", formulation, "--json");
            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(stdout);
            var s = doc.RootElement.GetProperty("results")[0].GetProperty("summary");
            return [s.GetProperty("parentTmaxHours").GetDouble(), s.GetProperty("parentAucNgHourPerMl").GetDouble()];
        }

        var tablet = Summary("tablet");
        var liquid = Summary("liquid");

        // Meyer 1984: faster, same extent. ka 5/h vs 2.5/h: Tmax = ln(ka/k)/(ka − k) falls from 1.15 h to 0.70 h.
        Assert.Equal(1.15, tablet[0], 1);
        Assert.Equal(0.70, liquid[0], 1);
        Assert.Equal(tablet[1], liquid[1], 6);
    }
}
