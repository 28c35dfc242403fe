using Ldn.Core.Evidence;
using Ldn.Core.Tests.Pharmacology;
using Xunit;

namespace Ldn.Core.Tests.Evidence;

/// <summary>The shipped evidence files: they load, they agree with the research document, and the repository copy is what is compiled in.</summary>
public sealed class EvidenceFileTests
{
    private static string EvidenceFolder => Path.Combine(ParameterFileTests.RepositoryRoot(), "data", "evidence");

    [Fact]
    public void Every_embedded_file_loads_and_validates()
    {
        var files = EvidenceCatalog.EmbeddedFiles();
        Assert.True(files.Count >= 23, $"only {files.Count} embedded evidence files");
        var set = EvidenceSet.Parse(files);
        Assert.Equal(21, set.Conditions.Count);
        Assert.Same(EvidenceCatalog.Shipped.Conditions[0].Id, EvidenceCatalog.All[0].Id);
    }

    [Fact]
    public void Every_file_in_the_repository_folder_loads_and_is_the_embedded_one()
    {
        var paths = Directory.GetFiles(EvidenceFolder, "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(paths);
        var set = EvidenceSet.Parse(paths.Select(p => (File.ReadAllText(p), "data/evidence/" + Path.GetFileName(p))));
        Assert.Equal(EvidenceCatalog.All.Select(c => c.Id), set.Conditions.Select(c => c.Id));
        Assert.Equal(paths.Select(Path.GetFileName), EvidenceCatalog.EmbeddedFiles().Select(f => Path.GetFileName(f.SourceName)));
    }

    [Theory]
    [InlineData("crohns-disease", 6, "systematic-review")]
    [InlineData("ulcerative-colitis", 4, "observational")]
    [InlineData("ibs", 3, "rct")]
    [InlineData("multiple-sclerosis", 6, "crossover-rct")]
    [InlineData("fibromyalgia", 7, "systematic-review")]
    [InlineData("rheumatoid-arthritis", 2, "observational")]  // the arthritis-pain RCT is indirect (6 of 23 had IA); §7 says observational
    [InlineData("systemic-lupus-erythematosus", 0, "none")]
    [InlineData("hashimotos-thyroiditis", 1, "observational")]
    [InlineData("graves-disease", 0, "none")]
    [InlineData("psoriasis", 2, "case-series")]
    [InlineData("psoriatic-arthritis", 0, "none")]
    [InlineData("sarcoidosis", 1, "case-report")]
    [InlineData("ankylosing-spondylitis", 0, "none")]
    [InlineData("juvenile-idiopathic-arthritis", 0, "none")]
    [InlineData("dermatomyositis", 1, "case-report")]
    [InlineData("systemic-sclerosis", 1, "case-series")]
    [InlineData("sjogrens-syndrome", 2, "case-report")]
    [InlineData("crps", 1, "case-report")]
    [InlineData("long-covid", 3, "open-label-pilot")]      // the review pools only pre-post studies; §7 says open-label pilot
    [InlineData("me-cfs", 2, "observational")]
    [InlineData("chronic-pain", 3, "crossover-rct")]
    public void Study_counts_and_best_grades_match_the_research_document(string id, int studies, string bestGrade)
    {
        var condition = EvidenceCatalog.Find(id);
        Assert.Equal(id, condition.Id);
        Assert.Equal(studies, condition.Studies.Count);
        Assert.Equal(bestGrade, condition.BestGrade.ToId());
    }

    [Fact]
    public void Fibromyalgia_lists_the_seven_studies_of_the_document()
    {
        var names = EvidenceCatalog.Find("fibromyalgia").Studies.Select(s => s.ShortName).Order(StringComparer.Ordinal);
        Assert.Equal(
            ["Ann Med Surg (Lond) 2025;87(5):2928-35 2025", "Bruun KD 2024", "Bruun-Plesner K 2020", "Ologunowa et al. 2025", "Vatvani AD 2024", "Younger J 2009", "Younger J 2013"],
            names);
    }

    [Fact]
    public void Smith_2011_is_the_adult_crohns_rct_with_its_numbers()
    {
        var smith = Assert.Single(EvidenceCatalog.Find("CD").Studies, s => s.Pmid == "21380937");
        Assert.Equal(EvidenceGrade.Rct, smith.Grade);
        Assert.Equal(40, smith.N);
        Assert.Equal(4.5, smith.DoseMg);
        Assert.Equal(12, smith.DurationWeeks);
        Assert.Equal("10.1007/s10620-011-1653-7", smith.Doi);
        Assert.Equal("NCT00663117", smith.Registry);
        Assert.Contains("88% vs 40%", smith.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_are_sorted_by_best_grade_and_studies_strongest_first()
    {
        var grades = EvidenceCatalog.All.Select(c => c.BestGrade).ToList();
        Assert.Equal(grades.Order(), grades);
        Assert.Equal(EvidenceGrade.None, grades[^1]);
        foreach (var condition in EvidenceCatalog.All)
        {
            var studyGrades = condition.Studies.Select(s => s.Grade).ToList();
            Assert.Equal(studyGrades.Order(), studyGrades);
        }
    }

    [Fact]
    public void Mixed_ibd_studies_are_shared_with_ulcerative_colitis_and_trials_without_results_do_not_count()
    {
        var uc = EvidenceCatalog.Find("UC");
        Assert.Contains(uc.Studies, s => s.Pmid == "29523156" && s.ConditionId == "crohns-disease");
        Assert.Contains(uc.Studies, s => s.Pmid == "29385430");
        Assert.Equal(StudyStatus.Withdrawn, Assert.Single(uc.RegisteredTrials).Status);
        Assert.Equal(EvidenceGrade.Observational, uc.BestGrade);
    }

    [Fact]
    public void Nothing_the_document_flags_as_do_not_import_is_imported()
    {
        var all = EvidenceCatalog.All.SelectMany(c => c.Studies.Concat(c.RegisteredTrials).Concat(c.Reviews)).ToList();
        Assert.DoesNotContain(all, s => (s.Result ?? "").Contains("Fatigue Severity", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(all, s => (s.Authors ?? "").Contains("Meridor", StringComparison.Ordinal));
        Assert.DoesNotContain(all, s => (s.Journal ?? "").Contains("not captured", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Unverified_figures_are_marked()
    {
        var unverified = EvidenceCatalog.All.SelectMany(c => c.Studies).Where(s => !s.Verified).Select(s => s.ShortName).Order(StringComparer.Ordinal);
        Assert.Equal(["Gironi M 2008", "Parker CE 2018", "Sharafaddinzadeh N 2010", "Turel AP et al. 2015"], unverified);
    }

    [Fact]
    public void The_side_effect_vocabulary_covers_the_advise_rule_kinds()
    {
        foreach (var kind in new[] { "insomnia", "vivid-dreams", "nausea", "headache", "diarrhoea", "abdominal-pain", "dizziness", "fatigue", "anxiety" })
        {
            Assert.Equal(kind, EvidenceCatalog.FindSideEffect(kind).Id);
        }

        Assert.Equal("insomnia", EvidenceCatalog.FindSideEffect("Sleep disturbance").Id);
        Assert.Equal("diarrhoea", EvidenceCatalog.FindSideEffect("diarrhea").Id);
        Assert.Equal("vivid-dreams", EvidenceCatalog.FindSideEffect("vivid dreams").Id);
        var insomnia = EvidenceCatalog.FindSideEffect("insomnia");
        var smith = Assert.Single(insomnia.Findings, f => f.Source == "Smith 2007");
        Assert.Equal(7.0 / 17, smith.Rate!.Value, 9);
        var dreams = EvidenceCatalog.FindSideEffect("vivid-dreams");
        Assert.Contains(dreams.Findings, f => f.RiskRatio == 2.41 && f.RiskRatioLow == 1.77 && f.RiskRatioHigh == 3.28);
    }

    [Fact]
    public void The_claims_of_section_6_are_all_there()
    {
        Assert.Equal(6, EvidenceCatalog.Claims.Count);
        Assert.Single(EvidenceCatalog.Shipped.ClaimsAbout("crohns-disease"));
    }
}
