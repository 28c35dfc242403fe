using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Storage.Tests;
using Ldn.Tests.Shared;
using Ldn.Web.Accounts;
using Ldn.Web.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Web.Tests;

/// <summary>
/// The private calendar feed: tokens (secret shown once, only a hash stored, listed without it, revoked to
/// 404, another patient's id 404), the feed checked by an independent parser (ical.js) with a link to the
/// confirmation page in each event and reminder, following a plan adjustment at the next fetch, an empty
/// but valid calendar without a plan, and malformed or unknown tokens answered 404, never 500.
/// </summary>
public abstract class CalendarBehaviour(ITestOutputHelper output) : WebBehaviour
{
    [StoreFact]
    public async Task A_token_is_shown_once_stored_as_a_hash_listed_without_its_secret_and_revoked_to_404()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("calendar@example.org");
        var other = await host.SignUpAsync("calendar-other@example.org");
        var created = await JsonAsync(await patient.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Created);
        var secret = created["token"]!.GetValue<string>();
        Assert.Equal(1, created["id"]!.GetValue<long>());
        Assert.Matches("^[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal($"http://localhost/calendar/{secret}.ics", created["url"]!.GetValue<string>());
        Assert.Equal($"webcal://localhost/calendar/{secret}.ics", created["webcal"]!.GetValue<string>());
        Assert.Equal("2026-12-01T12:00:00Z", created["created"]!.GetValue<string>());
        var second = await JsonAsync(await patient.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Created);
        Assert.Equal(2, second["id"]!.GetValue<long>());
        Assert.NotEqual(secret, second["token"]!.GetValue<string>());

        // Stored: the SHA-256 of the secret's bytes, never the secret.
        using (var scope = host.Services.CreateScope())
        {
            var rows = await scope.ServiceProvider.GetRequiredService<AccountsDb>().CalendarTokens.Where(t => t.UserId == patient.Id).ToListAsync();
            Assert.Equal(2, rows.Count);
            var row = rows.Single(r => r.Number == 1);
            Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Buffers.Text.Base64Url.DecodeFromChars(secret)), row.Hash);
            Assert.DoesNotContain(rows, r => JsonSerializer.Serialize(r).Contains(secret, StringComparison.Ordinal));
        }

        var listed = await patient.Client.GetStringAsync("/api/calendar/tokens");
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        var tokens = JsonNode.Parse(listed)!["tokens"]!.AsArray();
        Assert.Equal([1L, 2L], tokens.Select(t => t!["id"]!.GetValue<long>()));
        Assert.Null(tokens[0]!["lastUsed"]);

        var anonymous = host.CreateClient();
        var feed = await anonymous.GetAsync($"/calendar/{secret}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", feed.Content.Headers.ContentType?.ToString());
        var used = JsonNode.Parse(await patient.Client.GetStringAsync("/api/calendar/tokens"))!["tokens"]!.AsArray();
        Assert.Equal("2026-12-01T12:00:00Z", used[0]!["lastUsed"]!.GetValue<string>());
        Assert.Null(used[1]!["lastUsed"]);

        // Another patient cannot revoke (or see) it; the owner can, and the feed is gone.
        await AssertProblemAsync(await other.Client.DeleteAsync("/api/calendar/tokens/1"), HttpStatusCode.NotFound);
        Assert.Empty(JsonNode.Parse(await other.Client.GetStringAsync("/api/calendar/tokens"))!["tokens"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/{secret}.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.DeleteAsync("/api/calendar/tokens/1")).StatusCode);
        var gone = await AssertProblemAsync(await anonymous.GetAsync($"/calendar/{secret}.ics"), HttpStatusCode.NotFound);
        Assert.Equal("There is no calendar at this address (it may have been revoked).", gone["detail"]!.GetValue<string>());
        await AssertProblemAsync(await patient.Client.DeleteAsync("/api/calendar/tokens/1"), HttpStatusCode.NotFound);
        Assert.Equal([2L], JsonNode.Parse(await patient.Client.GetStringAsync("/api/calendar/tokens"))!["tokens"]!.AsArray().Select(t => t!["id"]!.GetValue<long>()));

        // Numbers are not reused after a revocation.
        Assert.Equal(3, (await JsonAsync(await patient.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Created))["id"]!.GetValue<long>());
    }

    [StoreFact]
    public async Task The_feed_is_valid_iCalendar_with_a_confirm_link_per_dose_and_follows_a_plan_adjustment()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("feed@example.org");
        await JsonAsync(await patient.Client.PutAsJsonAsync("/api/journal/plan", new { protocol = "standard", start = "2026-11-28" }), HttpStatusCode.Created);
        var secret = (await JsonAsync(await patient.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Created))["token"]!.GetValue<string>();
        var anonymous = host.CreateClient();

        var text = await anonymous.GetStringAsync($"/calendar/{secret}.ics");
        var events = Events(text);
        // The window: 7 days back (the plan starts 3 days ago) to 56 days ahead, one event per dose day.
        Assert.Equal(3 + 1 + CalendarFeedEndpoint.DaysAfter, events.Count);
        Assert.Equal("2026-11-28T21:00:00.000Z", events[0].Start);
        Assert.Equal("2027-01-26T21:00:00.000Z", events[^1].Start);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        foreach (var e in events)
        {
            var date = DateOnly.ParseExact(e.Uid[9..17], "yyyyMMdd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var link = $"http://localhost/today/confirm?date={date}";
            Assert.Contains(link, e.Description, StringComparison.Ordinal);
            Assert.Equal(1, e.Alarms);
            Assert.Contains($"DESCRIPTION:Time for LDN: {e.Summary[4..]} Confirm it: {link}\r\n", unfolded, StringComparison.Ordinal);
            Assert.Contains($"URL:{link}\r\n", unfolded, StringComparison.Ordinal);
        }

        Assert.Equal("LDN 1.5 mg (capsule)", events[0].Summary);
        Assert.Equal("LDN 3 mg (capsule)", events.Single(e => e.Uid.StartsWith("ldn-dose-20261212", StringComparison.Ordinal)).Summary);

        // Moved to the morning from 3 December: the next fetch has the new time from that day, the old before it.
        await JsonAsync(await PostAsync(patient.Client, "/api/journal/plan/adjust", new { action = "move-to-morning", from = "2026-12-03" }), HttpStatusCode.Created);
        var after = Events(await anonymous.GetStringAsync($"/calendar/{secret}.ics"));
        Assert.Equal(events.Count, after.Count);
        Assert.Equal("2026-12-01T21:00:00.000Z", after.Single(e => e.Uid.StartsWith("ldn-dose-20261201", StringComparison.Ordinal)).Start);
        Assert.Equal("2026-12-02T21:00:00.000Z", after.Single(e => e.Uid.StartsWith("ldn-dose-20261202", StringComparison.Ordinal)).Start);
        Assert.Equal("2026-12-03T07:00:00.000Z", after.Single(e => e.Uid.StartsWith("ldn-dose-20261203", StringComparison.Ordinal)).Start);
        Assert.Equal("2027-01-26T07:00:00.000Z", after[^1].Start);
    }

    [StoreFact]
    public async Task Without_a_plan_the_feed_is_a_valid_calendar_without_events()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("feed-empty@example.org");
        var secret = (await JsonAsync(await patient.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Created))["token"]!.GetValue<string>();
        var text = await host.CreateClient().GetStringAsync($"/calendar/{secret}.ics");
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Oslo\r\n", text, StringComparison.Ordinal);
        Assert.Empty(Events(text));
    }

    [StoreFact]
    public async Task Garbage_unknown_and_huge_tokens_are_a_404_that_reveals_nothing()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("feed-bad@example.org");
        var secret = (await JsonAsync(await patient.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Created))["token"]!.GetValue<string>();
        var anonymous = host.CreateClient();
        var unknown = System.Buffers.Text.Base64Url.EncodeToString(new byte[32]);
        foreach (var token in new[] { "garbage", unknown, secret[..42], secret + "A", secret.ToUpperInvariant(), "..%2F..%2Faccounts.db", new string('a', 43), "%E2%82%AC" + secret[1..], new string('x', 60_000) })
        {
            var problem = await AssertProblemAsync(await anonymous.GetAsync($"/calendar/{token}.ics"), HttpStatusCode.NotFound);
            Assert.Equal("There is no calendar at this address (it may have been revoked).", problem["detail"]!.GetValue<string>());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{secret}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/calendar/{secret}.ics/x")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await anonymous.PostAsync($"/calendar/{secret}.ics", null)).StatusCode);

        // A path of 1 MB (past what System.Uri takes, so sent to the server directly).
        var huge = await host.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = "/calendar/" + new string('a', 1 << 20) + ".ics";
        });
        Assert.Equal(404, huge.Response.StatusCode);

        // Token ids of the API: another kind of id, or none, is not a route.
        await AssertProblemAsync(await patient.Client.DeleteAsync("/api/calendar/tokens/99"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Client.DeleteAsync("/api/calendar/tokens/abc")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Client.DeleteAsync("/api/calendar/tokens/" + secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/calendar/{secret}.ics")).StatusCode);
    }

    [StoreFact]
    public async Task Only_a_patient_has_calendar_tokens()
    {
        using var host = NewHost();
        var clinician = await host.SignUpAsync("calendar-clinician@example.org", role: "clinician");
        await AssertProblemAsync(await clinician.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await host.CreateClient().PostAsync("/api/calendar/tokens", null), HttpStatusCode.Unauthorized);
    }

    /// <summary>The events as Mozilla's ical.js reads them (no problems allowed). Without node (allowed outside CI only) the test cannot check the feed, and fails rather than pass unchecked.</summary>
    private List<FeedEvent> Events(string ics)
    {
        var parsed = new NodeCheck("ical-check", "ical.js", "ical.js", output).Run(ics, ".ics", "2")
            ?? throw new Xunit.Sdk.XunitException("The feed needs node and npm for its independent check (tests/ical-check).");

        Assert.Empty(parsed.RootElement.GetProperty("problems").EnumerateArray());
        return [.. parsed.RootElement.GetProperty("events").EnumerateArray().Select(e =>
        {
            Assert.Null(e.GetProperty("rrule").GetString());
            var occurrences = e.GetProperty("occurrences").EnumerateArray().ToList();
            Assert.Single(occurrences);
            return new FeedEvent(e.GetProperty("uid").GetString()!, occurrences[0].GetString()!, e.GetProperty("summary").GetString()!, e.GetProperty("description").GetString()!, e.GetProperty("alarms").GetInt32());
        })];
    }

    private sealed record FeedEvent(string Uid, string Start, string Summary, string Description, int Alarms);
}

public sealed class SqliteCalendarTests(ITestOutputHelper output) : CalendarBehaviour(output)
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresCalendarTests(ITestOutputHelper output) : CalendarBehaviour(output)
{
    protected override bool Postgres => true;
}
