using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ldn.Cli.Commands;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// <c>simulate</c> streams every output (issue 13 item 5): JSON, CSV, the console view and the HTML report are fed from
/// one replay per series and keep nothing that grows with the horizon. The reference is the same command with
/// <see cref="SimulateCommand.KeepSeries"/> set, which keeps the whole series and writes each output from it as before:
/// the streamed outputs must equal it byte for byte (the report but for its time stamp).
/// </summary>
public sealed class SimulationStreamTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ldn-stream-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string[]> Runs => new()
    {
        { ["--dose", "4.5mg", "--count", "10", "--output-step", "30min"] },
        { ["--dose", "3mg", "--count", "5", "--scenario", "both", "--horizon", "6d"] },
        { ["--dose", "4.5mg", "--count", "3", "--structure", "all", "--formulation", "liquid"] },
        { ["--dose", "1.5mg", "--count", "1", "--horizon", "3d", "--tlr4", "--condition", "crohns-disease"] },
    };

    /// <summary>Every combination of outputs the brief names: console alone, JSON, CSV alone, CSV + JSON, report, all three.</summary>
    private static readonly string[][] Outputs =
    [
        [],
        ["--json"],
        ["--csv", "series.csv"],
        ["--csv", "series.csv", "--json"],
        ["--report", "report.html"],
        ["--report", "report.html", "--csv", "series.csv", "--json"],
    ];

    [Theory]
    [MemberData(nameof(Runs))]
    public void Streamed_outputs_equal_the_in_memory_outputs(string[] run)
    {
        foreach (var outputs in Outputs)
        {
            AssertSame([.. run, .. outputs]);
        }
    }

    [Fact]
    public void Streamed_plan_equals_the_in_memory_outputs()
    {
        var plan = Path.Combine(_folder, "plan.json");
        File.WriteAllText(plan, CliRunner.Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--json").Stdout);
        AssertSame(["--plan", plan, "--horizon", "20d", "--json", "--csv", "series.csv"]);
        AssertSame(["--plan", plan, "--horizon", "20d", "--scenario", "both", "--report", "report.html", "--csv", "series.csv"]);
    }

    [Fact]
    public void Csv_alone_equals_the_in_memory_csv_and_leaves_the_table_on_stdout()
    {
        var (kept, streamed) = AssertSame(["--dose", "4.5mg", "--count", "7", "--output-step", "15min", "--csv", "series.csv"]);
        Assert.Contains("MOR blockade peak", streamed["stdout"], StringComparison.Ordinal);
        Assert.Equal(1 + (7 * 24 * 4) + 1, kept["series.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Thinned_report_keeps_the_summary_of_the_full_run_and_every_extreme_of_each_curve()
    {
        // 30 days at 1 minute: 43,201 points per curve, far more than a chart keeps.
        var (_, streamed) = AssertSame(
            ["--dose", "4.5mg", "--count", "30", "--output-step", "1min", "--scenario", "both", "--json", "--csv", "series.csv", "--report", "report.html"]);
        var page = streamed["report.html"];
        Assert.Contains("The simulation has 43,201 points per curve", page, StringComparison.Ordinal);
        Assert.Contains("every peak and trough of the full simulation shows", page, StringComparison.Ordinal);

        // The summary table equals the JSON summary, which is read off the full run.
        using var json = JsonDocument.Parse(streamed["stdout"]);
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        var summaries = results.Select(r => r.GetProperty("summary")).ToList();
        Assert.Equal(2, summaries.Count);
        foreach (var (row, field, format) in new[]
        {
            ("Naltrexone Cmax (ng/mL)", "parentCmaxNgPerMl", "conc"),
            ("MOR blockade peak (%)", "morPeak", "percent"),
            ("MOR blockade trough (%)", "morTrough", "percent"),
            ("MOR blockade mean (%)", "morMean", "percent"),
            ("Hours with MOR blockade &gt; 25%", "hoursMorAbove25", "0.0"),
            ("Signalling overshoot (hours a day with S &gt; 1)", "signallingOvershootHours", "0.0"),
        })
        {
            var cells = Regex.Match(page, "<tr><th scope=\"row\">" + Regex.Escape(row) + "</th>(.*?)</tr>").Groups[1].Value;
            var expected = string.Concat(summaries.Select(s => "<td class=\"num\">" + Format(s.GetProperty(field).GetDouble(), format) + "</td>"));
            Assert.Equal(expected, cells);
        }

        // Each chart line keeps the global maximum and minimum of its quantity over the full CSV.
        using var data = ReportData(page);
        var rows = streamed["series.csv"].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        var columns = new (string Chart, int Csv, double Scale)[]
        {
            ("mor", 5, 100), ("dor", 6, 100), ("kor", 7, 100), ("signalling", 8, 1), ("receptorDensity", 9, 1),
            ("synthesis", 10, 1), ("inflammation", 11, 1), ("score", 12, 1),
        };
        foreach (var scenario in data.RootElement.GetProperty("scenarios").EnumerateArray())
        {
            var id = scenario.GetProperty("id").GetString();
            var full = rows.Where(r => r[0] == id).ToList();
            Assert.Equal(43_201, full.Count);
            Assert.InRange(scenario.GetProperty("time").GetArrayLength(), 100, 5000);
            foreach (var (chart, csv, scale) in columns)
            {
                var values = full.Select(r => (float)(double.Parse(r[csv], CultureInfo.InvariantCulture) * scale)).ToList();
                var plotted = scenario.GetProperty(chart).EnumerateArray().Select(v => v.GetSingle()).ToList();
                Assert.Equal(values.Max(), plotted.Max());
                Assert.Equal(values.Min(), plotted.Min());
            }

            var times = scenario.GetProperty("time").EnumerateArray().Select(v => v.GetDouble()).ToList();
            Assert.Equal(times.Order(), times);
            Assert.Equal(0, times[0]);
            Assert.Equal(720, times[^1], 3);
        }
    }

    private static string Format(double value, string format) => format switch
    {
        "conc" => value.ToString(value >= 100 ? "0" : value >= 1 ? "0.00" : "0.000", CultureInfo.InvariantCulture),
        "percent" => (value * 100).ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString(format, CultureInfo.InvariantCulture),
    };

    private static JsonDocument ReportData(string page) =>
        JsonDocument.Parse(Regex.Match(page, "<script id=\"report-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value);

    /// <summary>
    /// Runs the command kept and streamed with the same file names (in this test's folder) and asserts that stdout,
    /// stderr and every file written are the same; returns both runs' texts by file name ("stdout" for stdout).
    /// </summary>
    private (Dictionary<string, string> Kept, Dictionary<string, string> Streamed) AssertSame(string[] run)
    {
        var files = run.Where(a => a is "series.csv" or "report.html").ToList();
        var args = run.Select(a => files.Contains(a) ? Path.Combine(_folder, a) : a).ToArray();
        Dictionary<string, string> Once(bool keep)
        {
            SimulateCommand.KeepSeries.Value = keep;
            try
            {
                var (code, stdout, stderr) = CliRunner.Run(["simulate", .. args]);
                Assert.True(code == 0, stderr);
                var texts = new Dictionary<string, string> { ["stdout"] = stdout, ["stderr"] = stderr };
                foreach (var file in files)
                {
                    texts[file] = Regex.Replace(File.ReadAllText(Path.Combine(_folder, file)), "<time datetime=\"[^\"]*\">[^<]*</time>", "<time/>");
                    File.Delete(Path.Combine(_folder, file));
                }

                return texts;
            }
            finally
            {
                SimulateCommand.KeepSeries.Value = false;
            }
        }

        var kept = Once(keep: true);
        var streamed = Once(keep: false);
        Assert.Equal(kept.Keys.Order(), streamed.Keys.Order());
        foreach (var (name, text) in kept)
        {
            Assert.True(text == streamed[name], $"{name} differs for simulate {string.Join(' ', run)}");
        }

        Assert.True(kept["stdout"].Length > 500);
        return (kept, streamed);
    }
}
