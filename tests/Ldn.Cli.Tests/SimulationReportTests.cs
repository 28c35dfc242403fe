using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ldn.Cli.Reports;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Cli.Tests;

public sealed class SimulationReportTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset GeneratedAt = new(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(1));

    private static readonly Lazy<SimulationResult> ThreeDoses = new(() => Simulate(ParameterSets.Default));

    /// <summary>12 weeks with a named condition: every mechanism summary field exists.</summary>
    private static readonly Lazy<SimulationResult> TwelveWeeksCrohns = new(() => Simulator.Run(
        Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 84, Formulation.Capsule),
        ParameterSets.Default,
        ConditionCatalog.Find("crohns").Parameters,
        Duration.FromHours(2),
        [OccupancyScenario.A, OccupancyScenario.B],
        tlr4: false));

    private static SimulationResult Simulate(ModelParameters parameters, Duration? outputStep = null, ConditionParameters? condition = null) => Simulator.Run(
        Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 3, Formulation.Capsule),
        parameters,
        condition ?? ConditionCatalog.Generic.Parameters,
        outputStep ?? Duration.FromHours(1),
        [OccupancyScenario.A, OccupancyScenario.B],
        tlr4: false);

    private static string Page => SimulationReport.Render(ThreeDoses.Value, GeneratedAt);

    [Fact]
    public void Page_inlines_chart_js()
    {
        var page = Page;

        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("Chart.js v4.5.1", page, StringComparison.Ordinal);
        Assert.Contains("globalThis:t||self).Chart=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("sourceMappingURL", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_loads_nothing_from_outside()
    {
        var page = Page;

        Assert.DoesNotMatch(new Regex(@"<script[^>]*\ssrc\s*=", RegexOptions.IgnoreCase), page);
        Assert.DoesNotMatch(new Regex(@"<link\b", RegexOptions.IgnoreCase), page);
        Assert.DoesNotMatch(new Regex(@"<(img|iframe|object|embed)\b", RegexOptions.IgnoreCase), page);
        Assert.DoesNotMatch(new Regex(@"url\(\s*['""]?https?:", RegexOptions.IgnoreCase), page);
        Assert.Contains("Content-Security-Policy", page, StringComparison.Ordinal);
        Assert.Contains("default-src &#39;none&#39;", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_has_one_canvas_per_chart()
    {
        var page = Page;

        // Concentrations, MOR by scenario, MOR/DOR/KOR and S/U/P/I for each of the two scenarios, clinical score.
        Assert.Equal(7, Regex.Count(page, "<canvas", RegexOptions.IgnoreCase));
        foreach (var id in new[] { "chart-concentrations", "chart-mor", "chart-receptors-a", "chart-receptors-b", "chart-mechanism-a", "chart-mechanism-b", "chart-score" })
        {
            Assert.Contains($"<canvas id=\"{id}\"", page, StringComparison.Ordinal);

            // The drawing script asks for every one of them by id.
            Assert.Contains(id.StartsWith("chart-receptors", StringComparison.Ordinal) ? "'chart-receptors-'" : id.StartsWith("chart-mechanism", StringComparison.Ordinal) ? "'chart-mechanism-'" : $"'{id}'", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Page_shows_the_title_and_the_disclaimer()
    {
        var page = Page;

        Assert.Contains("<title>LDN Workbench — simulation report</title>", page, StringComparison.Ordinal);
        Assert.Contains("Research model, not medical advice.", page, StringComparison.Ordinal);
        Assert.Contains("Lee 1988", page, StringComparison.Ordinal);
        Assert.Contains("No PET study of LDN doses exists to decide between them.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_describes_the_regimen()
    {
        var page = Page;

        Assert.Contains("4.5 mg capsule every 24 h, 3 doses, the first at 22:00 (hour 0)", page, StringComparison.Ordinal);
        Assert.Contains("72 h (3 days)", page, StringComparison.Ordinal);
        Assert.Contains("the last dosing interval, hour 48 to 72", page, StringComparison.Ordinal);
        Assert.Contains("<dd>default</dd>", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_table_shows_each_scenarios_numbers()
    {
        var result = ThreeDoses.Value;
        var page = Page;

        Assert.Contains("<th class=\"num\">Scenario A</th><th class=\"num\">Scenario B (default)</th>", page, StringComparison.Ordinal);
        Assert.Contains(SimulationReport.Text("Naltrexone AUC over the last interval (ng·h/mL)"), page, StringComparison.Ordinal);
        foreach (var summary in result.Scenarios.Select(s => s.Summary))
        {
            AssertCell(page, Concentration(summary.ParentCmax.NanogramsPerMillilitre));
            AssertCell(page, summary.ParentTmax.Hours.ToString("0.00", CultureInfo.InvariantCulture));
            AssertCell(page, Concentration(summary.ParentAuc.NanogramHoursPerMillilitre));
            AssertCell(page, Concentration(summary.MetaboliteCmax.NanogramsPerMillilitre));
            AssertCell(page, (summary.MorPeak * 100).ToString("0.0", CultureInfo.InvariantCulture));
            AssertCell(page, (summary.MorTrough * 100).ToString("0.0", CultureInfo.InvariantCulture));
            AssertCell(page, (summary.MorMean * 100).ToString("0.0", CultureInfo.InvariantCulture));
            AssertCell(page, summary.MorAbove25Percent.Hours.ToString("0.0", CultureInfo.InvariantCulture));
            AssertCell(page, summary.MorAbove50Percent.Hours.ToString("0.0", CultureInfo.InvariantCulture));
        }

        AssertCell(page, "48–72");

        // Scenario B blocks MOR for longer than A (the whole point of showing both).
        var a = result.Scenarios.Single(s => s.Scenario == OccupancyScenario.A).Summary;
        var b = result.Scenarios.Single(s => s.Scenario == OccupancyScenario.B).Summary;
        Assert.True(b.MorTrough > a.MorTrough);
    }

    [Fact]
    public void Single_dose_auc_is_labelled_to_infinity()
    {
        var result = Simulator.Run(
            Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("08:30"), Duration.FromHours(24), 1, Formulation.Liquid, Duration.FromHours(48)),
            ParameterSets.Default,
            Duration.FromMinutes(30),
            [OccupancyScenario.B]);

        var page = SimulationReport.Render(result, GeneratedAt);

        Assert.Contains(SimulationReport.Text("Naltrexone AUC to infinity (ng·h/mL)"), page, StringComparison.Ordinal);
        Assert.Contains("4.5 mg liquid, a single dose at 08:30 (hour 0)", page, StringComparison.Ordinal);

        // Concentrations, MOR, MOR/DOR/KOR of B, S/U/P/I of B, clinical score.
        Assert.Equal(5, Regex.Count(page, "<canvas", RegexOptions.IgnoreCase));
        Assert.Contains("id=\"chart-mechanism-b\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"chart-mechanism-a\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_parameter_entry_is_listed()
    {
        var parameters = ThreeDoses.Value.Parameters;
        var page = Page;

        Assert.NotEmpty(parameters.Entries);
        foreach (var entry in parameters.Entries)
        {
            var key = SimulationReport.Text(entry.Key).Replace(".", ".<wbr>", StringComparison.Ordinal);
            Assert.Contains("<tr><td><code>" + key + "</code></td>", page, StringComparison.Ordinal);
            Assert.Contains(SimulationReport.Text(entry.Source), page, StringComparison.Ordinal);
        }

        Assert.Equal(parameters.Entries.Count, Regex.Count(Table(page, "model-params"), "<tr><td><code>"));
    }

    [Fact]
    public void Footer_shows_the_timestamp_passed_in()
    {
        Assert.Contains("<time datetime=\"2025-03-14T15:09:26+01:00\">2025-03-14T15:09:26+01:00</time>", Page, StringComparison.Ordinal);
        Assert.Contains("LDN Workbench", Page[Page.IndexOf("<footer>", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_a_parameter_file_is_html_encoded()
    {
        var hostile = ParameterSets.Default with
        {
            Name = "<script>alert(1)</script>",
            Entries = [.. ParameterSets.Default.Entries, new ParameterEntry("x<b>", 1, "<i>1</i>", ParameterStatus.Assumed, "\"><img src=x onerror=alert(2)>", "</script><script>alert(3)</script>")],
        };

        var page = SimulationReport.Render(Simulate(hostile), GeneratedAt);

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", page, StringComparison.Ordinal);

        // Exactly the three script elements the report writes: data, Chart.js, and the drawing code.
        Assert.Equal(3, Regex.Count(page, "<script", RegexOptions.IgnoreCase));
        Assert.Equal(3, Regex.Count(page, "</script", RegexOptions.IgnoreCase));
    }

    [Fact]
    public void Html_encoding_helper_encodes_markup_characters()
    {
        Assert.Equal("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;", SimulationReport.Text("<script>alert('x')</script> & \""));
        Assert.Equal(string.Empty, SimulationReport.Text(null));
    }

    [Theory]
    [InlineData(0, 5, new int[0])]
    [InlineData(1, 5, new[] { 0 })]
    [InlineData(5, 5, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(10, 4, new[] { 0, 3, 6, 9 })]
    [InlineData(11, 4, new[] { 0, 3, 6, 9, 10 })]
    public void Chart_indices_keep_every_kth_point_and_the_last(int count, int maxPoints, int[] expected) =>
        Assert.Equal(expected, SimulationReport.ChartIndices(count, maxPoints));

    [Fact]
    public void Long_series_are_thinned_for_the_charts_and_the_caption_says_so()
    {
        // Five days at the shortest output step (1 minute): 7,201 points, more than the charts plot.
        var result = Simulator.Run(
            Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 5, Formulation.Capsule),
            ParameterSets.Default,
            Duration.FromMinutes(1),
            [OccupancyScenario.B]);
        Assert.Equal(7201, result.Scenarios[0].Series.Count);

        var page = SimulationReport.Render(result, GeneratedAt);

        Assert.Contains("The simulation has 7,201 points per curve (one every 1 min); to keep the page light the charts are thinned", page, StringComparison.Ordinal);
        Assert.Contains("every peak and trough of the full simulation shows", page, StringComparison.Ordinal);
        Assert.Contains("Every simulated point is plotted (73 points, one every 1 h).", Page, StringComparison.Ordinal);

        // Thinned to the chart limit, but the highest and lowest blockade and the last point are kept.
        using var data = ReportData(page);
        var curve = data.RootElement.GetProperty("scenarios")[0];
        var mor = curve.GetProperty("mor").EnumerateArray().Select(v => v.GetSingle()).ToList();
        Assert.InRange(mor.Count, 100, SimulationReport.MaxChartPoints);
        var series = result.Scenarios[0].Series;
        Assert.Equal((float)(series.Mor.Max() * 100), mor.Max());
        Assert.Equal((float)(series.Mor.Min() * 100), mor.Min());
        Assert.Equal((float)series.TimeHours[^1], curve.GetProperty("time").EnumerateArray().Last().GetSingle());
    }

    [Fact]
    public void Chromium_draws_every_chart()
    {
        if (HeadlessChromium.Find(output) is not { } chromium)
        {
            return;
        }

        var folder = Directory.CreateTempSubdirectory("ldn-report-test-");
        try
        {
            var file = Path.Combine(folder.FullName, "report.html");
            File.WriteAllText(file, Page);
            var dom = HeadlessChromium.DumpDom(chromium, file, output);

            var body = Regex.Match(dom, "<body[^>]*>");
            Assert.True(body.Success, "Chromium printed no <body>.");
            Assert.DoesNotContain("data-charts-error", body.Value, StringComparison.Ordinal);
            Assert.Contains("data-charts-ready=\"7\"", body.Value, StringComparison.Ordinal);

            // Chart.js sizes every canvas it draws on.
            var canvases = Regex.Matches(dom, "<canvas[^>]*>");
            Assert.Equal(7, canvases.Count);
            Assert.All(canvases, c => Assert.Matches("width=\"[1-9][0-9]*\"", c.Value));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Summary_table_shows_the_mechanism_values()
    {
        var result = TwelveWeeksCrohns.Value;
        var page = SimulationReport.Render(result, GeneratedAt);

        Assert.Contains(SimulationReport.Text("Signalling overshoot (hours a day with S > 1)"), page, StringComparison.Ordinal);
        Assert.Contains(SimulationReport.Text("Nocturnal signalling (mean S, last 23:00–07:00)"), page, StringComparison.Ordinal);
        Assert.Contains("Inflammation change at week 12 (%)", page, StringComparison.Ordinal);
        foreach (var summary in result.Scenarios.Select(s => s.Summary))
        {
            AssertCell(page, summary.SignallingOvershootHoursPerDay.ToString("0.0", CultureInfo.InvariantCulture));
            AssertCell(page, summary.NocturnalSignalling!.Value.ToString("0.000", CultureInfo.InvariantCulture));
            AssertCell(page, SimulationReport.SignedPercent(summary.InflammationChangeWeek12!.Value));
        }

        // Scenario A lowers I at 4.5 mg (a minus sign, not a hyphen); B leaves it where it was.
        var a = result.Scenarios.Single(s => s.Scenario == OccupancyScenario.A).Summary.InflammationChangeWeek12!.Value;
        Assert.True(a < -0.01);
        AssertCell(page, "−" + (-a * 100).ToString("0.0", CultureInfo.InvariantCulture));
        AssertCell(page, "+0.0");
    }

    [Fact]
    public void Mechanism_values_that_need_more_time_are_marked_missing_not_zero()
    {
        // Three days: no week 12, but a full night (the last 23:00–07:00 is hours 49–57).
        var page = Page;
        Assert.Equal(2, Regex.Count(page, "<td class=\"num\">— \\(shorter than 12 weeks\\)</td>"));
        Assert.DoesNotContain("no full night", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1174, "−11.7")]
    [InlineData(0.05, "+5.0")]
    [InlineData(0.0, "+0.0")]
    [InlineData(-0.00001, "+0.0")]
    public void Signed_percent_uses_a_true_minus_and_never_shows_minus_zero(double fraction, string expected) =>
        Assert.Equal(expected, SimulationReport.SignedPercent(fraction));

    [Fact]
    public void Page_names_the_condition_and_charts_the_score_on_its_instrument()
    {
        var result = TwelveWeeksCrohns.Value;
        var page = SimulationReport.Render(result, GeneratedAt);

        Assert.Contains("<dt>Condition</dt><dd>" + SimulationReport.Text("Crohn's disease (crohns-disease)") + "</dd>", page, StringComparison.Ordinal);
        var baseline = result.Condition.Instrument.Baseline;
        Assert.Contains(SimulationReport.Text($"CDAI (points), 0–600, lower is better; trial baseline {baseline.ToString("0.##", CultureInfo.InvariantCulture)}"), page, StringComparison.Ordinal);
        Assert.Contains("<dt>TLR4 term</dt><dd>off", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Clinical score — CDAI (points)</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Signalling, receptors, synthesis and inflammation — Scenario B (default)</h3>", page, StringComparison.Ordinal);

        // The chart data carries S, U, P, I and the score for each scenario, thinned like the other curves,
        // and the score axis title.
        using var data = ReportData(page);
        Assert.Equal("CDAI (points)", data.RootElement.GetProperty("scoreLabel").GetString());
        foreach (var (scenario, json) in result.Scenarios.Zip(data.RootElement.GetProperty("scenarios").EnumerateArray()))
        {
            var points = json.GetProperty("time").GetArrayLength();
            Assert.Equal(SimulationReport.ChartIndices(scenario.Series.Count).Length, points);
            foreach (var field in new[] { "signalling", "receptorDensity", "synthesis", "inflammation", "score" })
            {
                Assert.Equal(points, json.GetProperty(field).GetArrayLength());
            }

            Assert.Equal(baseline, json.GetProperty("score")[0].GetDouble(), 3);
            Assert.Equal((float)scenario.Series.OpioidSignalling[^1], json.GetProperty("signalling")[points - 1].GetSingle());
            Assert.Equal((float)scenario.Series.Inflammation[^1], json.GetProperty("inflammation")[points - 1].GetSingle());
        }
    }

    [Fact]
    public void Every_condition_parameter_is_listed_with_status_and_source_after_the_model_parameters()
    {
        var condition = TwelveWeeksCrohns.Value.Condition;
        var page = SimulationReport.Render(TwelveWeeksCrohns.Value, GeneratedAt);
        var table = Table(page, "condition-params");

        Assert.True(page.IndexOf("id=\"model-params\"", StringComparison.Ordinal) < page.IndexOf("id=\"condition-params\"", StringComparison.Ordinal));
        Assert.Equal(condition.Entries.Count, Regex.Count(table, "<tr><td><code>"));
        foreach (var entry in condition.Entries)
        {
            var status = entry.Status.ToString().ToLowerInvariant();
            Assert.Contains(
                $"<tr><td><code>{SimulationReport.Text(entry.Key)}</code></td><td class=\"num\">{entry.Value.ToString(CultureInfo.InvariantCulture)}</td><td>{SimulationReport.Text(entry.Unit)}</td>"
                    + $"<td class=\"status-{status}\">{status}</td><td>{SimulationReport.Text(entry.Source)}</td>",
                table,
                StringComparison.Ordinal);
        }

        Assert.Contains(SimulationReport.Text(condition.Calibration), page, StringComparison.Ordinal);
        Assert.Contains(SimulationReport.Text(condition.Responder.ToString()), page, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_a_condition_file_is_html_encoded()
    {
        var generic = ConditionCatalog.Generic.Parameters;
        var hostile = generic with
        {
            Name = "<script>alert(4)</script>",
            Id = "\"><img src=x>",
            Calibration = "<iframe src=x>",
            Instrument = generic.Instrument with { Name = "</script><script>alert(5)</script>", Unit = "<b>u</b>" },
            Entries = [.. generic.Entries, new ParameterEntry("y<b>", 1, "1", ParameterStatus.Assumed, "<img src=y onerror=alert(6)>", null)],
        };

        var page = SimulationReport.Render(Simulate(ParameterSets.Default, condition: hostile), GeneratedAt);

        Assert.DoesNotContain("<script>alert", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>u", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(4)&lt;/script&gt;", page, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(page, "<script", RegexOptions.IgnoreCase));
        Assert.Equal(3, Regex.Count(page, "</script", RegexOptions.IgnoreCase));

        // In the chart data the instrument name is JSON-escaped, and it reads back intact.
        using var data = ReportData(page);
        Assert.Equal("</script><script>alert(5)</script> (<b>u</b>)", data.RootElement.GetProperty("scoreLabel").GetString());
    }

    [Fact]
    public void The_content_security_policy_lets_exactly_the_inline_scripts_run()
    {
        var page = Page;
        var policy = WebUtility.HtmlDecode(Regex.Match(page, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value);
        var allowed = Regex.Matches(policy, "'sha256-([A-Za-z0-9+/=]+)'").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(2, allowed.Count);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);

        // Every executable script (not the JSON data block) hashes to one of the allowed values, and each
        // allowed value is used: no stale hash after an edit of the drawing code.
        var scripts = Regex.Matches(page, "<script>(.*?)</script>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, scripts.Count);
        var hashes = scripts.Select(text => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)))).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(allowed.Order(StringComparer.Ordinal), hashes.Order(StringComparer.Ordinal));
        Assert.Contains("<script id=\"report-data\" type=\"application/json\">", page, StringComparison.Ordinal);
    }

    private static JsonDocument ReportData(string page)
    {
        var json = Regex.Match(page, "<script id=\"report-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        return JsonDocument.Parse(json);
    }

    /// <summary>The HTML of the table with the given id, up to its closing tag.</summary>
    private static string Table(string page, string id)
    {
        var start = page.IndexOf($"<table class=\"params\" id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No table {id}.");
        var end = page.IndexOf("</table>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    private static void AssertCell(string page, string value) =>
        Assert.Contains("<td class=\"num\">" + value + "</td>", page, StringComparison.Ordinal);

    private static string Concentration(double value) =>
        value.ToString(value >= 100 ? "0" : value >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);
}
