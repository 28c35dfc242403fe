using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Xunit;

namespace Ldn.Cli.Tests;

public sealed class PopulationCommandTests
{
    private static readonly string[] Small = ["population", "--n", "16", "--weeks", "1", "--seed", "42", "--json"];

    [Fact]
    public void Json_output_follows_the_contract()
    {
        var (code, stdout, stderr) = CliRunner.Run(Small);
        Assert.Equal(0, code);
        Assert.Matches(@"^16 subjects × 7 days in [0-9.]+ s = [0-9,]+ subject-days/s on \d+ threads\r?\n$", stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(16, root.GetProperty("n").GetInt32());
        Assert.Equal(42, root.GetProperty("seed").GetInt64());
        // The default structure is slow-pool (chosen on the evidence, docs/model.md §6), on the fast engine.
        Assert.Equal("slow-pool", root.GetProperty("scenario").GetString());
        Assert.Equal("fast", root.GetProperty("engine").GetString());
        Assert.Equal(4.5, root.GetProperty("doseMg").GetDouble());
        Assert.Equal(1, root.GetProperty("weeks").GetInt32());
        Assert.Equal("generic", root.GetProperty("condition").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("instrument").GetString()));
        Assert.Equal(LdnApp.Notice, root.GetProperty("notice").GetString());
        var series = root.GetProperty("series");
        Assert.Equal((7 * 4) + 1, series.GetArrayLength());
        Assert.Equal(6, series[1].GetProperty("timeHours").GetDouble());
        foreach (var field in new[] { "mor", "opioidSignalling", "inflammation", "clinicalScore" })
        {
            var band = series[10].GetProperty(field);
            var p5 = band.GetProperty("p5").GetDouble();
            var p50 = band.GetProperty("p50").GetDouble();
            var p95 = band.GetProperty("p95").GetDouble();
            Assert.True(p5 <= p50 && p50 <= p95, field);
        }
    }

    [Fact]
    public void One_and_two_threads_print_the_same_document()
    {
        var one = CliRunner.Run([.. Small, "--threads", "1"]);
        var two = CliRunner.Run([.. Small, "--threads", "2"]);
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Stdout, two.Stdout);
        Assert.Contains("on 1 threads", one.Stderr, StringComparison.Ordinal);
        Assert.Contains("on 2 threads", two.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_shows_weekly_rows_and_the_notice()
    {
        var (code, stdout, _) = CliRunner.Run("population", "--n", "8", "--weeks", "2", "--scenario", "A");
        Assert.Equal(0, code);
        Assert.Contains("scenario A", stdout, StringComparison.Ordinal);
        Assert.Contains("MOR blockade", stdout, StringComparison.Ordinal);
        Assert.Contains("not medical advice", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--n", "0")]
    [InlineData("--n", "1000000000")]
    [InlineData("--weeks", "-1")]
    [InlineData("--dose", "4.5kg")]
    [InlineData("--scenario", "both")]
    [InlineData("--threads", "0")]
    [InlineData("--output-step", "1min")]
    public void Bad_input_exits_2_with_one_line(string option, string value)
    {
        var (code, stdout, stderr) = CliRunner.Run("population", "--weeks", "520", option, value);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd().Split('\n'));
        Assert.EndsWith(".", stderr.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Subjects_csv_has_one_row_per_subject_and_its_percentiles_match_the_report()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ldn-subjects-{Guid.NewGuid():N}.csv");
        try
        {
            var (code, stdout, _) = CliRunner.Run("population", "--n", "200", "--weeks", "2", "--seed", "7", "--subjects", path, "--json");
            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            var last = root.GetProperty("series")[root.GetProperty("series").GetArrayLength() - 1];
            var resolution = root.GetProperty("percentileResolution");

            using var csv = CsvReader.FromText(File.ReadAllText(path), new CsvReaderOptions { HasHeader = true, FormatProvider = CultureInfo.InvariantCulture });
            var headers = csv.Headers!.ToList();
            Assert.Equal("id", headers[0]);
            Assert.Contains("parentVolume (L)", headers);
            Assert.Contains("absorptionRate (1/h)", headers);
            var columns = new Dictionary<string, List<double>> { ["morEnd"] = [], ["opioidSignallingEnd"] = [], ["inflammationEnd"] = [], ["clinicalScoreEnd"] = [] };
            var ids = new List<int>();
            while (csv.Read())
            {
                ids.Add(int.Parse(csv.GetString("id"), CultureInfo.InvariantCulture));
                Assert.InRange(int.Parse(csv.GetString("dosesTaken"), CultureInfo.InvariantCulture), 0, 14);
                foreach (var (name, values) in columns)
                {
                    values.Add(double.Parse(csv.GetString(name), CultureInfo.InvariantCulture));
                }
            }

            Assert.Equal(Enumerable.Range(0, 200), ids);

            // The report's percentile lies in the histogram bin of the order statistic x(⌈q·n⌉), so within one bin width of it.
            (string Column, string Field, string Resolution)[] pairs =
                [("morEnd", "mor", "mor"), ("opioidSignallingEnd", "opioidSignalling", "opioidSignalling"), ("inflammationEnd", "inflammation", "inflammation"), ("clinicalScoreEnd", "clinicalScore", "clinicalScore")];
            foreach (var (column, field, bin) in pairs)
            {
                var sorted = columns[column].Order().ToList();
                var width = resolution.GetProperty(bin).GetDouble();
                foreach (var (q, name) in new[] { (0.05, "p5"), (0.5, "p50"), (0.95, "p95") })
                {
                    var exact = sorted[(int)Math.Ceiling(q * sorted.Count) - 1];
                    var reported = last.GetProperty(field).GetProperty(name).GetDouble();
                    Assert.InRange(reported - exact, -width, width);
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_unknown_engine_exits_2_with_one_sentence()
    {
        var (code, _, stderr) = CliRunner.Run("population", "--n", "4", "--engine", "turbo");
        Assert.Equal(2, code);
        Assert.Contains("'turbo' is not an engine", stderr, StringComparison.Ordinal);
    }
}
