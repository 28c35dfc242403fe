using System.Text.RegularExpressions;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 13, item 7: patient-facing text mentioned internal sources ("§3.3"). The plan, its calendar and the advice
/// name published sources only; the JSON keeps the maintainers' references for traceability.
/// </summary>
public sealed partial class PublishedSourceOutputTests
{
    [Theory]
    [InlineData("standard")]
    [InlineData("fixed-4.5")]
    [InlineData("slow-start")]
    [InlineData("gentle")]
    [InlineData("pediatric")]
    public void Plan_text_and_calendar_name_no_internal_document(string protocol)
    {
        var ics = Path.Combine(Path.GetTempPath(), $"ldn-src-{Guid.NewGuid():N}.ics");
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("plan", "--protocol", protocol, "--start", "2027-03-20", "--at", "02:30", "--tz", "Europe/Oslo", "--weight", "30kg", "--ics", ics);
            Assert.True(code == 0, stderr);
            Assert.DoesNotMatch(Internal(), stdout);
            Assert.DoesNotMatch(Internal(), File.ReadAllText(ics).Replace("\r\n ", "", StringComparison.Ordinal));
            Assert.Contains("Source: ", stdout, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(ics);
        }
    }

    [Fact]
    public void Advice_names_no_internal_document()
    {
        var state = Path.Combine(Path.GetTempPath(), $"ldn-state-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(state, "currentDoseMg: 3\ndaysOnStep: 6\nnextDoseMg: 4.5\npreviousDoseMg: 1.5\ndoseTime: \"22:00\"\ntoday: 2026-12-15\nsideEffects: [ { kind: vivid dreams, severity: moderate, daysOngoing: 5 } ]\nconditions: { thyroidReplacement: true }\n");
        try
        {
            var (code, stdout, stderr) = CliRunner.Run("advise", "--state", state);
            Assert.True(code == 0, stderr);
            Assert.Contains("Source: ", stdout, StringComparison.Ordinal);
            Assert.DoesNotMatch(Internal(), stdout + stderr);
        }
        finally
        {
            File.Delete(state);
        }
    }

    // A project document or data file, or a bare section sign that is not a published standard's ("RFC 5545 §3.3.5").
    [GeneratedRegex(@"\.md\b|seeds/|data/[\w/]+\.yaml|(?<!RFC 5545 )§\d")]
    private static partial Regex Internal();
}
