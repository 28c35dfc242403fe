using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Interop.Fhir;
using NodaTime;
using Xunit;

namespace Ldn.Interop.Tests;

/// <summary>
/// The FHIR import: an export read back gives the same plan, doses, check-ins, events, medications and name
/// (and its re-export is valid for Firely's validator); a bundle the import cannot map is refused whole with
/// one sentence naming the entry.
/// </summary>
public sealed class FhirImportTests
{
    private static readonly NodaTime.Instant Generated = NodaTime.Instant.FromUtc(2026, 4, 10, 12, 0);

    /// <summary>The test journal without side effects (AdverseEvent is not an import type).</summary>
    private static readonly JournalData Source = FhirExportTests.Journal with { SideEffects = [] };

    [Fact]
    public void An_export_read_back_gives_the_same_journal_entries()
    {
        var imported = FhirImport.Read(FhirExport.ToBundle(Source, Generated), "bundle.json", "Europe/Oslo");

        Assert.Equal(Source.Profile.Name, imported.Profile.Name);
        Assert.Equal("Europe/Oslo", imported.Profile.TimeZoneId);
        Assert.Equal(
            Source.Doses.Select(d => (d.At, d.DoseMg, d.Formulation, d.Skipped, d.Note)),
            imported.Doses.Select(d => (d.At, d.DoseMg, d.Formulation, d.Skipped, d.Note)));
        // Each entry keeps the offset it was exported with, as a fixed zone.
        Assert.Equal(["UTC+01:00", "UTC+02:00", "UTC+02:00", "UTC+02:00", "UTC-04:00"], imported.Doses.Select(d => d.TimeZoneId));

        Assert.Equal(
            Source.CheckIns.Select(c => (c.At, c.Fatigue, c.Pain, c.Sleep, c.Mood, c.Focus, c.Note)),
            imported.CheckIns.Select(c => (c.At, c.Fatigue, c.Pain, c.Sleep, c.Mood, c.Focus, c.Note)));
        Assert.Equal(Source.Events.Select(e => (e.At, e.Kind, e.Note)), imported.Events.Select(e => (e.At, e.Kind, e.Note)));
        Assert.Equal(Source.Medications.Select(m => (m.Name, m.Since, m.Until)), imported.Medications.Select(m => (m.Name, m.Since, m.Until)));

        var plan = Assert.Single(imported.Plans);
        Assert.Equal(Source.Plans[0].From, plan.From);
        Assert.Equal(Source.Plans[0].SetAt, plan.SetAt);
        Assert.Equal(Source.Plans[0].Steps.Select(s => (s.From, s.To, s.DoseMg, s.At)), plan.Steps.Select(s => (s.From, s.To, s.DoseMg, s.At)));

        // The imported journal exports again to a bundle Firely's validator accepts.
        var again = FhirExport.ToBundleResource(imported with { Doses = [.. imported.Doses.Select((d, i) => d with { Id = i + 1 })], CheckIns = [.. imported.CheckIns.Select((c, i) => c with { Id = i + 1 })], Events = [.. imported.Events.Select((e, i) => e with { Id = i + 1 })], Medications = [.. imported.Medications.Select((m, i) => m with { Id = i + 1 })] }, Generated);
        Assert.Empty(R4Validator.Validate(again).Errors);
    }

    [Fact]
    public void A_prescription_from_another_system_becomes_a_plan_and_a_lone_LOINC_pain_score_a_check_in()
    {
        const string bundle = """
            {"resourceType":"Bundle","type":"collection","entry":[
              {"fullUrl":"urn:uuid:11111111-1111-4111-8111-111111111111","resource":{"resourceType":"MedicationRequest","status":"active","intent":"order",
                "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"7243","display":"Naltrexone"}]},
                "subject":{"display":"A"},"authoredOn":"2026-01-05T10:00:00+01:00",
                "dosageInstruction":[
                  {"sequence":1,"timing":{"repeat":{"boundsPeriod":{"start":"2026-01-06","end":"2026-01-19"},"frequency":1,"period":1,"periodUnit":"d","timeOfDay":["21:30:00"]}},
                   "doseAndRate":[{"doseQuantity":{"value":1.5,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}]},
                  {"sequence":2,"timing":{"repeat":{"boundsPeriod":{"start":"2026-01-20"},"frequency":1,"period":1,"periodUnit":"d","timeOfDay":["21:30:00"]}},
                   "doseAndRate":[{"doseQuantity":{"value":3,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}]}]}},
              {"fullUrl":"urn:uuid:22222222-2222-4222-8222-222222222222","resource":{"resourceType":"Observation","status":"final",
                "code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"effectiveDateTime":"2026-01-10T08:00:00-05:00","valueInteger":6}},
              {"fullUrl":"urn:uuid:33333333-3333-4333-8333-333333333333","resource":{"resourceType":"MedicationStatement","status":"active",
                "medicationCodeableConcept":{"text":"levothyroxine 50 µg"},"subject":{"display":"A"},"effectiveDateTime":"2019-06-01"}}]}
            """;
        var journal = FhirImport.Read(bundle, "rx.json", "America/New_York");
        var plan = Assert.Single(journal.Plans);
        Assert.Equal(new LocalDate(2026, 1, 6), plan.From);
        Assert.Equal([(1.5m, new DateOnly(2026, 1, 6), (DateOnly?)new DateOnly(2026, 1, 19)), (3m, new DateOnly(2026, 1, 20), null)], plan.Steps.Select(s => (s.DoseMg, s.From, s.To)));
        Assert.All(plan.Steps, s => Assert.Equal((21, 30), (s.At.Hour, s.At.Minute)));
        var checkIn = Assert.Single(journal.CheckIns);
        Assert.Equal((6, NodaTime.Instant.FromUtc(2026, 1, 10, 13, 0), "UTC-05:00"), (checkIn.Pain!.Value, checkIn.At, checkIn.TimeZoneId));
        Assert.Equal(NodaTime.Instant.FromUtc(2019, 6, 1, 0, 0), Assert.Single(journal.Medications).Since);
    }

    public static TheoryData<string, string> BadBundles => new()
    {
        { "not json {", "is not JSON" },
        { """{"resourceType":"Patient"}""", "is not a FHIR R4 Bundle" },
        { """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Observation","status":"bogus","code":{"text":"x"}}}]}""", "is not a FHIR R4 Bundle" },
        { Wrap("""{"resourceType":"AdverseEvent","actuality":"actual","subject":{"display":"A"}}"""), "Entry 1 of 'bad.json' is of type AdverseEvent" },
        { Wrap("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8867-4"}]},"effectiveDateTime":"2026-01-10T08:00:00Z","valueInteger":60}"""), "coded '8867-4' in http://loinc.org" },
        { Wrap("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"effectiveDateTime":"2026-01-10T08:00:00Z","valueString":"bad"}"""), "without a whole-number valueInteger" },
        { Wrap("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"effectiveDateTime":"2026-01-10","valueInteger":3}"""), "with a time and a UTC offset" },
        { Wrap("""{"resourceType":"MedicationAdministration","status":"completed","medicationCodeableConcept":{"text":"naltrexone"},"subject":{"display":"A"},"effectiveDateTime":"2026-01-10T21:00:00Z","dosage":{"dose":{"value":4.5,"unit":"mL","code":"mL"}}}"""), "no dose in mg" },
        { Wrap("""{"resourceType":"MedicationRequest","status":"active","intent":"order","medicationCodeableConcept":{"text":"naltrexone 4.5 mg"},"subject":{"display":"A"}}"""), "without a dosage instruction" },
    };

    [Theory]
    [MemberData(nameof(BadBundles))]
    public void A_bundle_it_cannot_map_is_refused_whole_in_one_sentence(string json, string expected)
    {
        var e = Assert.Throws<InvalidInputException>(() => FhirImport.Read(json, "bad.json", "UTC"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.EndsWith(".", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(". ", e.Message.TrimEnd('.').Replace("4.5", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\n", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", e.Message, StringComparison.Ordinal);
    }

    private static string Wrap(string resource) => $$"""{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:44444444-4444-4444-8444-444444444444","resource":{{resource}}}]}""";
}
