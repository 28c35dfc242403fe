using Ldn.Core.Evidence;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Xunit;

namespace Ldn.Core.Tests.Evidence;

/// <summary>What a patient-facing page shows as a source: the published sources, never the project's notes ("clinical-evidence.md §4.1", "Research document §2", "seeds/000").</summary>
public sealed class PublishedSourceTests
{
    [Theory]
    [InlineData("clinical-evidence.md §4.1: naltrexone label, 7–10 days after short-acting opioids, tramadol included", "Naltrexone label, 7–10 days after short-acting opioids, tramadol included")]
    [InlineData("clinical-evidence.md §4.3; pharmacology.md §8: naltrexone label, Bertolotti 1997", "Naltrexone label, Bertolotti 1997")]
    [InlineData("clinical-evidence.md §4.1 (label); half-life 11–16 h, so treated as long-acting", "Naltrexone label; half-life 11–16 h, so treated as long-acting")]
    [InlineData("clinical-evidence.md §3.3 and §3.2: LDN Research Trust defines low dose as ≤10 mg/day", "LDN Research Trust defines low dose as ≤10 mg/day")]
    [InlineData("Research document §2", PublishedSource.NoneNamed)]
    [InlineData("Bihari practitioner guidance (anecdotal; research document §4)", "Bihari practitioner guidance (anecdotal)")]
    [InlineData("the \"sensitive\" template of clinical-evidence.md §3.3. Practice guidance, not tested in a trial.", "The \"sensitive\" template. Practice guidance, not tested in a trial.")]
    [InlineData("RFC 5545 §3.3.5", "RFC 5545 §3.3.5")]
    [InlineData("Smith 2011, doi:10.1097/MCG.0b013e3181f0f3a6", "Smith 2011, doi:10.1097/MCG.0b013e3181f0f3a6")]
    public void Internal_references_are_removed_and_the_rest_kept(string source, string expected) => Assert.Equal(expected, PublishedSource.Of(source));

    [Fact]
    public void No_shipped_source_shown_to_a_patient_names_an_internal_document()
    {
        var findings = SafetyChecks.Evaluate(new SafetyContext
        {
            DosesMg = [12m],
            StartDate = new DateOnly(2026, 12, 1),
            Patient = new PatientProfile
            {
                Medications = [new("tramadol"), new("methadone", new DateOnly(2026, 11, 30)), new("levothyroxine"), new("thioridazine"), new("zzzyxil")],
                HepaticImpairment = true, RenalImpairment = true, Pregnant = true, Breastfeeding = true, TransplantImmunosuppression = true,
                PlannedSurgery = new DateOnly(2027, 1, 5),
            },
        });
        Assert.Equal(SafetyChecks.Codes.All.Count - 1, findings.Select(f => f.Code).Distinct().Count());
        var sources = findings.Select(f => f.Source)
            .Concat(OpioidCatalog.All.Select(o => o.Source))
            .Concat(InteractionCatalog.All.Select(i => i.Source))
            .Concat(ProtocolCatalog.All.Select(p => p.Source))
            .Concat(EvidenceCatalog.SideEffects.SelectMany(s => s.Findings).Concat(EvidenceCatalog.Shipped.Discontinuations).Select(f => f.Source))
            .ToList();
        foreach (var source in sources)
        {
            var shown = PublishedSource.Of(source);
            Assert.DoesNotContain(".md", shown, StringComparison.Ordinal);
            Assert.DoesNotContain(".yaml", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("seeds/", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("research document", shown, StringComparison.OrdinalIgnoreCase);
            Assert.True(!shown.Contains('§', StringComparison.Ordinal) || shown.Contains("RFC 5545 §", StringComparison.Ordinal), shown);
            Assert.Matches("^[\\p{Lu}\\p{N}\"“]", shown);
        }
    }
}
