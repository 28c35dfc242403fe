using Ldn.Core.Safety;
using Xunit;

namespace Ldn.Core.Tests.Safety;

public sealed class SafetyChecksTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static IReadOnlyList<SafetyFinding> Check(SafetyContext context) => SafetyChecks.Evaluate(context);

    [Fact]
    public void A_short_acting_opioid_within_its_washout_is_a_hard_stop_naming_the_end_date()
    {
        var finding = Assert.Single(Check(new SafetyContext { StartDate = Today, Patient = new PatientProfile { Medications = [new MedicationUse("Tramadol", new DateOnly(2026, 11, 28))] } }));
        Assert.Equal(SafetySeverity.HardStop, finding.Severity);
        Assert.Equal(SafetyChecks.Codes.OpioidWashout, finding.Code);
        Assert.Equal("Tramadol was last taken 2026-11-28; naltrexone must wait until 2026-12-08 (10 days after a short-acting opioid).", finding.Message);
    }

    [Theory]
    [InlineData("tramadol 50 mg", "2026-11-28", "2026-12-07", true)]
    [InlineData("tramadol 50 mg", "2026-11-28", "2026-12-08", false)]
    [InlineData("co-codamol 30/500", "2026-12-01", "2026-12-10", true)]
    [InlineData("co-codamol 30/500", "2026-12-01", "2026-12-11", false)]
    [InlineData("methadone", "2026-12-01", "2026-12-14", true)]
    [InlineData("methadone", "2026-12-01", "2026-12-15", false)]
    [InlineData("Suboxone", "2026-12-01", "2026-12-14", true)]
    [InlineData("Duragesic patch", "2026-12-01", "2026-12-14", true)]
    [InlineData("Duragesic patch", "2026-12-01", "2026-12-15", false)]
    public void Washouts_are_10_days_after_short_acting_and_14_after_maintenance_or_long_acting_opioids(string drug, string last, string today, bool stopped)
    {
        var findings = Check(new SafetyContext { StartDate = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Patient = new PatientProfile { Medications = [new MedicationUse(drug, DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture))] } });
        Assert.Equal(stopped, findings.Any(f => f.Severity == SafetySeverity.HardStop));
    }

    [Fact]
    public void The_minimum_label_washout_is_kept_for_reference() =>
        Assert.Equal(new DateOnly(2026, 12, 5), new DateOnly(2026, 11, 28).AddDays(OpioidCatalog.Match("tramadol")!.MinimumWashoutDays));

    [Fact]
    public void Without_a_date_for_today_a_dated_opioid_still_stops_with_its_end_date()
    {
        var finding = Assert.Single(Check(new SafetyContext { Patient = new PatientProfile { Medications = [new MedicationUse("methadone", new DateOnly(2026, 12, 1))] } }));
        Assert.Equal(SafetySeverity.HardStop, finding.Severity);
        Assert.Contains("2026-12-15 (14 days after a maintenance opioid", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_opioid_taken_now_is_a_hard_stop_that_names_what_was_written()
    {
        var finding = Assert.Single(Check(new SafetyContext { Patient = new PatientProfile { Medications = [new MedicationUse("OxyContin 10mg")] } }));
        Assert.Equal((SafetyChecks.Codes.OpioidCurrent, SafetySeverity.HardStop), (finding.Code, finding.Severity));
        Assert.StartsWith("Oxycodone (as 'OxyContin 10mg') is being taken now", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4.5, null)]
    [InlineData(4.6, SafetySeverity.Warning)]
    [InlineData(6, SafetySeverity.Warning)]
    [InlineData(10, SafetySeverity.Warning)]
    [InlineData(10.5, SafetySeverity.Refusal)]
    [InlineData(50, SafetySeverity.Refusal)]
    public void Doses_above_4_5_mg_warn_and_above_10_mg_are_refused(double dose, SafetySeverity? expected)
    {
        var findings = Check(new SafetyContext { DosesMg = [1.5m, (decimal)dose] });
        Assert.Equal(expected, findings.Select(f => (SafetySeverity?)f.Severity).SingleOrDefault());
    }

    public static TheoryData<string, SafetyContext> Flags => new()
    {
        { SafetyChecks.Codes.HepaticImpairment, new SafetyContext { Patient = new PatientProfile { HepaticImpairment = true } } },
        { SafetyChecks.Codes.RenalImpairment, new SafetyContext { Patient = new PatientProfile { RenalImpairment = true } } },
        { SafetyChecks.Codes.Pregnancy, new SafetyContext { Patient = new PatientProfile { Pregnant = true } } },
        { SafetyChecks.Codes.Breastfeeding, new SafetyContext { Patient = new PatientProfile { Breastfeeding = true } } },
        { SafetyChecks.Codes.ThyroidReplacement, new SafetyContext { Patient = new PatientProfile { ThyroidReplacement = true } } },
        { SafetyChecks.Codes.ThyroidReplacement, new SafetyContext { Patient = new PatientProfile { Medications = [new MedicationUse("Synthroid 100 mcg")] } } },
        { SafetyChecks.Codes.ThyroidReplacement, new SafetyContext { Patient = new PatientProfile { Medications = [new MedicationUse("Cytomel")] } } },
        { SafetyChecks.Codes.TransplantImmunosuppression, new SafetyContext { Patient = new PatientProfile { TransplantImmunosuppression = true } } },
        { SafetyChecks.Codes.Thioridazine, new SafetyContext { Patient = new PatientProfile { Medications = [new MedicationUse("Thioridazine 25mg")] } } },
        { SafetyChecks.Codes.PlannedSurgery, new SafetyContext { StartDate = Today, Patient = new PatientProfile { PlannedSurgery = new DateOnly(2027, 1, 10) } } },
    };

    [Theory]
    [MemberData(nameof(Flags))]
    public void Conditions_and_interacting_drugs_give_one_warning_with_a_source(string code, SafetyContext context)
    {
        var finding = Assert.Single(Check(context));
        Assert.Equal((code, SafetySeverity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("§4", finding.Source, StringComparison.Ordinal);
        Assert.EndsWith(".", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Surgery_warning_says_no_LDN_hold_interval_is_validated_and_past_surgery_is_ignored()
    {
        var finding = Assert.Single(Check(new SafetyContext { Patient = new PatientProfile { PlannedSurgery = new DateOnly(2027, 1, 10) } }));
        Assert.Contains("anaesthetist", finding.Message, StringComparison.Ordinal);
        Assert.Contains("no LDN-specific hold interval has been validated", finding.Message, StringComparison.Ordinal);
        Assert.Empty(Check(new SafetyContext { StartDate = Today, Patient = new PatientProfile { PlannedSurgery = new DateOnly(2026, 1, 10) } }));
    }

    [Fact]
    public void Findings_are_ordered_hard_stop_refusal_warning_and_every_code_is_listed()
    {
        var findings = Check(new SafetyContext { DosesMg = [12m], Patient = new PatientProfile { Pregnant = true, Medications = [new MedicationUse("codeine")] } });
        Assert.Equal([SafetySeverity.HardStop, SafetySeverity.Refusal, SafetySeverity.Warning], findings.Select(f => f.Severity));
        Assert.All(findings, f => Assert.Contains(f.Code, SafetyChecks.Codes.All));
    }

    [Fact]
    public void Nothing_to_report_gives_no_findings() =>
        Assert.Empty(Check(new SafetyContext { DosesMg = [1.5m, 3m, 4.5m], StartDate = Today, Patient = new PatientProfile { Medications = [new MedicationUse("tramadol", new DateOnly(2026, 11, 1))] } }));

    [Fact]
    public void Medications_outside_the_catalogue_are_reported_as_not_checked_and_raise_nothing_else()
    {
        var findings = Check(new SafetyContext { DosesMg = [1.5m, 3m, 4.5m], StartDate = Today, Patient = new PatientProfile { Medications = [new MedicationUse("mesalazine"), new MedicationUse("naltrexone")] } });
        Assert.Equal([SafetyChecks.Codes.UnrecognisedMedication, SafetyChecks.Codes.UnrecognisedMedication], findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.Equal(SafetySeverity.Warning, f.Severity));
        Assert.StartsWith("'mesalazine' was not checked", findings[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("'naltrexone' was not checked", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_opioid_is_a_warning_that_names_it_as_not_checked_and_suggests_the_opioid()
    {
        var findings = Check(new SafetyContext { DosesMg = [1.5m], StartDate = Today, Patient = new PatientProfile { Medications = [new MedicationUse("tramadl 50 mg"), new MedicationUse("co-codamol 30/500", new DateOnly(2026, 10, 1))] } });
        var finding = Assert.Single(findings);
        Assert.Equal((SafetyChecks.Codes.UnrecognisedMedication, SafetySeverity.Warning), (finding.Code, finding.Severity));
        Assert.Equal("'tramadl 50 mg' was not checked: it is not in the safety catalogue; did you mean tramadol?", finding.Message);
        Assert.Contains("opioids.yaml", finding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_not_checked_warning_comes_after_the_other_findings_of_its_severity()
    {
        var findings = Check(new SafetyContext { DosesMg = [12m], Patient = new PatientProfile { Pregnant = true, Medications = [new MedicationUse("oxycodne"), new MedicationUse("codeine")] } });
        Assert.Equal(
            [SafetyChecks.Codes.OpioidCurrent, SafetyChecks.Codes.DoseAboveLdnRange, SafetyChecks.Codes.Pregnancy, SafetyChecks.Codes.UnrecognisedMedication],
            findings.Select(f => f.Code));
        Assert.EndsWith("did you mean oxycodone?", findings[^1].Message, StringComparison.Ordinal);
    }
}
