using System.Globalization;
using Ldn.Core.Evidence;
using Ldn.Core.Tests.Protocols;
using Xunit;

namespace Ldn.Core.Tests.Evidence;

/// <summary>data/evidence/dose/clinical-dose.yaml against the published numbers, and the reader's one-sentence errors.</summary>
public sealed class ClinicalDoseEvidenceTests
{
    private const string Minimal = """
        schema: ldn-dose-evidence/1
        studies:
          - id: s
            citation: C
            design: D
            condition: fibromyalgia
            n: 10
            doseMg: [DOSE]
            doseText: T
            result: R
        synthesisHint: { citation: K, design: X, n: 21, controls: 39, doseMg: 50, doseText: T, treatedPgPerMl: 19.5, controlPgPerMl: 12.1 }
        """;

    [Fact]
    public void The_dose_finding_study_comes_first_with_its_published_ED50_and_ED95()
    {
        // Bruun-Plesner et al., Pain Med 2020;21:2253 (PMID 32068870): ED50 3.88 mg, ED95 5.40 mg.
        var first = ClinicalDoseEvidence.Default.Studies[0];
        Assert.Equal("bruun-plesner-2020", first.Id);
        Assert.Equal(3.88, first.Number("ED50")!.Value, 12);
        Assert.Equal(5.40, first.Number("ED95")!.Value, 12);
        Assert.Equal("32068870", first.Pmid);
        Assert.Equal(0.75, first.DosesMg[0], 12);
        Assert.Equal(6, first.DosesMg[^1], 12);
    }

    [Fact]
    public void The_4_5_mg_trials_and_the_6_mg_trial_carry_their_published_results()
    {
        var evidence = ClinicalDoseEvidence.Default;

        // Younger et al., Arthritis Rheum 2013;65:529: pain −28.8% vs −18.0% on placebo, P = 0.016.
        var younger = evidence.Study("younger-2013");
        Assert.Equal([4.5], younger.DosesMg);
        Assert.Equal(28.8, younger.Number("pain reduction LDN")!.Value, 12);
        Assert.Equal(18.0, younger.Number("pain reduction placebo")!.Value, 12);
        Assert.Equal(0.016, younger.Number("P")!.Value, 12);

        // FINAL, Bruun et al., Lancet Rheumatol 2024;6:e31: 6 mg, difference −0.34 NRS points, p = 0.27.
        var final = evidence.Study("final-2024");
        Assert.Equal([6.0], final.DosesMg);
        Assert.Equal(99, final.N);
        Assert.Equal(-0.34, final.Number("difference")!.Value, 12);
        Assert.Equal(0.27, final.Number("P")!.Value, 12);
        Assert.Contains("NCT04270877", final.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Kosten_ratio_gives_an_alpha_P_near_0_6_at_full_blockade()
    {
        // Kosten 1986: 19.5 vs 12.1 pg/mL, +61%; pharmacology.md reads this as α_P ≈ 0.6 through the §9 model.
        var hint = ClinicalDoseEvidence.Default.SynthesisHint;
        Assert.Equal(1.61, hint.Ratio, 2);
        Assert.Equal(0.6, hint.SynthesisUpregulation(1), 1);
        Assert.Equal(hint.SynthesisUpregulation(1) / 0.8, hint.SynthesisUpregulation(0.8), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => hint.SynthesisUpregulation(0));
    }

    [Fact]
    public void Every_number_traces_to_the_research_documents()
    {
        // As EvidenceTraceabilityTests: every figure must appear in the document it was copied from.
        var research = Path.Combine(ShippedProtocolTests.RepositoryRoot(), "..", "shared", "research");
        var clinical = Path.Combine(research, "clinical-evidence.md");
        var pharmacology = Path.Combine(research, "pharmacology.md");
        if (!File.Exists(clinical) || !File.Exists(pharmacology))
        {
            Assert.True(Environment.GetEnvironmentVariable("LDN_CI") != "1", $"The research documents in {research} are missing in CI.");
            return;
        }

        static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
        var known = EvidenceTraceabilityTests.Numbers(File.ReadAllText(clinical)).ToHashSet(StringComparer.Ordinal);
        var untraced = new List<string>();
        foreach (var s in ClinicalDoseEvidence.Default.Studies)
        {
            // The ends of a dose range are published; the steps between them (0.75-mg steps) are derived.
            var texts = new[] { s.Result, s.DoseText, s.NText ?? "", s.Citation, string.Join(' ', s.N, Number(s.DosesMg[0]), Number(s.DosesMg[^1])) }
                .Concat(s.Numbers.Select(n => Number(Math.Abs(n.Value))));
            untraced.AddRange(texts.SelectMany(EvidenceTraceabilityTests.Numbers).Where(n => !known.Contains(n)).Select(n => $"{s.Id}: {n}"));
        }

        var hint = ClinicalDoseEvidence.Default.SynthesisHint;
        var pharmacologyNumbers = EvidenceTraceabilityTests.Numbers(File.ReadAllText(pharmacology)).ToHashSet(StringComparer.Ordinal);
        untraced.AddRange(new[] { hint.N, hint.Controls, hint.TreatedPgPerMl, hint.ControlPgPerMl }
            .Select(v => Number(v)).Where(n => !pharmacologyNumbers.Contains(n)).Select(n => $"synthesisHint: {n}"));
        Assert.True(untraced.Count == 0, "Not in the research documents: " + string.Join("; ", untraced));
    }

    [Theory]
    [InlineData("-1", "not all positive")]
    [InlineData("0", "not all positive")]
    public void A_bad_dose_is_one_sentence(string dose, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => ClinicalDoseReader.Read(Minimal.Replace("DOSE", dose, StringComparison.Ordinal), "x.yaml"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("'x.yaml'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_and_a_wrong_schema_are_errors()
    {
        Assert.Equal(4.5, ClinicalDoseReader.Read(Minimal.Replace("DOSE", "4.5", StringComparison.Ordinal), "x.yaml").Studies[0].DosesMg[0], 12);
        Assert.Throws<InvalidInputException>(() => ClinicalDoseReader.Read(Minimal.Replace("DOSE", "4.5", StringComparison.Ordinal).Replace("result: R", "resutl: R", StringComparison.Ordinal), "x.yaml"));
        Assert.Throws<InvalidInputException>(() => ClinicalDoseReader.Read(Minimal.Replace("DOSE", "4.5", StringComparison.Ordinal).Replace("/1", "/2", StringComparison.Ordinal), "x.yaml"));
    }
}
