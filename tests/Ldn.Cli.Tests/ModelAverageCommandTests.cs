using System.Text.Json;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// The default of <c>simulate</c> and <c>dose-response</c> (issue 12 item 4): the model average first, with its band; an
/// explicit structure or a parameter file keeps the old output.
/// </summary>
public sealed class ModelAverageCommandTests
{
    [Fact]
    public void Simulate_json_puts_the_model_average_first_with_a_band_that_holds_every_point()
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "28", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var results = root.GetProperty("results");
        Assert.Equal(["model-average", "B"], results.EnumerateArray().Select(r => r.GetProperty("scenario").GetString()));

        var summary = results[0].GetProperty("summary");
        double Field(string name) => summary.GetProperty(name).GetDouble();
        Assert.InRange(Field("morTrough"), Field("morTroughLow"), Field("morTroughHigh"));
        Assert.InRange(Field("morPeak"), Field("morPeakLow"), Field("morPeakHigh"));
        Assert.True(Field("morTroughLow") < Field("morTroughHigh"));
        foreach (var point in results[0].GetProperty("series").EnumerateArray())
        {
            Assert.InRange(point.GetProperty("mor").GetDouble(), point.GetProperty("morLow").GetDouble(), point.GetProperty("morHigh").GetDouble());
        }

        // The structures' own entries carry no band fields.
        Assert.False(results[1].GetProperty("summary").TryGetProperty("morTroughLow", out _));
        Assert.False(results[1].GetProperty("series")[0].TryGetProperty("morLow", out _));

        var structures = root.GetProperty("structures").EnumerateArray().ToList();
        Assert.Equal(1.0, structures.Sum(s => s.GetProperty("weight").GetDouble()), 9);
        Assert.Equal(root.GetProperty("bandReplicates").GetInt32(), structures.Sum(s => s.GetProperty("replicates").GetInt32()));
        Assert.Contains("χ²", root.GetProperty("adequacyTest").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--scenario", "B")]
    [InlineData("--structure", "slow-pool")]
    public void An_explicit_structure_keeps_the_old_output(string option, string value)
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "3", option, value, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal([value], doc.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("scenario").GetString()));
        Assert.Empty(doc.RootElement.GetProperty("structures").EnumerateArray());
    }

    [Fact]
    public void A_parameter_file_gets_no_average_and_says_so_in_one_sentence()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "data", "parameters", "naltrexone.yaml");
        var (code, stdout, stderr) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "3", "--params", path, "--json");
        Assert.Equal(0, code);
        Assert.Contains("No model average", stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(["B"], doc.RootElement.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("scenario").GetString()));
        Assert.StartsWith("No model average", doc.RootElement.GetProperty("averageNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_console_view_shows_the_average_and_its_band_first_within_80_columns()
    {
        var (code, stdout, _) = CliRunner.Run("simulate", "--dose", "4.5mg", "--count", "28");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.StartsWith("MOR trough ", StringComparison.Ordinal) && l.Contains("95% band", StringComparison.Ordinal) && l.Length <= 80);
        var header = lines.Single(l => l.Contains("Quantity", StringComparison.Ordinal));
        Assert.True(header.IndexOf("Model average", StringComparison.Ordinal) < header.IndexOf("Scenario B", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.StartsWith('│') || l.StartsWith('╭')), l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
    }

    [Fact]
    public void Dose_response_json_lists_the_model_average_rows_first_with_their_band()
    {
        var (code, stdout, _) = CliRunner.Run("dose-response", "--doses", "1,4.5", "--weeks", "2", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["model-average", "model-average", "A", "A", "B", "B"], rows.Select(r => r.GetProperty("scenario").GetString()));
        foreach (var row in rows.Take(2))
        {
            Assert.InRange(row.GetProperty("morTrough").GetDouble(), row.GetProperty("morTroughLow").GetDouble(), row.GetProperty("morTroughHigh").GetDouble());
            Assert.InRange(row.GetProperty("morPeak").GetDouble(), row.GetProperty("morPeakLow").GetDouble(), row.GetProperty("morPeakHigh").GetDouble());
        }

        // More drug, more blockade: the average's trough rises from 1 to 4.5 mg.
        Assert.True(rows[1].GetProperty("morTrough").GetDouble() > rows[0].GetProperty("morTrough").GetDouble());
        Assert.False(rows[2].TryGetProperty("morTroughLow", out _));
        Assert.Equal(Ldn.Core.Pharmacology.Fitting.FitCatalog.Shipped.Count(f => f.Adequate), doc.RootElement.GetProperty("structures").GetArrayLength());
    }
}
