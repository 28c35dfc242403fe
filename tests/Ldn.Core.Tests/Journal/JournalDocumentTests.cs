using System.Text.Json;
using Ldn.Core.Advice;
using Ldn.Core.Journal;
using NodaTime;
using Xunit;

namespace Ldn.Core.Tests.Journal;

public sealed class JournalDocumentTests
{
    internal static JournalData Demo() => DemoJournal.Create(7, new LocalDate(2027, 4, 30), 84, DateTimeZoneProviders.Tzdb["Europe/Oslo"]);

    [Fact]
    public void A_journal_round_trips_through_its_json_document_without_loss()
    {
        var data = Demo();
        var json = JsonSerializer.Serialize(JournalDocument.From(data), JournalDocument.Options);
        var back = JournalDocument.Read(json, "export.json");
        Assert.Equal(data.Profile, back.Profile with { Conditions = data.Profile.Conditions });
        Assert.Equal(data.Profile.Conditions, back.Profile.Conditions);
        Assert.Equal(data.Doses, back.Doses);
        Assert.Equal(data.CheckIns, back.CheckIns);
        Assert.Equal(data.SideEffects, back.SideEffects);
        Assert.Equal(data.Events, back.Events);
        Assert.Equal(data.Medications, back.Medications);
        Assert.Equal(data.Plan!.SetAt, back.Plan!.SetAt);
        Assert.Equal(Ldn.Core.Protocols.PlanDocument.ReadSteps(data.Plan.PlanJson, "a"), Ldn.Core.Protocols.PlanDocument.ReadSteps(back.Plan.PlanJson, "b"));
    }

    [Fact]
    public void The_show_contract_fields_are_there()
    {
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(JournalDocument.From(Demo()), JournalDocument.Options));
        var root = json.RootElement;
        var dose = root.GetProperty("doses")[0];
        foreach (var field in new[] { "at", "doseMg", "formulation", "skipped" })
        {
            Assert.True(dose.TryGetProperty(field, out _), field);
        }

        var checkIn = root.GetProperty("checkIns")[0];
        foreach (var field in new[] { "at", "fatigue", "pain", "sleep", "mood", "focus", "note" })
        {
            Assert.True(checkIn.TryGetProperty(field, out _), field);
        }

        var sideEffect = root.GetProperty("sideEffects")[0];
        foreach (var field in new[] { "kind", "severity", "from", "to" })
        {
            Assert.True(sideEffect.TryGetProperty(field, out _), field);
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("events").ValueKind);
        Assert.EndsWith("+01:00", dose.GetProperty("at").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "must declare")]
    [InlineData("not json", "is not a journal export")]
    [InlineData("{\"schema\":\"ldn-journal/1\"}", "has no profile")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"Mars/Base\"}}", "not a known IANA time zone")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"doses\":[{\"at\":\"yesterday\",\"timeZone\":\"UTC\",\"doseMg\":1}]}", "unusable time 'yesterday' in dose 1")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"checkIns\":[{\"at\":\"2026-12-01T08:00:00Z\",\"timeZone\":\"UTC\",\"pain\":11}]}", "score outside 0–10")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"sideEffects\":[{\"kind\":\"sneezing\",\"severity\":\"mild\",\"from\":\"2026-12-01T08:00:00Z\",\"timeZone\":\"UTC\"}]}", "not a known side-effect kind")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"dosez\":[]}", "is not a journal export")]
    // Issue 13: an import of a dose dated 9999-12-31 was accepted, and from then on show and every export failed.
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"doses\":[{\"at\":\"9999-12-31T23:59:59Z\",\"timeZone\":\"UTC\",\"doseMg\":1}]}", "'9999-12-31T23:59:59Z' in dose 1, outside 1970–2200")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"doses\":[{\"at\":\"2201-01-01T00:00:00+00:00\",\"timeZone\":\"UTC\",\"doseMg\":1}]}", "outside 1970–2200")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"checkIns\":[{\"at\":\"1969-12-31T23:59:59Z\",\"timeZone\":\"UTC\",\"pain\":1}]}", "in check-in 1, outside 1970–2200")]
    [InlineData("{\"schema\":\"ldn-journal/1\",\"profile\":{\"timeZone\":\"UTC\"},\"sideEffects\":[{\"kind\":\"headache\",\"severity\":\"mild\",\"from\":\"2026-12-01T08:00:00Z\",\"to\":\"9999-01-01T00:00:00Z\",\"timeZone\":\"UTC\"}]}", "in side effect 1, outside 1970–2200")]
    public void A_broken_or_hostile_document_is_one_sentence(string json, string expected)
    {
        var error = Assert.Throws<InvalidInputException>(() => JournalDocument.Read(json, "in.json"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_ten_megabyte_note_is_refused()
    {
        var data = Demo();
        var document = JournalDocument.From(data) with { Events = [new EventDocument(0, 1, "2027-04-01T10:00:00+02:00", "Europe/Oslo", "other", new string('x', 10_000_001))] };
        var error = Assert.Throws<InvalidInputException>(() => JournalDocument.Read(JsonSerializer.Serialize(document, JournalDocument.Options), "big.json"));
        Assert.Contains("notes hold at most", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>The <c>ldn-journal/2</c> document: plan versions, scales, revisions, typed names, scores and history.</summary>
public sealed class JournalDocumentV2Tests
{
    private static readonly LocalDate Start = new(2027, 4, 30);

    /// <summary>The demo with ids, a second plan version, an own scale scored in check-ins, a typed name and a history that edits and deletes.</summary>
    internal static JournalData Rich()
    {
        var demo = JournalDocumentTests.Demo();
        var brainFog = new SymptomScale("brain-fog", "Brain fog", "clear", "cannot think", HigherIsWorse: true);
        var doses = demo.Doses.Select((d, i) => d with { Id = i + 1, Note = i == 0 ? "=HYPERLINK(\"http://example.invalid\",\"x\")" : d.Note, Revision = i == 0 ? 2 : 1 }).ToList();
        var first = demo.Plans[0] with { Id = 1 };
        var firstStep = first.Steps[^1];
        var later = new PlanVersion(2, LocalDate.FromDateOnly(firstStep.From).PlusDays(3), first.SetAt + Duration.FromDays(30), first.PlanJson, "move-to-morning");
        var deleted = new DoseEntry(999, doses[^1].At + Duration.FromHours(1), "UTC-08:00", 45m, Ldn.Core.Dosing.Formulation.Capsule, false, "typo") { Revision = 2 };
        var at = Instant.FromUtc(2027, 5, 1, 8, 0);
        var edited = doses[0];
        return demo with
        {
            Plans = [first, later],
            Scales = [.. SymptomScales.BuiltIn, brainFog],
            Doses = doses,
            CheckIns = [.. demo.CheckIns.Select((c, i) => (c with { Id = i + 1 }) is var x && i % 2 == 0 ? x with { OtherScores = new Dictionary<string, int> { ["brain-fog"] = i % 11 } } : x)],
            SideEffects = [.. demo.SideEffects.Select((s, i) => s with { Id = i + 1, TypedName = i == 0 ? "nightmares" : null })],
            Events = [.. demo.Events.Select((e, i) => e with { Id = i + 1 })],
            Medications = [new MedicationEntry(1, "+1 vitamin D", first.SetAt, null)],
            History =
            [
                new(1, JournalEntryKind.Dose, 1, 1, JournalChangeType.Add, at, null, JournalEntryJson.Write(edited with { Revision = 1, Note = null }), null),
                new(2, JournalEntryKind.Dose, 1, 2, JournalChangeType.Edit, at + Duration.FromMinutes(1), JournalEntryJson.Write(edited with { Revision = 1, Note = null }), JournalEntryJson.Write(edited), "'quoted reason"),
                new(3, JournalEntryKind.Dose, 999, 1, JournalChangeType.Add, at + Duration.FromMinutes(2), null, JournalEntryJson.Write(deleted with { Revision = 1 }), null),
                new(4, JournalEntryKind.Dose, 999, 2, JournalChangeType.Delete, at + Duration.FromMinutes(3), JournalEntryJson.Write(deleted with { Revision = 1 }), JournalEntryJson.Write(deleted), JournalChange.UndoReason, 3),
            ],
        };
    }

    private static string Json(JournalData data, LocalDate? today = null) => JsonSerializer.Serialize(JournalDocument.From(data, today), JournalDocument.Options);

    [Fact]
    public void The_document_round_trips_exactly_with_history_versions_scales_and_revisions()
    {
        var json = Json(Rich());
        var back = JournalDocument.Read(json, "export.json");
        Assert.Equal(json, Json(back));
        Assert.Equal(Rich().History, back.History);
        Assert.Equal([1L, 2], back.Plans.Select(p => p.Id));
        Assert.Equal("move-to-morning", back.Plan!.Adjustment);
        Assert.Equal([0, null, 2], back.CheckIns.Take(3).Select(c => c.Score("brain-fog")));
        Assert.Equal("nightmares", back.SideEffects[0].TypedName);
        Assert.Equal(2, back.Doses[0].Revision);
    }

    [Fact]
    public void The_document_has_the_contract_fields_plans_scales_scores_and_history_objects()
    {
        var data = Rich();
        using var json = JsonDocument.Parse(Json(data));
        var root = json.RootElement;
        Assert.Equal("ldn-journal/2", root.GetProperty("schema").GetString());
        var dose = root.GetProperty("doses")[0];
        foreach (var field in new[] { "id", "revision", "at", "doseMg", "formulation", "skipped" })
        {
            Assert.True(dose.TryGetProperty(field, out _), field);
        }

        var checkIn = root.GetProperty("checkIns")[0];
        Assert.Equal(checkIn.GetProperty("fatigue").GetInt32(), checkIn.GetProperty("scores").GetProperty("fatigue").GetInt32());
        Assert.Equal(0, checkIn.GetProperty("scores").GetProperty("brain-fog").GetInt32());
        Assert.Equal("nightmares", root.GetProperty("sideEffects")[0].GetProperty("typedName").GetString());
        var plans = root.GetProperty("plans");
        Assert.Equal(2, plans.GetArrayLength());
        Assert.Equal(data.Plans[1].From.PlusDays(-1).ToString("uuuu-MM-dd", null), plans[0].GetProperty("to").GetString());
        Assert.Equal(JsonValueKind.Null, plans[1].GetProperty("to").ValueKind);
        Assert.Equal(JsonValueKind.Object, plans[1].GetProperty("document").ValueKind);
        Assert.Equal(["fatigue", "pain", "sleep", "mood", "focus", "brain-fog"], root.GetProperty("scales").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.False(root.GetProperty("scales")[5].GetProperty("builtIn").GetBoolean());
        Assert.Equal("72514-3", root.GetProperty("scales")[1].GetProperty("code").GetString());
        var change = root.GetProperty("history")[1];
        Assert.Equal(("dose", 1, 2, "edit"), (change.GetProperty("kind").GetString(), change.GetProperty("id").GetInt32(), change.GetProperty("revision").GetInt32(), change.GetProperty("change").GetString()));
        Assert.Equal(JsonValueKind.Object, change.GetProperty("before").ValueKind);
        Assert.Equal(JsonValueKind.Null, change.GetProperty("before").GetProperty("note").ValueKind);
        Assert.Equal(data.Doses[0].DoseMg, change.GetProperty("after").GetProperty("doseMg").GetDecimal());
        Assert.Equal(data.Doses[0].Note, change.GetProperty("after").GetProperty("note").GetString());
    }

    [Fact]
    public void The_plan_is_the_version_in_force_on_the_given_day()
    {
        var data = Rich();
        string? Adjustment(LocalDate? day) => JournalDocument.From(data, day).Plan?.Adjustment;
        Assert.Equal("move-to-morning", Adjustment(null));
        Assert.Equal("move-to-morning", Adjustment(data.Plans[1].From));
        Assert.Equal("set", Adjustment(data.Plans[1].From.PlusDays(-1)));
        Assert.Equal("set", Adjustment(new LocalDate(2000, 1, 1)));   // before the first version: the first
        Assert.Null(JournalDocument.From(data with { Plans = [] }, Start).Plan);
    }

    [Fact]
    public void A_version_1_document_still_imports()
    {
        const string v1 = """
            {
              "schema": "ldn-journal/1",
              "profile": { "name": "Old", "timeZone": "Europe/Oslo", "conditions": ["fibromyalgia"], "hepaticImpairment": false, "renalImpairment": false,
                           "pregnant": false, "breastfeeding": false, "transplantImmunosuppression": false, "plannedSurgery": null },
              "plan": { "setAt": "2026-11-20T12:00:00Z", "document": { "steps": [ { "from": "2026-12-01", "doseMg": 1.5, "at": "22:00" } ] } },
              "medications": [ { "id": 1, "name": "Levothyroxine", "since": "2026-01-01T01:00:00+01:00", "until": null } ],
              "doses": [ { "id": 7, "at": "2026-12-01T22:00:00+01:00", "timeZone": "Europe/Oslo", "doseMg": 1.5, "formulation": "capsule", "skipped": false, "note": null } ],
              "checkIns": [ { "id": 2, "at": "2026-12-02T08:00:00+01:00", "timeZone": "Europe/Oslo", "fatigue": 6, "pain": null, "sleep": 5, "mood": null, "focus": null, "note": "ok" } ],
              "sideEffects": [ { "id": 1, "kind": "vivid dreams", "severity": "mild", "from": "2026-12-02T03:00:00+01:00", "to": null, "timeZone": "Europe/Oslo", "note": null } ],
              "events": []
            }
            """;
        var data = JournalDocument.Read(v1, "old.json");
        Assert.Equal((new LocalDate(2026, 12, 1), "set", 1), (data.Plan!.From, data.Plan.Adjustment, data.Plan.Revision));
        Assert.Equal((7L, 1), (Assert.Single(data.Doses).Id, data.Doses[0].Revision));
        Assert.Equal(new Dictionary<string, int> { ["fatigue"] = 6, ["sleep"] = 5 }, Assert.Single(data.CheckIns).Scores());
        Assert.Equal("vivid-dreams", Assert.Single(data.SideEffects).Kind);
        Assert.Equal(SymptomScales.BuiltIn, data.Scales);
        Assert.Empty(data.History);
    }

    [Theory]
    [InlineData("\"scores\":{\"memory\":3}", "not one of its scales")]
    [InlineData("\"scores\":{\"fatigue\":3}", "two fatigue scores")]
    [InlineData("\"scores\":{\"brain-fog\":12}", "score outside 0–10")]
    public void Check_in_scores_must_be_on_the_catalogue_and_agree_with_the_named_fields(string scores, string expected)
    {
        var json = Json(Rich());
        var first = JsonDocument.Parse(json).RootElement.GetProperty("checkIns")[0].GetProperty("scores").GetRawText();
        var error = Assert.Throws<InvalidInputException>(() => JournalDocument.Read(json.Replace("\"scores\":" + first, scores, StringComparison.Ordinal), "bad.json"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Each_entry_writes_and_reads_back_as_its_document_json()
    {
        var data = Rich();
        IEnumerable<IJournalEntry> entries = [.. data.Doses.Take(3), .. data.CheckIns.Take(3), .. data.SideEffects, .. data.Events, .. data.Medications, .. data.Plans];
        foreach (var entry in entries)
        {
            var json = JournalEntryJson.Write(entry, "Europe/Oslo");
            var back = JournalEntryJson.Read(entry.Kind, json);
            Assert.Equal(json, JournalEntryJson.Write(back, "Europe/Oslo"));
            Assert.Equal((entry.Kind, entry.Id, entry.Revision), (back.Kind, back.Id, back.Revision));
        }

        var error = Assert.Throws<InvalidInputException>(() => JournalEntryJson.Read(JournalEntryKind.Dose, "{\"id\":1,\"at\":\"soon\"}"));
        Assert.Contains("unusable time 'soon'", error.Message, StringComparison.Ordinal);
    }
}
