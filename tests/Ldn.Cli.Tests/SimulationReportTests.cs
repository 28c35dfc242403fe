using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Ldn.Cli.Reports;
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

    private static SimulationResult Simulate(ModelParameters parameters, Duration? outputStep = null) => Simulator.Run(
        Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 3, Formulation.Capsule),
        parameters,
        outputStep ?? Duration.FromHours(1),
        [OccupancyScenario.A, OccupancyScenario.B]);

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

        // Concentrations, MOR by scenario, and MOR/DOR/KOR for each of the two scenarios.
        Assert.Equal(4, Regex.Count(page, "<canvas", RegexOptions.IgnoreCase));
        Assert.Contains("id=\"chart-receptors-a\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"chart-receptors-b\"", page, StringComparison.Ordinal);
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
        Assert.Equal(3, Regex.Count(page, "<canvas", RegexOptions.IgnoreCase));
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

        var rows = Regex.Count(page[page.IndexOf("<table class=\"params\">", StringComparison.Ordinal)..], "<tr><td><code>");
        Assert.Equal(parameters.Entries.Count, rows);
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

        Assert.Contains("The simulation has 7,201 points per curve", page, StringComparison.Ordinal);
        Assert.Contains("one point in every 2 (3,601 points, the last always included)", page, StringComparison.Ordinal);
        Assert.Contains("Every simulated point is plotted (73 points, one every 1 h).", Page, StringComparison.Ordinal);
    }

    [Fact]
    public void Chromium_draws_every_chart()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            output.WriteLine($"Not checked in a browser: {chromium} is not installed (apt-get install chromium to run this check).");
            return;
        }

        var folder = Directory.CreateTempSubdirectory("ldn-report-test-");
        try
        {
            var file = Path.Combine(folder.FullName, "report.html");
            File.WriteAllText(file, Page);
            var dom = DumpDom(chromium, file, Path.Combine(folder.FullName, "profile"));

            var body = Regex.Match(dom, "<body[^>]*>");
            Assert.True(body.Success, "Chromium printed no <body>.");
            Assert.DoesNotContain("data-charts-error", body.Value, StringComparison.Ordinal);
            Assert.Contains("data-charts-ready=\"4\"", body.Value, StringComparison.Ordinal);

            // Chart.js sizes every canvas it draws on.
            var canvases = Regex.Matches(dom, "<canvas[^>]*>");
            Assert.Equal(4, canvases.Count);
            Assert.All(canvases, c => Assert.Matches("width=\"[1-9][0-9]*\"", c.Value));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private string DumpDom(string chromium, string file, string profile)
    {
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", new Uri(file).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Chromium did not finish within 90 s.");
        }

        output.WriteLine("chromium stderr: " + stderr.GetAwaiter().GetResult());
        Assert.Equal(0, process.ExitCode);
        return stdout.GetAwaiter().GetResult();
    }

    private static void AssertCell(string page, string value) =>
        Assert.Contains("<td class=\"num\">" + value + "</td>", page, StringComparison.Ordinal);

    private static string Concentration(double value) =>
        value.ToString(value >= 100 ? "0" : value >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture);
}
