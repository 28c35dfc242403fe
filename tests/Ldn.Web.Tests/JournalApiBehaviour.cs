using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Core.Journal;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>The dose routes over <see cref="JournalService"/>: 201 with id and revision, confirm, If-Match, delete and restore, bad input.</summary>
public abstract class JournalApiBehaviour : WebBehaviour
{
    private static readonly object FirstDose = new { at = "2026-11-30T22:00+01:00", doseMg = 1.5m, formulation = "liquid", timeZone = "Europe/Oslo", note = "first" };

    [StoreFact]
    public async Task A_dose_is_recorded_201_and_the_journal_is_the_document_of_journal_show_json()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("dose@example.org");
        var response = await PostAsync(patient.Client, "/api/journal/doses", FirstDose);
        var dose = await JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(1, dose["id"]!.GetValue<long>());
        Assert.Equal(1, dose["revision"]!.GetValue<int>());
        Assert.Equal("2026-11-30T22:00:00+01:00", dose["at"]!.GetValue<string>());
        Assert.Equal(1.5m, dose["doseMg"]!.GetValue<decimal>());
        Assert.Equal("liquid", dose["formulation"]!.GetValue<string>());
        Assert.Equal("/api/journal/doses/1", response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag!.Tag);

        var api = await patient.Client.GetStringAsync("/api/journal");
        using var store = host.OpenJournal(patient.Id);
        var journal = new JournalService(store, new FixedClock(WebHost.Now));
        var expected = JsonSerializer.Serialize(JournalDocument.From(journal.LoadDays(null, null), journal.Today), JournalDocument.Options);
        Assert.Equal(expected, api);
        Assert.Single(journal.LoadDays(null, null).Doses);
    }

    [StoreFact]
    public async Task A_second_dose_that_day_is_409_with_its_question_until_confirmed()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("twice@example.org");
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", FirstDose), HttpStatusCode.Created);
        var second = new { at = "2026-11-30T23:00+01:00", doseMg = 1.5m };
        var question = await AssertProblemAsync(await PostAsync(patient.Client, "/api/journal/doses", second), HttpStatusCode.Conflict);
        Assert.Equal("second-dose", question["questions"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("nothing was stored", question["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await DosesAsync(patient));

        var confirmed = await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", new { at = "2026-11-30T23:00+01:00", doseMg = 1.5m, confirm = true }), HttpStatusCode.Created);
        Assert.Equal(2, confirmed["id"]!.GetValue<long>());
        Assert.Equal(2, (await DosesAsync(patient)).Count);
    }

    [StoreFact]
    public async Task An_edit_needs_the_current_revision_in_If_Match_and_a_stale_one_changes_nothing()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("edit@example.org");
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", FirstDose), HttpStatusCode.Created);

        var edited = await JsonAsync(await SendAsync(patient, HttpMethod.Put, "/api/journal/doses/1", "\"1\"", new { doseMg = 3m, reason = "typo" }), HttpStatusCode.OK);
        Assert.Equal(2, edited["revision"]!.GetValue<int>());
        Assert.Equal(3m, edited["doseMg"]!.GetValue<decimal>());

        var stale = await AssertProblemAsync(await SendAsync(patient, HttpMethod.Put, "/api/journal/doses/1", "\"1\"", new { doseMg = 4.5m }), HttpStatusCode.PreconditionFailed);
        Assert.Contains("revision 2, you had 1", stale["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertProblemAsync(await SendAsync(patient, HttpMethod.Delete, "/api/journal/doses/1", "\"1\"", null), HttpStatusCode.PreconditionFailed);
        Assert.Equal(3m, (await DosesAsync(patient))[0]!["doseMg"]!.GetValue<decimal>());

        var history = await JsonAsync(await patient.Client.GetAsync("/api/journal/history?kind=dose&id=1"), HttpStatusCode.OK);
        Assert.Equal(["add", "edit"], history["changes"]!.AsArray().Select(c => c!["change"]!.GetValue<string>()));
        Assert.Equal("typo", history["changes"]![1]!["reason"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task A_deleted_dose_leaves_the_journal_and_comes_back_on_restore()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("delete@example.org");
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", FirstDose), HttpStatusCode.Created);

        var deleted = await JsonAsync(await SendAsync(patient, HttpMethod.Delete, "/api/journal/doses/1", "\"1\"", null), HttpStatusCode.OK);
        Assert.Equal(2, deleted["revision"]!.GetValue<int>());
        Assert.Empty(await DosesAsync(patient));
        Assert.True((await JsonAsync(await patient.Client.GetAsync("/api/journal/doses/1"), HttpStatusCode.OK))["deleted"]!.GetValue<bool>());
        await AssertProblemAsync(await SendAsync(patient, HttpMethod.Put, "/api/journal/doses/1", null, new { doseMg = 2m }), HttpStatusCode.Conflict);

        var restored = await JsonAsync(await SendAsync(patient, HttpMethod.Post, "/api/journal/doses/1/restore", "\"2\"", null), HttpStatusCode.OK);
        Assert.Equal(3, restored["revision"]!.GetValue<int>());
        Assert.Single(await DosesAsync(patient));
    }

    private static readonly (string Method, string Url, string? IfMatch, string Body, int Status)[] BadRequests =
    [
        ("POST", "/api/journal/doses", null, """{"doseMg": "4.5kg"}""", 400),
        ("POST", "/api/journal/doses", null, """{"at": "25:00", "doseMg": 1}""", 400),
        ("POST", "/api/journal/doses", null, """{"at": "2026-11-30T21:00Z", "doseMg": -1, "confirm": true}""", 400),
        ("POST", "/api/journal/doses", null, """{"at": "2026-11-30T21:00Z", "doseMg": 1e30}""", 400),
        ("POST", "/api/journal/doses", null, """{"at": "2026-11-30T21:00Z", "doseMg": 4500, "confirm": true}""", 400),
        ("POST", "/api/journal/doses", null, """{"at": "2026-11-30 21:00", "timeZone": "Mars/Base", "doseMg": 1}""", 400),
        ("POST", "/api/journal/doses", null, """{"at": "2026-11-30T21:00Z", "doseMg": 1, "formulation": "pill"}""", 400),
        ("POST", "/api/journal/doses", null, """{"at": "2026-11-30T21:00Z", "doseMg": 1, "dose": 2}""", 400),
        ("POST", "/api/journal/doses", null, "{", 400),
        ("POST", "/api/journal/doses", null, "", 400),
        ("POST", "/api/journal/doses", null, "[1, 2]", 400),
        ("POST", "/api/journal/doses", null, "text:plain", 415),
        ("POST", "/api/journal/doses", null, "note:huge", 400),
        ("PUT", "/api/journal/doses/1", "\"x\"", """{"doseMg": 2}""", 400),
        ("PUT", "/api/journal/doses/1", null, """{"at": "tomorrow-ish"}""", 400),
        ("PUT", "/api/journal/doses/99", null, """{"doseMg": 2}""", 404),
        ("DELETE", "/api/journal/doses/99", null, "", 404),
        ("GET", "/api/journal/doses/99", null, "", 404),
        ("GET", "/api/journal/doses/abc", null, "", 404),
        ("GET", "/api/journal/history?kind=pill", null, "", 400),
        ("GET", "/api/journal/history?id=1", null, "", 400),
        ("GET", "/api/journal/history?kind=dose&id=abc", null, "", 400),
    ];

    [StoreFact]
    public async Task Bad_input_is_a_4xx_problem_in_one_sentence_and_changes_nothing()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("bad@example.org");
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", FirstDose), HttpStatusCode.Created);
        var before = await patient.Client.GetStringAsync("/api/journal");
        foreach (var (method, url, ifMatch, body, status) in BadRequests)
        {
            await BadRequestAsync(patient, method, url, ifMatch, body, status);
            Assert.Equal(before, await patient.Client.GetStringAsync("/api/journal"));
        }
    }

    internal static async Task BadRequestAsync(Account patient, string method, string url, string? ifMatch, string body, int status)
    {

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        request.Content = body switch
        {
            "text:plain" => new StringContent("4.5mg", Encoding.UTF8, "text/plain"),
            "note:huge" => JsonContent.Create(new { at = "2026-11-30T21:00Z", doseMg = 1m, note = new string('x', 1_000_000) }),
            "" when method is "GET" or "DELETE" => null,
            _ => new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var response = await patient.Client.SendAsync(request);
        var problem = await AssertProblemAsync(response, (HttpStatusCode)status);
        if (status == 400)
        {
            Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()), $"A 400 says what is wrong: {method} {url} {body}");
        }
    }

    private static async Task<JsonArray> DosesAsync(Account patient) =>
        (await JsonAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.OK))["doses"]!.AsArray();

    internal static Task<HttpResponseMessage> SendAsync(Account patient, HttpMethod method, string url, string? ifMatch, object? body)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return patient.Client.SendAsync(request);
    }
}

public sealed class SqliteJournalApiTests : JournalApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresJournalApiTests : JournalApiBehaviour
{
    protected override bool Postgres => true;
}
