using System.Net;
using System.Text.Json.Nodes;
using Ldn.Core.Journal;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>The check-in, side-effect, event and medication routes over <see cref="JournalService"/>: 201 with id and revision, confirm, If-Match, delete and restore, bad input.</summary>
public abstract class EntryApiBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task A_check_in_names_its_scales_by_id_or_label_and_an_edit_sets_only_the_named_ones()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("checkin@example.org");
        using (var store = host.OpenJournal(patient.Id))
        {
            _ = new JournalService(store, new FixedClock(WebHost.Now)).AddScale("Brain fog", higherIsWorse: true);
        }

        var body = new { at = "2026-11-30T21:00+01:00", timeZone = "Europe/Oslo", scores = new Dictionary<string, int> { ["pain"] = 4, ["brain fog"] = 6 }, note = "tired" };
        var response = await PostAsync(patient.Client, "/api/journal/checkins", body);
        var created = await JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(1, created["id"]!.GetValue<long>());
        Assert.Equal(4, created["pain"]!.GetValue<int>());
        Assert.Equal(6, created["scores"]!["brain-fog"]!.GetValue<int>());
        Assert.Equal("/api/journal/checkins/1", response.Headers.Location!.ToString());

        var edited = await JsonAsync(await JournalApiBehaviour.SendAsync(patient, HttpMethod.Put, "/api/journal/checkins/1", "\"1\"", new { scores = new { pain = 2 } }), HttpStatusCode.OK);
        Assert.Equal(2, edited["revision"]!.GetValue<int>());
        Assert.Equal(2, edited["pain"]!.GetValue<int>());
        Assert.Equal(6, edited["scores"]!["brain-fog"]!.GetValue<int>());
        await AssertProblemAsync(await JournalApiBehaviour.SendAsync(patient, HttpMethod.Put, "/api/journal/checkins/1", "\"1\"", new { scores = new { pain = 9 } }), HttpStatusCode.PreconditionFailed);

        using var check = host.OpenJournal(patient.Id);
        var stored = Assert.Single(new JournalService(check, new FixedClock(WebHost.Now)).LoadDays(null, null).CheckIns);
        Assert.Equal(2, stored.Score("pain"));
        Assert.Equal(6, stored.Score("brain-fog"));
    }

    [StoreFact]
    public async Task A_side_effect_alias_keeps_the_typed_words_and_a_near_miss_is_409_until_confirmed()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("effects@example.org");
        var alias = await JsonAsync(await PostAsync(patient.Client, "/api/journal/sideeffects", new { kind = "nightmares", severity = "moderate", from = "2026-11-29T07:00Z", to = "2026-11-29T09:00Z" }), HttpStatusCode.Created);
        Assert.Equal("vivid-dreams", alias["kind"]!.GetValue<string>());
        Assert.Equal("nightmares", alias["typedName"]!.GetValue<string>());
        Assert.Equal("moderate", alias["severity"]!.GetValue<string>());
        Assert.Contains("nightmares", alias["notes"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        var question = await AssertProblemAsync(await PostAsync(patient.Client, "/api/journal/sideeffects", new { kind = "insomnai", from = "2026-11-30T07:00Z" }), HttpStatusCode.Conflict);
        Assert.Equal("close-name", question["questions"]![0]!["code"]!.GetValue<string>());
        Assert.Single(await ListAsync(patient, "sideEffects"));

        var confirmed = await JsonAsync(await PostAsync(patient.Client, "/api/journal/sideeffects", new { kind = "insomnai", from = "2026-11-30T07:00Z", confirm = true }), HttpStatusCode.Created);
        Assert.Equal("insomnia", confirmed["kind"]!.GetValue<string>());
        Assert.Equal(2, confirmed["id"]!.GetValue<long>());

        var ended = await JsonAsync(await JournalApiBehaviour.SendAsync(patient, HttpMethod.Put, "/api/journal/sideeffects/2", "\"1\"", new { to = "2026-11-30T10:00Z", severity = "severe" }), HttpStatusCode.OK);
        Assert.Equal("severe", ended["severity"]!.GetValue<string>());
        Assert.NotNull(ended["to"]);
    }

    [StoreFact]
    public async Task An_event_is_recorded_edited_deleted_and_restored_with_its_history()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("events@example.org");
        var created = await JsonAsync(await PostAsync(patient.Client, "/api/journal/events", new { kind = "flare", at = "2026-11-30T08:00Z", note = "knees" }), HttpStatusCode.Created);
        Assert.Equal("flare", created["kind"]!.GetValue<string>());

        var edited = await JsonAsync(await JournalApiBehaviour.SendAsync(patient, HttpMethod.Put, "/api/journal/events/1", "\"1\"", new { kind = "infection", reason = "it was a cold" }), HttpStatusCode.OK);
        Assert.Equal("infection", edited["kind"]!.GetValue<string>());
        Assert.Equal("knees", edited["note"]!.GetValue<string>());

        var deleted = await JsonAsync(await JournalApiBehaviour.SendAsync(patient, HttpMethod.Delete, "/api/journal/events/1", "\"2\"", null), HttpStatusCode.OK);
        Assert.True(deleted["deleted"]!.GetValue<bool>());
        Assert.Empty(await ListAsync(patient, "events"));
        await AssertProblemAsync(await JournalApiBehaviour.SendAsync(patient, HttpMethod.Post, "/api/journal/events/1/restore", "\"2\"", null), HttpStatusCode.PreconditionFailed);
        var restored = await JsonAsync(await JournalApiBehaviour.SendAsync(patient, HttpMethod.Post, "/api/journal/events/1/restore", "\"3\"", null), HttpStatusCode.OK);
        Assert.Equal(4, restored["revision"]!.GetValue<int>());
        Assert.Single(await ListAsync(patient, "events"));

        var history = await JsonAsync(await patient.Client.GetAsync("/api/journal/history?kind=event&id=1"), HttpStatusCode.OK);
        Assert.Equal(["add", "edit", "delete", "restore"], history["changes"]!.AsArray().Select(c => c!["change"]!.GetValue<string>()));
    }

    [StoreFact]
    public async Task A_name_close_to_an_opioid_is_409_until_confirmed_and_an_opioid_is_warned_about()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("meds@example.org");
        var question = await AssertProblemAsync(await PostAsync(patient.Client, "/api/journal/medications", new { name = "tramadl", since = "2026-11-01 08:00" }), HttpStatusCode.Conflict);
        Assert.Equal("close-to-opioid", question["questions"]![0]!["code"]!.GetValue<string>());
        Assert.Empty(await ListAsync(patient, "medications"));

        var confirmed = await JsonAsync(await PostAsync(patient.Client, "/api/journal/medications", new { name = "tramadl", since = "2026-11-01 08:00", confirm = true }), HttpStatusCode.Created);
        Assert.Equal("tramadl", confirmed["name"]!.GetValue<string>());
        var opioid = await JsonAsync(await PostAsync(patient.Client, "/api/journal/medications", new { name = "tramadol", since = "2026-11-01 08:00" }), HttpStatusCode.Created);
        Assert.NotEmpty(opioid["notes"]!.AsArray());

        var stopped = await JsonAsync(await JournalApiBehaviour.SendAsync(patient, HttpMethod.Put, "/api/journal/medications/2", "\"1\"", new { until = "2026-11-20 08:00" }), HttpStatusCode.OK);
        Assert.NotNull(stopped["until"]);
        Assert.Equal(2, stopped["revision"]!.GetValue<int>());
    }

    private static readonly (string Method, string Url, string? IfMatch, string Body, int Status)[] BadRequests =
    [
        ("POST", "/api/journal/checkins", null, """{"at": "2026-11-30T21:00Z"}""", 400),
        ("POST", "/api/journal/checkins", null, """{"scores": {"pain": 11}}""", 400),
        ("POST", "/api/journal/checkins", null, """{"scores": {"pain": -1}}""", 400),
        ("POST", "/api/journal/checkins", null, """{"scores": {"pain": 4.5}}""", 400),
        ("POST", "/api/journal/checkins", null, """{"scores": {"joy": 4}}""", 400),
        ("POST", "/api/journal/checkins", null, """{"scores": [4]}""", 400),
        ("POST", "/api/journal/checkins", null, """{"scores": {"pain": 4}, "at": "25:00"}""", 400),
        ("PUT", "/api/journal/checkins/1", null, """{"scores": {"pain": 12}}""", 400),
        ("PUT", "/api/journal/checkins/99", null, """{"scores": {"pain": 2}}""", 404),
        ("POST", "/api/journal/sideeffects", null, """{"severity": "mild"}""", 400),
        ("POST", "/api/journal/sideeffects", null, """{"kind": "zzzzzzzz"}""", 400),
        ("POST", "/api/journal/sideeffects", null, """{"kind": "insomnia", "severity": "awful"}""", 400),
        ("POST", "/api/journal/sideeffects", null, """{"kind": "insomnia", "from": "2026-11-30T10:00Z", "to": "2026-11-30T09:00Z"}""", 400),
        ("PUT", "/api/journal/sideeffects/1", null, """{"to": "2026-11-01T00:00Z"}""", 400),
        ("DELETE", "/api/journal/sideeffects/1", "\"7\"", "", 412),
        ("POST", "/api/journal/events", null, """{"at": "2026-11-30T08:00Z"}""", 400),
        ("POST", "/api/journal/events", null, """{"kind": "party"}""", 400),
        ("PUT", "/api/journal/events/1", null, """{"kind": "party"}""", 400),
        ("POST", "/api/journal/events/1/restore", null, "", 409),
        ("POST", "/api/journal/medications", null, """{"since": "2026-11-01 08:00"}""", 400),
        ("POST", "/api/journal/medications", null, """{"name": "   "}""", 400),
        ("POST", "/api/journal/medications", null, """{"name": "sertraline", "until": "2026-11-20 08:00"}""", 400),
        ("POST", "/api/journal/medications", null, """{"name": "sertraline", "since": "2026-11-01"}""", 400),
        ("PUT", "/api/journal/medications/1", null, """{"until": "2026-10-01 08:00"}""", 400),
        ("GET", "/api/journal/medications/99", null, "", 404),
    ];

    [StoreFact]
    public async Task Bad_input_is_a_4xx_problem_in_one_sentence_and_changes_nothing()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("bad-entries@example.org");
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/checkins", new { at = "2026-11-30T21:00Z", scores = new { pain = 4 } }), HttpStatusCode.Created);
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/sideeffects", new { kind = "insomnia", from = "2026-11-30T07:00Z" }), HttpStatusCode.Created);
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/events", new { kind = "flare", at = "2026-11-30T08:00Z" }), HttpStatusCode.Created);
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/medications", new { name = "sertraline", since = "2026-11-01 08:00" }), HttpStatusCode.Created);
        var before = await patient.Client.GetStringAsync("/api/journal");
        foreach (var (method, url, ifMatch, body, status) in BadRequests)
        {
            await JournalApiBehaviour.BadRequestAsync(patient, method, url, ifMatch, body, status);
            Assert.Equal(before, await patient.Client.GetStringAsync("/api/journal"));
        }
    }

    private static async Task<JsonArray> ListAsync(Account patient, string field) =>
        (await JsonAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.OK))[field]?.AsArray() ?? [];
}

public sealed class SqliteEntryApiTests : EntryApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresEntryApiTests : EntryApiBehaviour
{
    protected override bool Postgres => true;
}
