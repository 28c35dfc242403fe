using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// <c>simulate --json</c> streams its series (issue 13 item 5). With <c>--report</c> the command keeps the whole result
/// and writes it with the existing serializer; the streamed output must be the same document byte for byte, and the
/// streamed CSV the same file.
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

    [Theory]
    [MemberData(nameof(Runs))]
    public void Streamed_json_and_csv_equal_the_in_memory_document(string[] run) => AssertSame(run);

    [Fact]
    public void Streamed_plan_equals_the_in_memory_document()
    {
        var plan = Path.Combine(_folder, "plan.json");
        File.WriteAllText(plan, CliRunner.Run("plan", "--protocol", "standard", "--start", "2026-12-01", "--json").Stdout);
        AssertSame(["--plan", plan, "--horizon", "20d"]);
        AssertSame(["--plan", plan, "--horizon", "20d", "--scenario", "both"]);
    }

    private void AssertSame(string[] run)
    {
        var streamedCsv = Path.Combine(_folder, "streamed.csv");
        var keptCsv = Path.Combine(_folder, "kept.csv");
        var streamed = CliRunner.Run(["simulate", .. run, "--json", "--csv", streamedCsv]);
        var kept = CliRunner.Run(["simulate", .. run, "--json", "--csv", keptCsv, "--report", Path.Combine(_folder, "report.html")]);
        Assert.Equal(0, kept.ExitCode);
        Assert.Equal(0, streamed.ExitCode);
        Assert.Contains("\"series\":[{\"timeHours\":0,", kept.Stdout, StringComparison.Ordinal);
        Assert.Equal(kept.Stdout, streamed.Stdout);
        Assert.Equal(File.ReadAllText(keptCsv), File.ReadAllText(streamedCsv));
        Assert.True(File.ReadAllLines(keptCsv).Length > 50);
    }
}
