using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Ldn.Core.Journal;
using Ldn.Interop.Fhir;
using Ldn.Tests.Shared;
using NodaTime;
using Xunit;
using Xunit.Abstractions;
using Period = Hl7.Fhir.Model.Period;

namespace Ldn.Interop.Tests;

/// <summary>
/// Every export checked twice: by Firely's validator against the base R4 profiles with their invariants
/// (<see cref="R4Validator"/>), and, as a second opinion, by the official FHIR R4 JSON schema under ajv
/// (tests/fhir-check). Exports: the demo journal, the two test journals of <see cref="FhirExportTests"/>,
/// and journals whose notes hold U+2028, a no-break space, emoji, control characters and 10,000 characters.
/// </summary>
public sealed class FhirValidationTests(ITestOutputHelper output)
{
    private static readonly NodaTime.Instant Generated = NodaTime.Instant.FromUtc(2026, 4, 10, 12, 0);

    public static TheoryData<string> Journals => ["demo", "journal", "versioned", "line-separator", "no-break-space", "emoji", "controls", "10k"];

    [Theory]
    [MemberData(nameof(Journals))]
    public void Every_export_is_valid_for_Firelys_R4_validator_and_the_R4_JSON_schema(string name)
    {
        var journal = JournalNamed(name);
        var text = FhirExport.ToBundle(journal, Generated);

        // The file as written, parsed back by the SDK, is what the validator sees.
        var bundle = JsonSerializer.Deserialize<Bundle>(text, new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector))!;
        var result = R4Validator.Validate(bundle);
        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors.Take(20)));
        output.WriteLine($"{name}: {bundle.Entry.Count} entries valid for Firely's R4 validator; {result.Warnings.Count} warnings, {result.TerminologyWarnings.Count} codes left to a terminology server.");

        var schema = new NodeCheck("fhir-check", Path.Combine("@asymmetrik", "fhir-json-schema-validator"), "the FHIR R4 schema", output).Run(text, ".json");
        if (schema is not null)
        {
            Assert.True(schema.RootElement.GetProperty("valid").GetBoolean(), schema.RootElement.GetProperty("errors").ToString());
        }
    }

    [Fact]
    public void Hostile_notes_keep_their_text_except_line_separators_which_become_line_feeds()
    {
        var bundle = JsonNode.Parse(FhirExport.ToBundle(JournalNamed("line-separator"), Generated))!;
        var notes = Notes(bundle);
        Assert.Contains("before\nafter\nend", notes);
        Assert.DoesNotContain(notes, n => n.Contains('\u2028', StringComparison.Ordinal));

        notes = Notes(JsonNode.Parse(FhirExport.ToBundle(JournalNamed("no-break-space"), Generated))!);
        Assert.Contains("4,5\u00A0mg\u202Fnightly", notes);
        notes = Notes(JsonNode.Parse(FhirExport.ToBundle(JournalNamed("10k"), Generated))!);
        Assert.Contains(notes, n => n.Length == 10_000);
        notes = Notes(JsonNode.Parse(FhirExport.ToBundle(JournalNamed("controls"), Generated))!);
        Assert.Contains("bell\uFFFDnul\uFFFDtab\tok", notes);
    }

    [Fact]
    public void The_validator_bites_on_a_broken_invariant_and_a_missing_required_element()
    {
        var bundle = FhirExport.ToBundleResource(FhirExportTests.Journal, Generated);

        // per-1 (Period: start <= end) is an invariant, not a schema rule: only a FHIR validator sees it.
        var period = bundle.Entry.Select(e => e.Resource).OfType<MedicationStatement>().Select(s => (Period)s.Effective!).First(p => p.End is not null);
        period.End = "2000-01-01T00:00:00+01:00";
        var broken = R4Validator.Validate(bundle);
        Assert.Contains(broken.Errors, e => e.Contains("per-1", StringComparison.Ordinal));

        // Observation.status is 1..1.
        bundle = FhirExport.ToBundleResource(FhirExportTests.Journal, Generated);
        bundle.Entry.Select(e => e.Resource).OfType<Observation>().First().Status = null;
        Assert.NotEmpty(R4Validator.Validate(bundle).Errors);
    }

    private static List<string> Notes(JsonNode bundle) =>
    [
        .. bundle["entry"]!.AsArray().SelectMany(e => new[] { e!["resource"]!["note"]?[0]?["text"], e["resource"]!["statusReason"]?[0]?["text"] })
            .Where(n => n is not null).Select(n => (string)n!),
    ];

    internal static JournalData JournalNamed(string name) => name switch
    {
        "demo" => Numbered(DemoJournal.Create(7, new LocalDate(2026, 4, 9), 90, DateTimeZoneProviders.Tzdb["Europe/Oslo"], now: Generated)),
        "journal" => FhirExportTests.Journal,
        "versioned" => FhirExportTests.Versioned,
        "line-separator" => WithNote("before\u2028after\u2029end"),
        "no-break-space" => WithNote("4,5\u00A0mg\u202Fnightly"),
        "emoji" => WithNote("😴🌙 slept 9 h 👍🏽 👨‍👩‍👧"),
        "controls" => WithNote("bell\u0007nul\u0000tab\tok"),
        // 1,428 pieces of 7 UTF-16 units (the emoji is two) and 4 more: 10,000.
        "10k" => WithNote(string.Concat(Enumerable.Repeat("ß😴 \u00A0x\u2028", 1428)) + "abcd"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such journal"),
    };

    /// <summary>
    /// The demo's entries numbered as the store numbers them when it saves the journal (the demo leaves every
    /// id 0 until then; exported as it is, every dose would share one fullUrl, which bdl-7 forbids).
    /// </summary>
    internal static JournalData Numbered(JournalData j) => j with
    {
        Doses = [.. j.Doses.Select((d, i) => d with { Id = i + 1 })],
        CheckIns = [.. j.CheckIns.Select((c, i) => c with { Id = i + 1 })],
        SideEffects = [.. j.SideEffects.Select((s, i) => s with { Id = i + 1 })],
        Events = [.. j.Events.Select((e, i) => e with { Id = i + 1 })],
        Medications = [.. j.Medications.Select((m, i) => m with { Id = i + 1 })],
    };

    /// <summary>The test journal with <paramref name="note"/> on every dose, check-in, side effect and event.</summary>
    private static JournalData WithNote(string note)
    {
        var j = FhirExportTests.Journal;
        return j with
        {
            Doses = [.. j.Doses.Select(d => d with { Note = note })],
            CheckIns = [.. j.CheckIns.Select(c => c with { Note = note })],
            SideEffects = [.. j.SideEffects.Select(s => s with { Note = note })],
            Events = [.. j.Events.Select(e => e with { Note = note })],
        };
    }
}
