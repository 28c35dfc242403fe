using System.Text.Json;
using Ldn.Core.Pharmacology.Parameters;
using Xunit;

namespace Ldn.Cli.Tests;

public sealed class FitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ldn-fit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Json_for_one_structure_follows_the_contract()
    {
        var (code, stdout, stderr) = CliRunner.Run("fit", "--structure", "B", "--bootstrap", "20", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("B", root.GetProperty("structure").GetString());
        Assert.Equal(3, root.GetProperty("data").GetArrayLength());
        Assert.Equal(12, root.GetProperty("data").EnumerateArray().Sum(d => d.GetProperty("n").GetInt32()));
        var m2ll = root.GetProperty("minus2LogLikelihood").GetDouble();
        Assert.Equal(m2ll + 6, root.GetProperty("aic").GetDouble(), 6);
        var parameters = root.GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal(["effectSiteLossRate", "effectSiteEc50", "rabinerScanTime"], parameters.Select(p => p.GetProperty("name").GetString()));
        var k = parameters[0];
        Assert.True(k.GetProperty("identifiable").GetBoolean());
        Assert.InRange(k.GetProperty("estimate").GetDouble(), k.GetProperty("low").GetDouble(), k.GetProperty("high").GetDouble());
        Assert.Equal("1/h", k.GetProperty("unit").GetString());
        var residual = root.GetProperty("residuals")[0];
        var weighted = (residual.GetProperty("observed").GetDouble() - residual.GetProperty("predicted").GetDouble()) / 6.4;
        Assert.Equal("Lee 1988", residual.GetProperty("source").GetString());
        Assert.Equal(weighted, residual.GetProperty("weightedResidual").GetDouble(), 9);
        Assert.True(root.GetProperty("trough45").GetProperty("low").GetDouble() <= root.GetProperty("trough45").GetProperty("high").GetDouble());
    }

    [Fact]
    public void Several_structures_are_ranked_by_aic()
    {
        var (code, stdout, stderr) = CliRunner.Run("fit", "--structure", "A,two-site", "--bootstrap", "0", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var ranking = doc.RootElement.GetProperty("ranking").EnumerateArray().ToList();
        Assert.Equal(["two-site", "A"], ranking.Select(r => r.GetProperty("structure").GetString()));
        Assert.Equal(0, ranking[0].GetProperty("deltaAic").GetDouble());
        Assert.Equal(2, doc.RootElement.GetProperty("fits").GetArrayLength());
    }

    [Fact]
    public void Written_parameter_file_is_accepted_by_simulate_and_its_values_are_used()
    {
        var path = Path.Combine(_dir, "written.yaml");
        var (code, _, stderr) = CliRunner.Run("fit", "--structure", "A", "--bootstrap", "20", "--out", path);
        Assert.True(code == 0, stderr);
        var written = ParameterSetReader.Read(File.ReadAllText(path), path);
        var entry = written.Entries.Single(e => e.Key == "directEc50");
        Assert.Equal(ParameterStatus.Fitted, entry.Status);
        Assert.Contains("Fitted by ldn fit", entry.Source, StringComparison.Ordinal);
        Assert.NotEqual(ParameterSets.Default.DirectEc50.Nanomolar, written.DirectEc50.Nanomolar, 3);

        var fitted = CliRunner.Run("simulate", "--params", path, "--structure", "A", "--dose", "4.5mg", "--count", "2", "--json");
        var shipped = CliRunner.Run("simulate", "--structure", "A", "--dose", "4.5mg", "--count", "2", "--json");
        Assert.True(fitted.ExitCode == 0, fitted.Stderr);
        Assert.NotEqual(MorPeak(shipped.Stdout), MorPeak(fitted.Stdout));
    }

    [Fact]
    public void Unknown_structure_is_one_sentence()
    {
        AssertBadInput(CliRunner.Run("fit", "--structure", "three-site"), "'three-site' is not a blockade structure");
    }

    [Fact]
    public void Data_file_with_no_points_is_refused()
    {
        var path = Write("empty.yaml", "schema: ldn-observations/1\nsource: X\ncitation: Y\nkind: mor-occupancy\npoints: []\n");
        AssertBadInput(CliRunner.Run("fit", "--structure", "A", "--data", path), "has no points, so there is nothing to fit");
        var blank = Write("blank.yaml", string.Empty);
        AssertBadInput(CliRunner.Run("fit", "--structure", "A", "--data", blank), "is empty");
    }

    [Fact]
    public void Data_file_with_a_negative_time_is_refused_naming_the_entry()
    {
        var path = Write("negative.yaml", Points("  - { time: 4, dose: 5, value: 40, unit: \"%\", sd: 8 }\n  - { time: -2, dose: 5, value: 40, unit: \"%\", sd: 8 }\n"));
        AssertBadInput(CliRunner.Run("fit", "--structure", "A", "--data", path), "has point 2 at a negative time");
    }

    [Fact]
    public void Data_file_with_occupancy_above_100_percent_is_refused()
    {
        var path = Write("above.yaml", Points("  - { time: 4, dose: 5, value: 140, unit: \"%\", sd: 8 }\n"));
        AssertBadInput(CliRunner.Run("fit", "--structure", "A", "--data", path), "has point 1 with an occupancy outside 0–100%");
    }

    [Fact]
    public void Non_convergence_says_what_to_try()
    {
        AssertBadInput(CliRunner.Run("fit", "--structure", "two-site", "--max-iterations", "1", "--bootstrap", "0"), "did not converge within 1 iterations");
    }

    private static void AssertBadInput((int ExitCode, string Stdout, string Stderr) run, string expected)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    private static string Points(string points) => "schema: ldn-observations/1\nsource: X\ncitation: Y\nkind: mor-occupancy\npoints:\n" + points;

    private static double MorPeak(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("results")[0].GetProperty("summary").GetProperty("morPeak").GetDouble();
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}
