using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ldn.Core;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Cli.Tests;

/// <summary>
/// <c>--report FILE.html</c> on population, dose-response, trial, validate and fit (issue 12, item 7b): each command
/// writes one self-contained page whose chart data are the numbers the same run prints with <c>--json</c>, with one
/// <c>&lt;canvas&gt;</c> per chart and the not-medical-advice notice; where Chromium is installed it must draw every chart.
/// Sizes are kept small (population 200 subjects, fit 20 bootstrap replicates, trial 10 repetitions).
/// </summary>
public sealed partial class ResearchReportTests(ITestOutputHelper output)
{
    /// <summary>Chart values are the JSON values, scaled at most by 100 (fractions to %) or 1/24 (hours to days): only rounding differs.</summary>
    private const double Tolerance = 1e-9;

    [Fact]
    public void Population_report_plots_the_json_percentiles()
    {
        var (json, page) = Run("population", "--n", "200", "--weeks", "2", "--seed", "7", "--json");
        var series = json.GetProperty("series").EnumerateArray().ToList();
        var mor = Chart(page, 0);

        Assert.Equal("line", mor.GetProperty("kind").GetString());
        var band = mor.GetProperty("series")[0];
        Assert.Equal(series.Count, band.GetProperty("x").GetArrayLength());
        for (var i = 0; i < series.Count; i++)
        {
            var p = series[i].GetProperty("mor");
            Assert.Equal(series[i].GetProperty("timeHours").GetDouble() / 24, band.GetProperty("x")[i].GetDouble(), Tolerance);
            Assert.Equal(p.GetProperty("p50").GetDouble() * 100, band.GetProperty("y")[i].GetDouble(), Tolerance);
            Assert.Equal(p.GetProperty("p5").GetDouble() * 100, band.GetProperty("low")[i].GetDouble(), Tolerance);
            Assert.Equal(p.GetProperty("p95").GetDouble() * 100, band.GetProperty("high")[i].GetDouble(), Tolerance);
        }

        var inflammation = Chart(page, 1).GetProperty("series")[0];
        Assert.Equal(series[^1].GetProperty("inflammation").GetProperty("p50").GetDouble(), inflammation.GetProperty("y")[series.Count - 1].GetDouble(), Tolerance);
        Assert.Contains("Weekly percentiles", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Seed</dt><dd>7</dd>", page, StringComparison.Ordinal);
        CheckPage(page, "ldn population --n 200 --weeks 2 --seed 7 --json --report");
    }

    [Fact]
    public void Dose_response_report_plots_the_json_rows_per_structure()
    {
        var (json, page) = Run("dose-response", "--doses", "0.5,4.5,50", "--weeks", "2", "--scenario", "both", "--json");
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        var trough = Chart(page, 0);

        Assert.True(trough.GetProperty("logX").GetBoolean());
        var lines = trough.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(["structure A", "structure B"], lines.Select(l => l.GetProperty("label").GetString()));
        foreach (var line in lines)
        {
            var scenario = line.GetProperty("label").GetString()!["structure ".Length..];
            var expected = rows.Where(r => r.GetProperty("scenario").GetString() == scenario).ToList();
            Assert.Equal(3, expected.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].GetProperty("doseMg").GetDouble(), line.GetProperty("x")[i].GetDouble(), Tolerance);
                Assert.Equal(expected[i].GetProperty("morTrough").GetDouble() * 100, line.GetProperty("y")[i].GetDouble(), Tolerance);
            }
        }

        // Two weeks: no week-12 inflammation change, so no chart of it (trough, peak, overshoot only).
        Assert.Equal(3, Charts(page).GetArrayLength());
        Assert.Contains("what-if", page, StringComparison.Ordinal);
        CheckPage(page, "ldn dose-response --doses 0.5,4.5,50");
    }

    [Fact]
    public void Trial_report_plots_the_json_arms_and_typical_time_courses()
    {
        var (json, page) = Run("trial", "--preset", "smith-2011", "--scenario", "B", "--repetitions", "10", "--json");
        var arms = json.GetProperty("arms").EnumerateArray().ToList();
        var drugArms = arms.Count(a => a.GetProperty("doseMg").GetDouble() > 0);

        var blockade = Chart(page, 0);
        Assert.Equal(drugArms, blockade.GetProperty("series").GetArrayLength());
        Assert.All(blockade.GetProperty("series").EnumerateArray(), s => Assert.All(s.GetProperty("y").EnumerateArray(), y => Assert.InRange(y.GetDouble(), 0, 100)));

        var change = Charts(page).EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "bar" && c.GetProperty("title").GetString()!.StartsWith("Mean change", StringComparison.Ordinal));
        var categories = change.GetProperty("categories").EnumerateArray().Select(c => c.GetString()).ToList();
        var predicted = change.GetProperty("series")[0];
        Assert.Equal("predicted, B", predicted.GetProperty("label").GetString());
        foreach (var arm in arms)
        {
            var index = categories.IndexOf(arm.GetProperty("name").GetString());
            Assert.Equal(arm.GetProperty("meanChange").GetDouble(), predicted.GetProperty("y")[index].GetDouble(), Tolerance);
        }

        Assert.Contains("Effect against placebo", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Seed</dt><dd>42</dd>", page, StringComparison.Ordinal);
        CheckPage(page, "ldn trial --preset smith-2011");
    }

    [Fact]
    public void Validate_report_plots_every_target_published_against_simulated()
    {
        var (json, page) = Run("validate", "--json");
        var targets = json.GetProperty("targets").EnumerateArray()
            .Select(t => (Published: t.GetProperty("published").GetDouble(), Simulated: t.GetProperty("simulated").GetDouble())).ToList();

        var points = Charts(page).EnumerateArray()
            .Where(c => c.GetProperty("identityLine").GetBoolean())
            .SelectMany(c => c.GetProperty("series").EnumerateArray())
            .SelectMany(s => s.GetProperty("x").EnumerateArray().Zip(s.GetProperty("y").EnumerateArray(), (x, y) => (Published: x.GetDouble(), Simulated: y.GetDouble())))
            .ToList();

        Assert.Equal(targets.Count, points.Count);
        Assert.All(points, p => Assert.Contains(targets, t => Math.Abs(t.Published - p.Published) < Tolerance && Math.Abs(t.Simulated - p.Simulated) < Tolerance));

        // The pass/fail table says what the JSON summary says, row by row.
        foreach (var row in json.GetProperty("summary").EnumerateArray())
        {
            var cells = $"<td>{row.GetProperty("structure").GetString()}</td><td>{WebUtility.HtmlEncode(row.GetProperty("dataset").GetString())}</td>"
                + $"<td class=\"num\">{row.GetProperty("targets").GetInt32()}</td><td>{(row.GetProperty("passed").GetBoolean() ? "yes" : "NO")}</td>";
            Assert.Contains(cells, page, StringComparison.Ordinal);
        }

        CheckPage(page, "ldn validate --json --report");
    }

    [Fact]
    public void Fit_report_shows_the_json_likelihood_residuals_and_bootstrap()
    {
        var (json, page) = Run("fit", "--structure", "B", "--bootstrap", "20", "--json");

        var minus2Ll = json.GetProperty("minus2LogLikelihood").GetDouble();
        Assert.Contains($"<td class=\"num\">{minus2Ll.ToString("0.00", CultureInfo.InvariantCulture)}</td>", page, StringComparison.Ordinal);

        var residuals = Chart(page, 0);
        Assert.Equal(0, residuals.GetProperty("referenceY").GetDouble());
        var plotted = residuals.GetProperty("series").EnumerateArray().SelectMany(s => s.GetProperty("y").EnumerateArray().Select(y => y.GetDouble())).Order().ToList();
        var expected = json.GetProperty("residuals").EnumerateArray().Select(r => r.GetProperty("weightedResidual").GetDouble()).Order().ToList();
        Assert.Equal(expected.Count, plotted.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i], plotted[i], Tolerance);
        }

        // The histogram holds every converged replicate, and its range holds the fit's own bootstrap interval
        // (the same troughs, recomputed from the replicates' parameter sets).
        var histogram = Chart(page, 1);
        Assert.True(histogram.GetProperty("histogram").GetBoolean());
        var counts = histogram.GetProperty("series")[0].GetProperty("y").EnumerateArray().Sum(c => c.GetDouble());
        Assert.Equal(json.GetProperty("bootstrapReplicates").GetInt32(), (int)counts);
        var bins = histogram.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList();
        var first = double.Parse(bins[0].Split('–')[0], CultureInfo.InvariantCulture);
        var last = double.Parse(bins[^1].Split('–')[1], CultureInfo.InvariantCulture);
        var trough = json.GetProperty("trough45");
        Assert.InRange(trough.GetProperty("low").GetDouble(), first - 0.05, last + 0.05);
        Assert.InRange(trough.GetProperty("high").GetDouble(), first - 0.05, last + 0.05);
        CheckPage(page, "ldn fit --structure B --bootstrap 20");
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("population", "--n", "10")]
    [InlineData("dose-response", "--doses", "1")]
    [InlineData("fit", "--bootstrap", "0")]
    [InlineData("simulate", "--dose", "1mg")]
    public void A_report_path_that_is_an_input_file_is_refused_and_the_input_kept(params string[] command)
    {
        var folder = Directory.CreateTempSubdirectory("ldn-research-report-");
        try
        {
            var input = Path.Combine(folder.FullName, "params.yaml");
            File.WriteAllText(input, "not touched");

            var (code, stdout, stderr) = CliRunner.Run([.. command, "--params", input, "--report", input]);

            Assert.Equal(2, code);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("which this command also uses", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.TrimEnd().Split('\n'));
            Assert.Equal("not touched", File.ReadAllText(input));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs the command with <c>--report</c> into a temporary file; returns its JSON output and the page.</summary>
    private (JsonElement Json, string Page) Run(params string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("ldn-research-report-");
        try
        {
            var file = Path.Combine(folder.FullName, "report.html");
            var (code, stdout, stderr) = CliRunner.Run([.. args, "--report", file]);
            output.WriteLine(stderr);
            Assert.Equal(0, code);
            Assert.Contains($"Wrote the report to {file}.", stderr, StringComparison.Ordinal);
            var page = File.ReadAllText(file);
            CheckDrawn(file, page);
            return (JsonDocument.Parse(stdout).RootElement.Clone(), page);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Document structure, one canvas per chart in the data block, the notice, and the command in the footer.</summary>
    private static void CheckPage(string page, string commandStart)
    {
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", page, StringComparison.Ordinal);
        Assert.EndsWith("</body>\n</html>\n", page, StringComparison.Ordinal);
        foreach (var tag in new[] { "main", "table", "figure", "section", "footer", "dl", "h2", "h3" })
        {
            Assert.Equal(Regex.Count(page, $"<{tag}[ >]"), Regex.Count(page, $"</{tag}>"));
        }

        var charts = Charts(page).EnumerateArray().ToList();
        Assert.NotEmpty(charts);
        Assert.Equal(charts.Count, Regex.Count(page, "<canvas "));
        foreach (var chart in charts)
        {
            Assert.Contains($"<canvas id=\"{chart.GetProperty("id").GetString()}\"", page, StringComparison.Ordinal);
            Assert.NotEqual(0, chart.GetProperty("series").GetArrayLength());
        }

        Assert.Contains(Disclaimer.NotMedicalAdvice, page, StringComparison.Ordinal);
        Assert.Contains("Research model, not medical advice.", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Command</dt><dd>" + WebUtility.HtmlEncode(commandStart), page, StringComparison.Ordinal);
    }

    private static JsonElement Charts(string page)
    {
        var block = DataBlock().Match(page);
        Assert.True(block.Success, "The page has no report-data block.");
        return JsonDocument.Parse(block.Groups[1].Value).RootElement.GetProperty("charts").Clone();
    }

    private static JsonElement Chart(string page, int index) => Charts(page)[index];

    /// <summary>Where Chromium is installed, the page must draw every chart (data-charts-ready = their number).</summary>
    private void CheckDrawn(string file, string page)
    {
        if (HeadlessChromium.Find(output) is not { } chromium)
        {
            return;
        }

        var dom = HeadlessChromium.DumpDom(chromium, file, output);
        var body = Regex.Match(dom, "<body[^>]*>");
        Assert.True(body.Success, "Chromium printed no <body>.");
        Assert.DoesNotContain("data-charts-error", body.Value, StringComparison.Ordinal);
        Assert.Contains($"data-charts-ready=\"{Charts(page).GetArrayLength()}\"", body.Value, StringComparison.Ordinal);
    }

    [GeneratedRegex("<script id=\"report-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();
}
