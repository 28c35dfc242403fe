using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Ldn.Core.Advice;
using Ldn.Core.Journal;
using Ldn.Interop.Fhir;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Interop.Tests;

/// <summary>
/// Export → import → export: for the demo journal, the two test journals (four plan versions, own scales,
/// side effects typed as aliases, fixed zones) and journals with hostile notes (U+2028, no-break spaces,
/// emoji, control characters, 10,000 characters), the second export holds the same resources as the first
/// (entries compared with their references followed, ids, fullUrls and the timestamp left out), is valid for
/// Firely's R4 validator, and the imported journal holds the original's entries: kind, time, zone, values,
/// notes (as the export writes them) and severity.
/// </summary>
public sealed class FhirRoundTripTests(ITestOutputHelper output)
{
    private static readonly NodaTime.Instant Generated = NodaTime.Instant.FromUtc(2026, 4, 10, 12, 0);

    public static TheoryData<string> Journals =>
        ["demo", "demo-new-york", "demo-lord-howe", "journal", "versioned", "verified-scale", "line-separator", "no-break-space", "emoji", "controls", "10k", "no-owner-name"];

    [Theory]
    [MemberData(nameof(Journals))]
    public void An_export_imports_to_the_same_entries_and_exports_again_to_the_same_resources(string name)
    {
        var original = Source(name);
        var first = FhirExport.ToBundle(original, Generated);
        var imported = FhirImport.Read(first, "bundle.json", original.Profile.TimeZoneId);

        var second = FhirExport.ToBundle(FhirValidationTests.Numbered(imported), Generated);
        var (a, b) = (Canonical(first), Canonical(second));
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            Assert.True(a[i] == b[i], $"entry {i + 1} differs:\n{a[i]}\n{b[i]}");
        }

        var bundle = JsonSerializer.Deserialize<Bundle>(second, new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector))!;
        var result = R4Validator.Validate(bundle);
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Take(20)));

        SameEntries(original, imported);
        output.WriteLine($"{name}: {a.Count} resources exported, imported and exported again unchanged; the second export is valid for Firely's R4 validator.");
    }

    [Fact]
    public void Entries_in_another_zone_than_the_home_zone_keep_their_offset_as_a_fixed_zone()
    {
        var imported = FhirImport.Read(FhirExport.ToBundle(FhirExportTests.Journal, Generated), "bundle.json", "Europe/Oslo");
        // Four doses in Oslo (winter and summer offsets alike), one in New York (-04:00 in April).
        Assert.Equal(["Europe/Oslo", "Europe/Oslo", "Europe/Oslo", "Europe/Oslo", "UTC-04:00"], imported.Doses.Select(d => d.TimeZoneId));

        // With another home zone every entry keeps its offset.
        imported = FhirImport.Read(FhirExport.ToBundle(FhirExportTests.Journal, Generated), "bundle.json", "Asia/Tokyo");
        Assert.Equal(["UTC+01:00", "UTC+02:00", "UTC+02:00", "UTC+02:00", "UTC-04:00"], imported.Doses.Select(d => d.TimeZoneId));
    }

    [Fact]
    public void Times_recorded_by_the_clock_keep_their_fractions_of_a_second_and_plan_versions_their_ids()
    {
        var clock = NodaTime.Instant.FromUtc(2026, 3, 28, 21, 0).Plus(NodaTime.Duration.FromTicks(1_234_567));
        var journal = FhirExportTests.Journal with
        {
            Plans = [FhirExportTests.Journal.Plans[0] with { SetAt = clock.Minus(NodaTime.Duration.FromDays(9)) }],
            Doses = [FhirExportTests.Journal.Doses[0] with { At = clock }],
        };
        var first = FhirExport.ToBundle(journal, Generated);
        Assert.Contains("\"2026-03-28T22:00:00.1234567+01:00\"", first, StringComparison.Ordinal);

        var imported = FhirImport.Read(first, "bundle.json", "Europe/Oslo");
        Assert.Equal(clock, imported.Doses[0].At);
        Assert.Equal(journal.Plans[0].SetAt, imported.Plans[0].SetAt);
        // The plan's fullUrl comes from when it was made, so it is the same in both exports.
        static string? PlanUrl(Bundle b) => b.Entry.Single(e => e.Resource is MedicationRequest).FullUrl;
        Assert.Equal(PlanUrl(FhirExport.ToBundleResource(journal, Generated)), PlanUrl(FhirExport.ToBundleResource(FhirValidationTests.Numbered(imported), Generated)));
    }

    [Fact]
    public void Side_effects_come_back_with_kind_typed_words_severity_onset_end_and_note()
    {
        var imported = FhirImport.Read(FhirExport.ToBundle(FhirExportTests.Versioned, Generated), "bundle.json", "Europe/Oslo");
        var effect = Assert.Single(imported.SideEffects);
        Assert.Equal(("vivid dreams", "nightmares", SideEffectSeverity.Mild, "UTC+05:30", (NodaTime.Instant?)null), (effect.Kind, effect.TypedName, effect.Severity, effect.TimeZoneId, effect.To));

        var journal = FhirImport.Read(FhirExport.ToBundle(FhirExportTests.Journal, Generated), "bundle.json", "Europe/Oslo");
        Assert.Equal(
            FhirExportTests.Journal.SideEffects.Select(s => (s.Kind, s.Severity, s.From, s.To, s.Note)),
            journal.SideEffects.Select(s => (s.Kind, s.Severity, s.From, s.To, s.Note)));
    }

    [Fact]
    public void Plan_versions_come_back_with_their_days_adjustments_and_statuses()
    {
        var imported = FhirImport.Read(FhirExport.ToBundle(FhirExportTests.Versioned, Generated), "bundle.json", "Europe/Oslo");
        Assert.Equal(
            FhirExportTests.Versioned.Plans.Select(p => (p.From, p.SetAt, p.Adjustment)),
            imported.Plans.Select(p => (p.From, p.SetAt, p.Adjustment)));

        // The stopped version's step is open again, so the export cuts it to the day the version ended.
        Assert.Null(imported.Plans[1].Steps[^1].To);
        var statuses = FhirExport.ToBundleResource(imported, Generated).Entry.Select(e => e.Resource).OfType<MedicationRequest>().Select(r => r.Status);
        Assert.Equal(
            [MedicationRequest.MedicationrequestStatus.Completed, MedicationRequest.MedicationrequestStatus.Stopped, MedicationRequest.MedicationrequestStatus.Cancelled, MedicationRequest.MedicationrequestStatus.Active],
            statuses);
    }

    [Fact]
    public void The_journals_own_scales_come_back_with_label_anchors_and_catalogue_order()
    {
        var imported = FhirImport.Read(FhirExport.ToBundle(FhirExportTests.Versioned, Generated), "bundle.json", "Europe/Oslo");
        var own = imported.Scales.Where(s => !s.BuiltIn).Select(s => (s.Id, s.Label, s.LowAnchor, s.HighAnchor)).ToList();
        // "ghost" was missing from the catalogue: it comes back as a scale named by its id, with the numbers as anchors.
        Assert.Equal([("brain-fog", "Brain fog", "none", "worst"), ("check-in", "Check in", "calm", "restless"), ("ghost", "ghost", "0", "10")], own);
        Assert.Equal(6, imported.CheckIns[0].Score("brain-fog"));
        Assert.Equal(2, imported.CheckIns[1].Score("ghost"));
    }

    /// <summary>
    /// The journal named as in <see cref="FhirValidationTests"/>; the versioned one without its score on a scale
    /// missing from the catalogue, whose text ("ghost (0–10)") names no anchors to import.
    /// </summary>
    private static JournalData Source(string name)
    {
        switch (name)
        {
            // Other seeds and zones: New York's spring change, and Lord Howe's half-hour one (+10:30/+11:00).
            case "demo-new-york":
                return Demo(11, new LocalDate(2026, 4, 9), "America/New_York");
            case "demo-lord-howe":
                return Demo(42, new LocalDate(2026, 11, 20), "Australia/Lord_Howe");
            case "no-owner-name":
                // A journal whose owner gave no name: its Patient was once an empty JSON object, which import refused.
                var nameless = Source("journal");
                return nameless with { Profile = nameless.Profile with { Name = null } };
            case "verified-scale":
                // An own scale with a code of its own: it comes back through the panel that names it.
                var journal = Source("versioned");
                return journal with
                {
                    Scales = [.. journal.Scales.Select(s => s.Id == "brain-fog" ? s with { CodeSystem = "https://example.org/CodeSystem/scales", Code = "bf-1" } : s)],
                };
            default:
                journal = FhirValidationTests.JournalNamed(name);
                return name == "versioned"
                    ? journal with { CheckIns = [.. journal.CheckIns.Where(c => !c.OtherScores.ContainsKey("ghost"))] }
                    : journal;
        }

        static JournalData Demo(long seed, LocalDate lastDay, string zone) =>
            FhirValidationTests.Numbered(DemoJournal.Create(seed, lastDay, 60, DateTimeZoneProviders.Tzdb[zone], now: lastDay.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()));
    }

    /// <summary>
    /// Each entry's resource as JSON text, with every reference replaced by the position of the entry it names,
    /// and the resource id and meta left out: what must not change from one export to the next.
    /// </summary>
    private static List<string> Canonical(string bundleJson)
    {
        var entries = JsonNode.Parse(bundleJson)!["entry"]!.AsArray();
        var positions = entries.Select((e, i) => ((string)e!["fullUrl"]!, i)).ToDictionary(p => p.Item1, p => p.i);
        return [.. entries.Select(e =>
        {
            var resource = e!["resource"]!.DeepClone().AsObject();
            resource.Remove("id");
            resource.Remove("meta");
            Replace(resource);
            return resource.ToJsonString();
        })];

        void Replace(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["reference"] is JsonValue r && r.TryGetValue<string>(out var target))
                    {
                        o["reference"] = positions.TryGetValue(target, out var p) ? $"#entry-{p}" : $"dangling {target}";
                    }

                    foreach (var (_, child) in o.ToList())
                    {
                        Replace(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Replace(child);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The imported journal holds the original's entries, notes as the export writes them (<see cref="FhirExport.Text"/>).</summary>
    private static void SameEntries(JournalData original, JournalData imported)
    {
        var home = JournalTime.Zone(original.Profile.TimeZoneId);
        string Zone(NodaTime.Instant at, string zoneId)
        {
            // An entry in the home zone keeps it; one elsewhere keeps the offset it had.
            var offset = JournalTime.Zone(zoneId).GetUtcOffset(at);
            return home.GetUtcOffset(at) == offset ? home.Id : JournalTime.FixedZone(offset).Id;
        }

        Assert.Equal(original.Profile.Name, imported.Profile.Name);
        Assert.Equal(
            original.Doses.Select(d => (d.At, Zone(d.At, d.TimeZoneId), d.DoseMg, d.Formulation, d.Skipped, Note(d.Note))),
            imported.Doses.Select(d => (d.At, d.TimeZoneId, d.DoseMg, d.Formulation, d.Skipped, d.Note)));
        Assert.Equal(
            original.CheckIns.Select(c => (c.At, Zone(c.At, c.TimeZoneId), Scores(c), Note(c.Note))),
            imported.CheckIns.Select(c => (c.At, c.TimeZoneId, Scores(c), c.Note)));
        Assert.Equal(
            original.SideEffects.Select(s => (s.Kind, s.Severity, s.From, s.To, Zone(s.From, s.TimeZoneId), Note(s.Note), s.TypedName)),
            imported.SideEffects.Select(s => (s.Kind, s.Severity, s.From, s.To, s.TimeZoneId, s.Note, s.TypedName)));
        Assert.Equal(
            original.Events.Select(e => (e.Kind, e.At, Zone(e.At, e.TimeZoneId), Note(e.Note))),
            imported.Events.Select(e => (e.Kind, e.At, e.TimeZoneId, e.Note)));
        Assert.Equal(original.Medications.Select(m => (m.Name, m.Since, m.Until)), imported.Medications.Select(m => (m.Name, m.Since, m.Until)));
        Assert.Equal(
            original.Plans.Select(p => (p.From, p.SetAt, (string?)(p.Adjustment ?? "set"))),
            imported.Plans.Select(p => (p.From, p.SetAt, p.Adjustment)));

        static string Scores(CheckInEntry c) => string.Join(",", c.Scores().Select(p => $"{p.Key}={p.Value}"));
        static string? Note(string? note) => string.IsNullOrWhiteSpace(note) ? null : FhirExport.Text(note);
    }
}
