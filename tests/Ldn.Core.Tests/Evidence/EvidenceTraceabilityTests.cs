using System.Globalization;
using System.Text.RegularExpressions;
using Ldn.Core.Evidence;
using Ldn.Core.Tests.Protocols;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Core.Tests.Evidence;

/// <summary>
/// Every number in data/evidence must trace to the research document it was built from: each figure of
/// a study (n, dose, duration, year, and the numbers in its result and sample text), of a side-effect
/// finding and of a claim's verdict must appear in shared/research/clinical-evidence.md. A number typed
/// wrong, or derived without saying so, fails here. The document sits beside the repository (as in CI);
/// elsewhere the check says it could not run.
/// </summary>
public sealed partial class EvidenceTraceabilityTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_number_in_the_evidence_files_appears_in_the_research_document()
    {
        var document = Path.Combine(ShippedProtocolTests.RepositoryRoot(), "..", "shared", "research", "clinical-evidence.md");
        if (!File.Exists(document))
        {
            Assert.True(Environment.GetEnvironmentVariable("LDN_CI") != "1", $"The research document {document} is missing in CI.");
            output.WriteLine($"Not checked: {document} is not beside the repository.");
            return;
        }

        var known = Numbers(File.ReadAllText(document)).ToHashSet(StringComparer.Ordinal);
        var untraced = new List<string>();
        var checkedCount = 0;
        void Check(string where, string? text)
        {
            foreach (var number in Numbers(text ?? ""))
            {
                checkedCount++;
                if (!known.Contains(number))
                {
                    untraced.Add($"{where}: {number}");
                }
            }
        }

        static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";
        foreach (var condition in EvidenceCatalog.All)
        {
            foreach (var s in condition.Studies.Concat(condition.RegisteredTrials).Concat(condition.Reviews))
            {
                var where = $"{condition.Id} / {s.ShortName}";
                Check(where, string.Join(' ', s.Year, s.N, Number(s.DoseMg), Number(s.DurationWeeks)));
                Check(where, s.Result);
                Check(where, s.NText);
                Check(where, s.DoseText);
                Check(where, s.DurationText);
            }
        }

        foreach (var effect in EvidenceCatalog.SideEffects)
        {
            foreach (var f in effect.Findings)
            {
                Check($"{effect.Id} / {f.Source}", string.Join(' ', f.Events, f.Total, Number(f.RiskRatio), Number(f.RiskRatioLow), Number(f.RiskRatioHigh), f.Text));
            }
        }

        foreach (var claim in EvidenceCatalog.Claims)
        {
            Check($"claim {claim.Id}", claim.Basis);
        }

        output.WriteLine($"{checkedCount} numbers checked against {Path.GetFileName(document)}.");
        Assert.True(checkedCount > 300, $"Only {checkedCount} numbers were checked; the test is not looking at the data.");
        Assert.True(untraced.Count == 0, "Numbers not in the research document: " + string.Join("; ", untraced));
    }

    /// <summary>Numbers as written, with thousands separators dropped ("3,775" is 3775) and trailing zeros kept as in the text.</summary>
    internal static IEnumerable<string> Numbers(string text) =>
        NumberPattern().Matches(text).Select(m => m.Value.Replace(",", "", StringComparison.Ordinal));

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
