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

    private static readonly JournalData Source = FhirExportTests.Journal;

    [Fact]
    public void An_export_read_back_gives_the_same_journal_entries()
    {
        var imported = FhirImport.Read(FhirExport.ToBundle(Source, Generated), "bundle.json", "Europe/Oslo");

        Assert.Equal(Source.Profile.Name, imported.Profile.Name);
        Assert.Equal("Europe/Oslo", imported.Profile.TimeZoneId);
        Assert.Equal(
            Source.Doses.Select(d => (d.At, d.DoseMg, d.Formulation, d.Skipped, d.Note)),
            imported.Doses.Select(d => (d.At, d.DoseMg, d.Formulation, d.Skipped, d.Note)));
        // An entry in the home zone's offset keeps the home zone; the New York dose keeps its offset as a fixed zone.
        Assert.Equal(["Europe/Oslo", "Europe/Oslo", "Europe/Oslo", "Europe/Oslo", "UTC-04:00"], imported.Doses.Select(d => d.TimeZoneId));

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
        var again = FhirExport.ToBundleResource(FhirValidationTests.Numbered(imported), Generated);
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
        // -05:00 is New York's offset in January, so the score keeps the home zone.
        Assert.Equal((6, NodaTime.Instant.FromUtc(2026, 1, 10, 13, 0), "America/New_York"), (checkIn.Pain!.Value, checkIn.At, checkIn.TimeZoneId));
        Assert.Equal(NodaTime.Instant.FromUtc(2019, 6, 1, 0, 0), Assert.Single(journal.Medications).Since);
    }

    public static TheoryData<string, string> BadBundles => new()
    {
        { "not json {", "is not JSON" },
        { """{"resourceType":"Patient"}""", "is not a FHIR R4 Bundle" },
        { """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Observation","status":"bogus","code":{"text":"x"}}}]}""", "is not a FHIR R4 Bundle" },
        { Wrap("""{"resourceType":"AdverseEvent","actuality":"actual","subject":{"display":"A"}}"""), "Entry 1 of 'bad.json' is an AdverseEvent coded only as text" },
        // Side effects from other systems: codings the journal does not map, or an event that did not happen.
        { Wrap("""{"resourceType":"AdverseEvent","actuality":"actual","event":{"coding":[{"system":"http://snomed.info/sct","code":"367391008","display":"Malaise"}]},"subject":{"display":"A"},"date":"2026-01-10T08:00:00Z"}"""), "Entry 1 of 'bad.json' is an AdverseEvent coded '367391008' in http://snomed.info/sct, which the import cannot map" },
        { Wrap("""{"resourceType":"AdverseEvent","actuality":"potential","event":{"coding":[{"system":"https://ldn-workbench.example/fhir/CodeSystem/side-effect","code":"insomnia"}]},"subject":{"display":"A"},"date":"2026-01-10T08:00:00Z"}"""), "did not happen (actuality 'potential')" },
        { Wrap("""{"resourceType":"AdverseEvent","actuality":"actual","event":{"coding":[{"system":"https://ldn-workbench.example/fhir/CodeSystem/side-effect","code":"hiccups"}]},"subject":{"display":"A"},"date":"2026-01-10T08:00:00Z","severity":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/adverse-event-severity","code":"mild"}]}}"""), "kind the journal does not know" },
        { Wrap("""{"resourceType":"AdverseEvent","actuality":"actual","event":{"coding":[{"system":"https://ldn-workbench.example/fhir/CodeSystem/side-effect","code":"insomnia"}]},"subject":{"display":"A"},"date":"2026-01-10T08:00:00Z"}"""), "has severity 'none'" },
        { Wrap("""{"resourceType":"AdverseEvent","actuality":"actual","event":{"coding":[{"system":"https://ldn-workbench.example/fhir/CodeSystem/side-effect","code":"insomnia"}]},"subject":{"display":"A"},"date":"2026-01-10T08:00:00Z","severity":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/adverse-event-severity","code":"mild"}]},"outcome":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/adverse-event-outcome","code":"fatal"}]}}"""), "has outcome 'fatal'" },
        { Wrap("""{"resourceType":"Condition","subject":{"display":"A"},"code":{"text":"asthma"}}"""), "is a Condition that no AdverseEvent names" },
        { Wrap("""{"resourceType":"Medication","code":{"text":"naltrexone"}}"""), "is a Medication that no entry names" },
        // Bad bundles: another bundle type, repeated ids, a reference to nothing, times outside 1970–2200.
        { """{"resourceType":"Bundle","type":"document"}""", "is a Bundle of type 'document'" },
        { """{"resourceType":"Bundle","type":"history"}""", "is a Bundle of type 'history'" },
        { Twice("urn:uuid:44444444-4444-4444-8444-444444444444", "urn:uuid:44444444-4444-4444-8444-444444444444", "a", "b"), "Entries 1 and 2 of 'bad.json' have the same fullUrl" },
        { Twice("urn:uuid:44444444-4444-4444-8444-444444444444", "urn:uuid:55555555-5555-4555-8555-555555555555", "same", "same"), "Entries 1 and 2 of 'bad.json' are both Observation 'same'" },
        { Wrap("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"subject":{"reference":"urn:uuid:00000000-0000-4000-8000-000000000000"},"effectiveDateTime":"2026-01-10T08:00:00Z","valueInteger":3}"""), "refers to 'urn:uuid:00000000-0000-4000-8000-0000000…', which is not an entry of the bundle" },
        { Wrap("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"https://ldn-workbench.example/fhir/CodeSystem/check-in","code":"check-in"}]},"hasMember":[{"reference":"Observation/nowhere"}],"effectiveDateTime":"2026-01-10T08:00:00Z"}"""), "has hasMember 'Observation/nowhere', which is no entry of this bundle" },
        { Wrap("""{"resourceType":"MedicationAdministration","status":"completed","medicationCodeableConcept":{"text":"naltrexone"},"subject":{"display":"A"},"effectiveDateTime":"9999-12-31T23:59:59Z","dosage":{"dose":{"value":4.5,"unit":"mg","code":"mg"}}}"""), "has effectiveDateTime '9999-12-31T23:59:59Z', outside the years 1970–2200" },
        { Wrap("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"effectiveDateTime":"1969-12-31T23:59:59Z","valueInteger":3}"""), "outside the years 1970–2200" },
        { Wrap("""{"resourceType":"MedicationStatement","status":"active","medicationCodeableConcept":{"text":"aspirin"},"subject":{"display":"A"},"effectivePeriod":{"start":"2201-01-01"}}"""), "has effectivePeriod.start '2201-01-01', outside the years 1970–2200" },
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

    [Fact]
    public void JSON_nested_deeper_than_any_bundle_is_refused_before_the_SDK_reads_it()
    {
        var deep = """{"resourceType":"Bundle","type":"collection","entry":""" + new string('[', 100_000) + new string(']', 100_000) + "}";
        var e = Assert.Throws<InvalidInputException>(() => FhirImport.Read(deep, "deep.json", "UTC"));
        Assert.Equal("'deep.json' nests JSON deeper than 64 levels, which no FHIR Bundle does.", e.Message);
    }

    [Fact]
    public void Ten_thousand_entries_import()
    {
        var start = NodaTime.Instant.FromUtc(2000, 1, 1, 21, 0);
        var doses = Enumerable.Range(0, 10_000).Select(i =>
            $$$"""{"fullUrl":"urn:uuid:{{{Guid.CreateVersion7()}}}","resource":{"resourceType":"MedicationAdministration","status":"completed","medicationCodeableConcept":{"text":"naltrexone"},"subject":{"display":"A"},"effectiveDateTime":"{{{start.Plus(Duration.FromDays(i)).ToDateTimeOffset():yyyy-MM-dd'T'HH:mm:ss'Z'}}}","dosage":{"dose":{"value":4.5,"unit":"mg","code":"mg" """.TrimEnd() + "}}}}");
        var journal = FhirImport.Read($$"""{"resourceType":"Bundle","type":"collection","entry":[{{string.Join(",", doses)}}]}""", "big.json", "UTC");
        Assert.Equal(10_000, journal.Doses.Count);
        Assert.Equal(start.Plus(Duration.FromDays(9_999)), journal.Doses[^1].At);
    }

    [Fact]
    public void More_entries_than_the_limit_are_refused_before_the_SDK_reads_them()
    {
        var tooMany = $$"""{"resourceType":"Bundle","type":"collection","entry":[{{string.Join(",", Enumerable.Repeat("""{"fullUrl":"urn:uuid:44444444-4444-4444-8444-444444444444"}""", 200_001))}}]}""";
        var e = Assert.Throws<InvalidInputException>(() => FhirImport.Read(tooMany, "many.json", "UTC"));
        Assert.Equal("'many.json' has more than 200000 entries, which is more than the import takes.", e.Message);
    }

    private static string Twice(string url1, string url2, string id1, string id2) =>
        $$"""{"resourceType":"Bundle","type":"collection","entry":[{{Score(url1, id1)}},{{Score(url2, id2)}}]}""";

    private static string Score(string url, string id) =>
        $$$"""{"fullUrl":"{{{url}}}","resource":{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"72514-3"}]},"effectiveDateTime":"2026-01-10T08:00:00Z","valueInteger":3}}""";

    private static string Wrap(string resource) => $$"""{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:44444444-4444-4444-8444-444444444444","resource":{{resource}}}]}""";
}
