using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Fhir;
using Ldn.Interop.Fhir;
using Ldn.Tests.Shared;
using NodaTime;
using Xunit.Abstractions;
using Xunit;

namespace Ldn.Interop.Tests;

/// <summary>
/// The FHIR R4 export of a synthetic journal (a liquid titration across the spring daylight-saving change in
/// Oslo, taken and skipped doses, check-ins with scales left out, open and closed side effects, events,
/// other medications, and hostile text), checked by an independent validator: the official FHIR R4 JSON
/// schema under ajv (tests/fhir-check, npm). Needs node; without it the check says so and does nothing,
/// except in CI (LDN_CI=1).
/// </summary>
public sealed class FhirExportTests(ITestOutputHelper output)
{
    private const string Oslo = "Europe/Oslo";
    private const string Hostile = "</div><script>alert(\"x\")</script> \\\" ], \"status\": \"bogus\" ✓ Ærlig talt 😴 بالعربية";

    private static readonly Instant Generated = Instant.FromUtc(2026, 4, 10, 12, 0);

    // Oslo moves from +01:00 to +02:00 at 01:00 UTC on Sunday 29 March 2026.
    internal static readonly JournalData Journal = new()
    {
        Profile = new JournalProfile { Name = "Åse Øvre-Ødegård", TimeZoneId = Oslo },
        Plans = [PlanVersion.Initial(PlanJson, Instant.FromUtc(2026, 3, 19, 9, 0))],
        Doses =
        [
            new DoseEntry(1, Instant.FromUtc(2026, 3, 28, 21, 0), Oslo, 1.0m, Formulation.Liquid, Skipped: false),
            new DoseEntry(2, Instant.FromUtc(2026, 3, 29, 20, 0), Oslo, 2.0m, Formulation.Liquid, Skipped: false, Note: "first night on summer time"),
            new DoseEntry(3, Instant.FromUtc(2026, 3, 30, 20, 0), Oslo, 2.0m, Formulation.Liquid, Skipped: true, Note: Hostile),
            new DoseEntry(4, Instant.FromUtc(2026, 3, 31, 20, 0), Oslo, 2.0m, Formulation.Sublingual, Skipped: true),
            new DoseEntry(5, Instant.FromUtc(2026, 4, 4, 2, 0), "America/New_York", 4.5m, Formulation.Liquid, Skipped: false),
        ],
        CheckIns =
        [
            new CheckInEntry(10, Instant.FromUtc(2026, 3, 28, 7, 0), Oslo, 6, 5, 4, 5, 3, Note: Hostile),
            new CheckInEntry(11, Instant.FromUtc(2026, 3, 30, 6, 0), Oslo, 5, null, 6, null, 4),
            new CheckInEntry(12, Instant.FromUtc(2026, 3, 31, 6, 0), Oslo, null, null, null, null, null, Note: "too tired to score"),
        ],
        SideEffects =
        [
            new SideEffectEntry(20, "vivid dreams", SideEffectSeverity.Mild, Instant.FromUtc(2026, 3, 28, 23, 0), Instant.FromUtc(2026, 3, 31, 6, 0), Oslo, Note: "🌙 Traum"),
            new SideEffectEntry(21, "insomnia", SideEffectSeverity.Moderate, Instant.FromUtc(2026, 3, 30, 1, 0), null, Oslo),
        ],
        Events =
        [
            new EventEntry(30, Instant.FromUtc(2026, 3, 29, 12, 0), Oslo, JournalEventKind.Flare, Note: Hostile),
            new EventEntry(31, Instant.FromUtc(2026, 4, 1, 12, 0), Oslo, JournalEventKind.MedicationChange),
        ],
        Medications =
        [
            new MedicationEntry(40, "levothyroxine 50 µg", Instant.FromUtc(2020, 1, 1, 8, 0), null),
            new MedicationEntry(41, "ibuprofen", Instant.FromUtc(2026, 3, 1, 8, 0), Instant.FromUtc(2026, 3, 10, 8, 0)),
        ],
    };

    private const string PlanJson = """
        {
          "protocol": "slow-liquid", "protocolName": "Slow liquid start", "start": "2026-03-20", "at": "22:00",
          "timeZone": "Europe/Oslo", "formulation": "liquid", "concentrationMgPerMl": 1.0,
          "steps": [
            { "step": 1, "from": "2026-03-20", "to": "2026-03-28", "days": 9, "doseMg": 1.0, "at": "22:00", "formulation": "liquid", "volumeMl": 1.0, "actualDoseMg": 1.0, "roundingErrorPercent": 0, "syringeMl": 1, "graduationMl": 0.01 },
            { "step": 2, "from": "2026-03-29", "to": "2026-04-03", "days": 6, "doseMg": 2.0, "at": "22:00", "formulation": "liquid", "volumeMl": 2.0, "actualDoseMg": 2.0, "roundingErrorPercent": 0, "syringeMl": 3, "graduationMl": 0.1 },
            { "step": 3, "from": "2026-04-04", "to": null, "days": null, "doseMg": 4.5, "at": "22:00", "formulation": "liquid", "volumeMl": 4.5, "actualDoseMg": 4.5, "roundingErrorPercent": 0, "syringeMl": 5, "graduationMl": 0.1 }
          ],
          "warnings": []
        }
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_independent_FHIR_R4_validator_finds_the_export_valid_with_every_journal_entry(bool versioned)
    {
        var journal = versioned ? Versioned : Journal;
        var result = Validate(FhirExport.ToBundle(journal, Generated));
        if (result is null)
        {
            return;
        }

        Assert.True(result.RootElement.GetProperty("valid").GetBoolean(), result.RootElement.GetProperty("errors").ToString());
        var counts = result.RootElement.GetProperty("resources").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(ExpectedCounts(journal), counts);
        output.WriteLine($"Valid FHIR R4 (official JSON schema, ajv): {string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}.");
    }

    [Fact]
    public void The_validator_rejects_a_broken_bundle_so_the_check_bites()
    {
        var bundle = BundleJson(Journal, Generated);
        Resources(bundle, "Observation").First()["status"] = "bogus";
        var result = Validate(bundle.ToJsonString());
        if (result is null)
        {
            return;
        }

        Assert.False(result.RootElement.GetProperty("valid").GetBoolean());
        Assert.Contains(result.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("Observation.status", StringComparison.Ordinal));

        // A dangling reference is caught too (the schema alone cannot see it).
        bundle = BundleJson(Journal, Generated);
        Resources(bundle, "MedicationAdministration").First()["subject"] = new JsonObject { ["reference"] = "urn:uuid:00000000-0000-5000-8000-000000000000" };
        var dangling = Validate(bundle.ToJsonString())!;
        Assert.Contains(dangling.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetString()!.Contains("does not resolve", StringComparison.Ordinal));
    }

    [Fact]
    public void Resource_counts_match_the_journal_and_references_point_at_entries()
    {
        var bundle = BundleJson(Journal, Generated);
        Assert.Equal("collection", (string?)bundle["type"]);
        Assert.Equal("2026-04-10T12:00:00Z", (string?)bundle["timestamp"]);
        var entries = bundle["entry"]!.AsArray();
        var counts = entries.GroupBy(e => (string)e!["resource"]!["resourceType"]!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(ExpectedCounts(), counts);

        var urls = entries.Select(e => (string)e!["fullUrl"]!).ToList();
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.All(urls, u => Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", u));
        var patient = Assert.Single(Resources(bundle, "Patient"));
        Assert.Equal("Åse Øvre-Ødegård", (string?)patient["name"]![0]!["text"]);
        Assert.Null(patient["gender"]);
        Assert.Null(patient["birthDate"]);

        var request = urls[entries.ToList().FindIndex(e => (string?)e!["resource"]!["resourceType"] == "MedicationRequest")];
        Assert.All(Resources(bundle, "MedicationAdministration"), a => Assert.Equal(request, (string?)a["request"]!["reference"]));
        var statuses = Resources(bundle, "MedicationAdministration").Select(a => (string)a["status"]!).ToList();
        Assert.Equal(["completed", "completed", "not-done", "not-done", "completed"], statuses);
        Assert.Equal("Skipped (no reason given)", (string?)Resources(bundle, "MedicationAdministration")[3]["statusReason"]![0]!["text"]);
        Assert.Equal(
            [FhirExport.OralRouteCode, FhirExport.OralRouteCode, FhirExport.OralRouteCode, FhirExport.SublingualRouteCode, FhirExport.OralRouteCode],
            Resources(bundle, "MedicationAdministration").Select(a => (string)a["dosage"]!["route"]!["coding"]![0]!["code"]!));

        // Exporting again gives the same text, and the ids are RFC 9562 v5 UUIDs any library reproduces.
        Assert.Equal(FhirExport.ToBundle(Journal, Generated), FhirExport.ToBundle(Journal, Generated));
        Assert.Equal("d2e43a06-1e36-5e1c-9641-ddeb6053ba17", FhirIds.Uuid("dose", "42"));
    }

    [Fact]
    public void The_plan_becomes_one_dosage_instruction_per_step_with_the_liquid_volume()
    {
        var bundle = BundleJson(Journal, Generated);
        var request = Assert.Single(Resources(bundle, "MedicationRequest"));
        Assert.Equal("active", (string?)request["status"]);

        // The one plan of a journal keeps the id it had before plan versions: …/plan/<ticks when set>.
        var setAt = Journal.Plans[0].SetAt.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture);
        Assert.Contains(bundle["entry"]!.AsArray(), e => (string?)e!["fullUrl"] == FhirIds.Urn("plan", setAt) && ReferenceEquals(e["resource"], request));
        Assert.Equal("2026-03-20", (string?)request["dispenseRequest"]!["validityPeriod"]!["start"]);
        Assert.Null(request["dispenseRequest"]!["validityPeriod"]!["end"]);
        Assert.Null(request["priorPrescription"]);
        Assert.Equal("plan", (string?)request["intent"]);
        Assert.Equal(FhirExport.MedicationText, (string?)request["medicationCodeableConcept"]!["text"]);
        var steps = request["dosageInstruction"]!.AsArray();
        Assert.Equal(3, steps.Count);
        Assert.Equal([1, 2, 3], steps.Select(s => (int)s!["sequence"]!));
        var first = steps[0]!["timing"]!["repeat"]!;
        Assert.Equal("2026-03-20", (string?)first["boundsPeriod"]!["start"]);
        Assert.Equal("2026-03-28", (string?)first["boundsPeriod"]!["end"]);
        Assert.Equal("22:00:00", (string?)first["timeOfDay"]![0]);
        Assert.Equal("d", (string?)first["periodUnit"]);
        Assert.Null(steps[2]!["timing"]!["repeat"]!["boundsPeriod"]!["end"]);
        var dose = steps[2]!["doseAndRate"]![0]!["doseQuantity"]!;
        Assert.Equal(4.5m, (decimal)dose["value"]!);
        Assert.Equal(("mg", "http://unitsofmeasure.org", "mg"), ((string)dose["unit"]!, (string)dose["system"]!, (string)dose["code"]!));
        Assert.Contains("measure 4.5 mL of the liquid", (string)steps[2]!["text"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Pain_has_its_LOINC_code_and_the_other_scales_the_projects_code_system_with_nulls_left_out()
    {
        var observations = Resources(BundleJson(Journal, Generated), "Observation");
        var scores = observations.Where(o => o["valueInteger"] is not null).ToList();
        Assert.Equal(Journal.CheckIns.Sum(c => FhirExport.Scores(c).Count(s => s.Value is not null)), scores.Count);
        var pain = scores.Where(o => (string?)o["code"]!["coding"]![0]!["system"] == FhirExport.Loinc).ToList();
        var painScore = Assert.Single(pain);
        Assert.Equal("72514-3", (string?)painScore["code"]!["coding"]![0]!["code"]);
        Assert.Equal(5, (int)painScore["valueInteger"]!);
        Assert.Equal("survey", (string?)painScore["category"]![0]!["coding"]![0]!["code"]);
        var others = scores.Except(pain).Select(o => (string)o["code"]!["coding"]![0]!["code"]!).ToList();
        Assert.Equal(["fatigue", "sleep-quality", "mood", "focus", "fatigue", "sleep-quality", "focus"], others);
        Assert.All(scores.Except(pain), o => Assert.Equal(FhirExport.CheckInSystem, (string?)o["code"]!["coding"]![0]!["system"]));

        var panels = observations.Where(o => (string?)o["code"]!["coding"]![0]!["code"] == "check-in").ToList();
        Assert.Equal([5, 3], panels.Where(p => p["hasMember"] is not null).Select(p => p["hasMember"]!.AsArray().Count));
        Assert.Null(panels[2]["hasMember"]);
        Assert.Equal("too tired to score", (string?)panels[2]["note"]![0]!["text"]);
    }

    [Fact]
    public void Times_carry_the_patients_UTC_offset_on_both_sides_of_the_daylight_saving_change()
    {
        var administrations = Resources(BundleJson(Journal, Generated), "MedicationAdministration");
        var times = administrations.Select(a => (string)a["effectiveDateTime"]!).ToList();
        Assert.Equal("2026-03-28T22:00:00+01:00", times[0]);
        Assert.Equal("2026-03-29T22:00:00+02:00", times[1]);
        Assert.Equal("2026-04-03T22:00:00-04:00", times[4]);
        foreach (var (dose, text) in Journal.Doses.Zip(times))
        {
            // .NET's TimeZoneInfo reads the operating system's zone data, not NodaTime's copy.
            var parsed = DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            var utc = dose.At.ToDateTimeUtc();
            Assert.Equal(utc, parsed.UtcDateTime);
            Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById(dose.TimeZoneId).GetUtcOffset(utc), parsed.Offset);
        }
    }

    [Fact]
    public void Side_effects_are_adverse_events_with_severity_outcome_and_the_symptom_as_a_condition()
    {
        var bundle = BundleJson(Journal, Generated);
        var events = Resources(bundle, "AdverseEvent");
        Assert.Equal(["mild", "moderate"], events.Select(e => (string)e["severity"]!["coding"]![0]!["code"]!));
        Assert.All(events, e => Assert.Equal("http://terminology.hl7.org/CodeSystem/adverse-event-severity", (string?)e["severity"]!["coding"]![0]!["system"]));
        Assert.Equal(["resolved", "ongoing"], events.Select(e => (string)e["outcome"]!["coding"]![0]!["code"]!));
        Assert.Equal("vivid dreams", (string?)events[0]["event"]!["text"]);
        Assert.Equal("vivid-dreams", (string?)events[0]["event"]!["coding"]![0]!["code"]);
        var conditions = Resources(bundle, "Condition");
        Assert.Equal("2026-03-31T08:00:00+02:00", (string?)conditions[0]["abatementDateTime"]);
        Assert.Null(conditions[1]["abatementDateTime"]);
        Assert.Equal(["resolved", "active"], conditions.Select(c => (string)c["clinicalStatus"]!["coding"]![0]!["code"]!));
        Assert.Equal("🌙 Traum", (string?)conditions[0]["note"]![0]!["text"]);
    }

    [Fact]
    public void Unicode_and_hostile_text_in_notes_survive_as_data()
    {
        var text = FhirExport.ToBundle(Journal, Generated);
        using var parsed = JsonDocument.Parse(text);
        var notes = new List<string>();
        Collect(parsed.RootElement, notes);
        Assert.Equal(3, notes.Count(n => n == Hostile));
        Assert.Contains("levothyroxine 50 µg", notes);
        Assert.Contains("Åse Øvre-Ødegård", notes);

        // Control characters FHIR strings may not hold become U+FFFD; tab and line breaks stay.
        var control = Journal with { Events = [new EventEntry(32, Generated, Oslo, JournalEventKind.Other, "a\u0000b\u001bc\td\r\ne")] };
        var note = Resources(BundleJson(control, Generated), "Observation").Last()["note"]![0]!["text"]!;
        Assert.Equal("a\uFFFDb\uFFFDc\td\r\ne", (string?)note);
        Assert.Equal(ExpectedCounts().Values.Sum(), parsed.RootElement.GetProperty("entry").GetArrayLength());
        Assert.DoesNotContain("\"bogus\"", text, StringComparison.Ordinal);

        static void Collect(JsonElement element, List<string> strings)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Collect(property.Value, strings);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item, strings);
                    }

                    break;
                case JsonValueKind.String:
                    strings.Add(element.GetString()!);
                    break;
                default:
                    break;
            }
        }
    }

    // Four plan versions: a closed one-step course (completed before the next began), the liquid plan
    // replaced during its first step (stopped), and two versions from the same day, the first replaced
    // before it was ever in force (cancelled), the second in force now (active). Entries in fixed zones,
    // scores on the journal's own scales (one whose id is also a code of the check-in system, one missing
    // from the catalogue) and a side effect typed as an alias.
    internal static readonly JournalData Versioned = new()
    {
        Profile = new JournalProfile { Name = "Ola", TimeZoneId = Oslo },
        Plans =
        [
            new PlanVersion(1, new LocalDate(2026, 3, 1), Instant.FromUtc(2026, 2, 28, 9, 0), ShortCourseJson, "set"),
            new PlanVersion(2, new LocalDate(2026, 3, 20), Instant.FromUtc(2026, 3, 19, 9, 0), PlanJson, "set"),
            new PlanVersion(3, new LocalDate(2026, 3, 25), Instant.FromUtc(2026, 3, 24, 20, 0), PlanJson.Replace("\"22:00\"", "\"08:00\"", StringComparison.Ordinal), "move-to-morning"),
            new PlanVersion(4, new LocalDate(2026, 3, 25), Instant.FromUtc(2026, 3, 24, 21, 0), PlanJson.Replace("\"22:00\"", "\"07:30\"", StringComparison.Ordinal), "move-to-morning"),
        ],
        Scales =
        [
            .. SymptomScales.BuiltIn,
            new SymptomScale("brain-fog", "Brain fog", "none", "worst", HigherIsWorse: true),
            new SymptomScale("check-in", "Check in", "calm", "restless", HigherIsWorse: true),
        ],
        Doses =
        [
            new DoseEntry(1, Instant.FromUtc(2026, 2, 27, 21, 0), Oslo, 1.5m, Formulation.Capsule, Skipped: false),
            new DoseEntry(2, Instant.FromUtc(2026, 3, 5, 21, 0), Oslo, 1.5m, Formulation.Capsule, Skipped: false),
            new DoseEntry(3, Instant.FromUtc(2026, 3, 22, 21, 0), Oslo, 1.0m, Formulation.Liquid, Skipped: false),
            // 22:30 on 24 March in Los Angeles (a typed offset kept as a fixed zone) is already 25 March in
            // Oslo: the dose belongs to its own day, the last of the version in force until 24 March.
            new DoseEntry(4, Instant.FromUtc(2026, 3, 25, 6, 30), "UTC-08:00", 1.0m, Formulation.Liquid, Skipped: false, Note: "Los Angeles"),
            new DoseEntry(5, Instant.FromUtc(2026, 3, 26, 6, 30), Oslo, 1.0m, Formulation.Liquid, Skipped: false),
        ],
        CheckIns =
        [
            CheckInEntry.WithScores(10, Instant.FromUtc(2026, 3, 26, 7, 0), Oslo, new Dictionary<string, int> { ["pain"] = 4, ["check-in"] = 3, ["brain-fog"] = 6 }),
            CheckInEntry.WithScores(11, Instant.FromUtc(2026, 3, 27, 16, 0), "UTC-08:00", new Dictionary<string, int> { ["ghost"] = 2 }, "scale since removed"),
        ],
        SideEffects =
        [
            new SideEffectEntry(20, "vivid dreams", SideEffectSeverity.Mild, Instant.FromUtc(2026, 3, 26, 1, 0), null, "UTC+05:30") { TypedName = "nightmares" },
        ],
    };

    private const string ShortCourseJson = """
        {
          "protocol": "fixed-1.5", "start": "2026-03-01", "at": "22:00", "timeZone": "Europe/Oslo", "formulation": "capsule",
          "steps": [ { "step": 1, "from": "2026-03-01", "to": "2026-03-10", "days": 10, "doseMg": 1.5, "at": "22:00", "formulation": "capsule" } ],
          "warnings": []
        }
        """;

    [Fact]
    public void Each_plan_version_is_a_medication_request_with_its_status_validity_and_the_previous_version()
    {
        var bundle = BundleJson(Versioned, Generated);
        var entries = bundle["entry"]!.AsArray();
        var requests = Resources(bundle, "MedicationRequest");
        Assert.Equal(["completed", "stopped", "cancelled", "active"], requests.Select(r => (string)r["status"]!));
        Assert.All(requests, r => Assert.Contains((string)r["status"]!, R4MedicationRequestStatuses));

        string Validity(JsonObject r) => $"{r["dispenseRequest"]!["validityPeriod"]!["start"]}..{r["dispenseRequest"]!["validityPeriod"]!["end"]}";
        Assert.Equal("2026-03-01..2026-03-19", Validity(requests[0]));
        Assert.Equal("2026-03-20..2026-03-24", Validity(requests[1]));
        Assert.Null(requests[2]["dispenseRequest"]);
        Assert.Equal("2026-03-25..", Validity(requests[3]));

        // The steps in force, cut to the version's period; a cancelled version keeps what it ordered from its start.
        string[] Bounds(JsonObject r) => [.. r["dosageInstruction"]!.AsArray().Select(d => $"{d!["sequence"]}:{d["timing"]!["repeat"]!["boundsPeriod"]!["start"]}..{d["timing"]!["repeat"]!["boundsPeriod"]!["end"]}")];
        Assert.Equal(["1:2026-03-01..2026-03-10"], Bounds(requests[0]));
        Assert.Equal(["1:2026-03-20..2026-03-24"], Bounds(requests[1]));
        Assert.Equal(["1:2026-03-25..2026-03-28", "2:2026-03-29..2026-04-03", "3:2026-04-04.."], Bounds(requests[2]));
        Assert.Equal(["1:2026-03-25..2026-03-28", "2:2026-03-29..2026-04-03", "3:2026-04-04.."], Bounds(requests[3]));
        Assert.Contains("from 2026-03-20 to 2026-03-24", (string)requests[1]["dosageInstruction"]![0]!["text"]!, StringComparison.Ordinal);
        Assert.Equal("07:30:00", (string?)requests[3]["dosageInstruction"]![0]!["timing"]!["repeat"]!["timeOfDay"]![0]);

        Assert.Equal("Replaced from 2026-03-25 by the plan version made with 'ldn journal plan adjust move-to-morning'.", (string?)requests[1]["statusReason"]!["text"]);
        Assert.Null(requests[0]["statusReason"]);
        Assert.Null(requests[3]["statusReason"]);
        Assert.Contains("never in force", (string)requests[2]["note"]![0]!["text"]!, StringComparison.Ordinal);

        var urls = requests.Select(r => (string)entries.Single(e => ReferenceEquals(e!["resource"], r))!["fullUrl"]!).ToList();
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.Null(requests[0]["priorPrescription"]);
        Assert.Equal(urls.SkipLast(1), requests.Skip(1).Select(r => (string?)r["priorPrescription"]!["reference"]));

        // Each dose points at the version in force on its own local day; none before the first version.
        var administrations = Resources(bundle, "MedicationAdministration");
        Assert.Equal([null, urls[0], urls[1], urls[1], urls[3]], administrations.Select(a => (string?)a["request"]?["reference"]));
    }

    [Fact]
    public void Fixed_offset_zones_give_their_own_offset()
    {
        var bundle = BundleJson(Versioned, Generated);
        Assert.Equal("2026-03-24T22:30:00-08:00", (string?)Resources(bundle, "MedicationAdministration")[3]["effectiveDateTime"]);
        Assert.Equal("2026-03-26T06:30:00+05:30", (string?)Resources(bundle, "AdverseEvent")[0]["date"]);
        var panels = Resources(bundle, "Observation").Where(o => (string?)o["code"]!["coding"]![0]!["system"] == FhirExport.CheckInSystem && (string?)o["code"]!["coding"]![0]!["code"] == "check-in" && o["hasMember"] is not null).ToList();
        Assert.Equal("2026-03-27T08:00:00-08:00", (string?)panels[1]["effectiveDateTime"]);
    }

    [Fact]
    public void The_journals_own_scales_are_observations_with_label_and_anchors_in_their_own_code_system()
    {
        var bundle = BundleJson(Versioned, Generated);
        var observations = Resources(bundle, "Observation");
        var own = observations.Where(o => (string?)o["code"]!["coding"]![0]!["system"] == FhirExport.OwnScaleSystem).ToList();
        Assert.Equal(["brain-fog", "check-in", "ghost"], own.Select(o => (string)o["code"]!["coding"]![0]!["code"]!));
        Assert.Equal([6, 3, 2], own.Select(o => (int)o["valueInteger"]!));
        Assert.Equal(["Brain fog (0 = none, 10 = worst)", "Check in (0 = calm, 10 = restless)", "ghost (0–10)"], own.Select(o => (string)o["code"]!["text"]!));
        Assert.Equal("Brain fog", (string?)own[0]["code"]!["coding"]![0]!["display"]);
        Assert.All(own, o => Assert.Equal("survey", (string?)o["category"]![0]!["coding"]![0]!["code"]));

        // The built-in pain score keeps its LOINC code, and the panels point at every score of their check-in.
        Assert.Single(observations, o => (string?)o["code"]!["coding"]![0]!["code"] == FhirExport.PainLoincCode);
        var entries = bundle["entry"]!.AsArray();
        var panels = observations.Where(o => o["hasMember"] is not null).ToList();
        Assert.Equal([3, 1], panels.Select(p => p["hasMember"]!.AsArray().Count));
        var members = panels[0]["hasMember"]!.AsArray().Select(m => (string)m!["reference"]!).ToList();
        var first = members.Select(m => entries.Single(e => (string?)e!["fullUrl"] == m)!["resource"]!).ToList();
        Assert.Equal([4, 6, 3], first.Select(o => (int)o["valueInteger"]!));
        Assert.Equal("scale since removed", (string?)panels[1]["note"]![0]!["text"]);
    }

    [Fact]
    public void A_side_effect_typed_as_an_alias_keeps_the_typed_words_as_the_text_and_the_kind_as_the_code()
    {
        var bundle = BundleJson(Versioned, Generated);
        foreach (var code in new[] { Resources(bundle, "AdverseEvent")[0]["event"]!, Resources(bundle, "Condition")[0]["code"]! })
        {
            Assert.Equal("nightmares", (string?)code["text"]);
            Assert.Equal(("vivid-dreams", "vivid dreams"), ((string?)code["coding"]![0]!["code"], (string?)code["coding"]![0]!["display"]));
        }

        // Without a typed name the text is the kind, as before.
        Assert.Equal("insomnia", (string?)Resources(BundleJson(Journal, Generated), "AdverseEvent")[1]["event"]!["text"]);
    }

    /// <summary>R4 (4.0.1) medicationrequest-status: hl7.org/fhir/R4/codesystem-medicationrequest-status.html.</summary>
    private static readonly string[] R4MedicationRequestStatuses = ["active", "on-hold", "cancelled", "completed", "entered-in-error", "stopped", "draft", "unknown"];

    private static Dictionary<string, int> ExpectedCounts() => ExpectedCounts(Journal);

    /// <summary>The resources the journal must give, by type (types with none left out, as the validator counts).</summary>
    private static Dictionary<string, int> ExpectedCounts(JournalData journal) => new Dictionary<string, int>
    {
        ["Patient"] = 1,
        ["MedicationRequest"] = journal.Plans.Count,
        ["MedicationAdministration"] = journal.Doses.Count,
        ["Observation"] = journal.CheckIns.Sum(c => 1 + FhirExport.Scores(c).Count(s => s.Value is not null) + c.OtherScores.Count) + journal.Events.Count,
        ["Medication"] = 1,
        ["AdverseEvent"] = journal.SideEffects.Count,
        ["Condition"] = journal.SideEffects.Count,
        ["MedicationStatement"] = journal.Medications.Count,
    }.Where(p => p.Value > 0).ToDictionary();

    /// <summary>The SDK-written export parsed back as plain JSON, so the checks below read what a receiver reads.</summary>
    internal static JsonObject BundleJson(JournalData journal, Instant at) => JsonNode.Parse(FhirExport.ToBundle(journal, at))!.AsObject();

    private static List<JsonObject> Resources(JsonObject bundle, string type) =>
        [.. bundle["entry"]!.AsArray().Select(e => e!["resource"]!.AsObject()).Where(r => (string?)r["resourceType"] == type)];

    /// <summary>Runs tests/fhir-check/check.mjs on the JSON; null (with a note) when node is not installed.</summary>
    private JsonDocument? Validate(string json) =>
        new NodeCheck("fhir-check", Path.Combine("@asymmetrik", "fhir-json-schema-validator"), "the FHIR R4 schema", output).Run(json, ".json");
}
