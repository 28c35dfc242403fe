using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Ldn.Storage.Tests;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>GET /api/audit?before=&amp;limit=</c> and the <c>/sharing</c> page's "Older entries": a log longer than a
/// page is read whole, newest first, without a gap or a repeat, by following <c>next</c>; an instant shows the
/// reads strictly before it; a bad limit or before is 400 in one sentence; a cursor is no way into another log.
/// </summary>
public abstract partial class AuditPagingBehaviour : WebBehaviour
{
    private const int Reads = 55;

    [StoreFact]
    public async Task A_log_longer_than_a_page_is_read_whole_by_following_next()
    {
        using var host = NewHost();
        var (patient, _) = await LogOfAsync(host, "paged");

        var first = await JsonAsync(await patient.Client.GetAsync("/api/audit"), HttpStatusCode.OK);
        Assert.Equal(50, first["entries"]!.AsArray().Count);
        var next = first["next"]!.GetValue<string>();
        var last = await JsonAsync(await patient.Client.GetAsync($"/api/audit?before={Uri.EscapeDataString(next)}"), HttpStatusCode.OK);
        Assert.Equal(Reads - 50, last["entries"]!.AsArray().Count);
        Assert.Null(last["next"]);

        // Pages of 20: 20, 20, 15, newest first, each read once.
        var seen = new List<DateTimeOffset>();
        var sizes = new List<int>();
        string? cursor = null;
        do
        {
            var page = await JsonAsync(await patient.Client.GetAsync($"/api/audit?limit=20{(cursor is null ? "" : $"&before={Uri.EscapeDataString(cursor)}")}"), HttpStatusCode.OK);
            var entries = page["entries"]!.AsArray();
            sizes.Add(entries.Count);
            seen.AddRange(entries.Select(e => e!["at"]!.GetValue<DateTimeOffset>()));
            Assert.All(entries, e => Assert.Equal("clinician-paged@example.org", e!["by"]!.GetValue<string>()));
            cursor = page["next"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal([20, 20, 15], sizes);
        var expected = Enumerable.Range(0, Reads).Reverse().Select(i => (WebHost.Now + Duration.FromMinutes(i)).ToDateTimeOffset()).ToList();
        Assert.Equal(expected, seen);

        // An instant: the reads strictly before it (the reads were one a minute from WebHost.Now).
        var ten = (WebHost.Now + Duration.FromMinutes(10)).ToDateTimeOffset();
        var before = await JsonAsync(await patient.Client.GetAsync("/api/audit?before=2026-12-01T12:10:00Z"), HttpStatusCode.OK);
        Assert.Equal(expected.Where(at => at < ten), before["entries"]!.AsArray().Select(e => e!["at"]!.GetValue<DateTimeOffset>()));
        Assert.Null(before["next"]);
        var offset = await JsonAsync(await patient.Client.GetAsync($"/api/audit?limit=4&before={Uri.EscapeDataString("2026-12-01T13:10:00+01:00")}"), HttpStatusCode.OK);
        Assert.Equal(expected.Where(at => at < ten).Take(4), offset["entries"]!.AsArray().Select(e => e!["at"]!.GetValue<DateTimeOffset>()));
        Assert.NotNull(offset["next"]);
        Assert.Empty((await JsonAsync(await patient.Client.GetAsync("/api/audit?before=2026-12-01T12:00:00Z"), HttpStatusCode.OK))["entries"]!.AsArray());

        // The owner's cursor in another patient's hands reads that patient's (empty) log.
        var other = await host.SignUpAsync("other-paged@example.org");
        var theirs = await JsonAsync(await other.Client.GetAsync($"/api/audit?before={Uri.EscapeDataString(next)}"), HttpStatusCode.OK);
        Assert.Empty(theirs["entries"]!.AsArray());
        Assert.Null(theirs["next"]);
    }

    [StoreFact]
    public async Task A_bad_limit_or_before_is_400_in_one_sentence()
    {
        using var host = NewHost();
        var (patient, _) = await LogOfAsync(host, "bad-paging", reads: 2);
        foreach (var (query, says) in new[]
        {
            ("limit=0", "from 1 to 200"),
            ("limit=201", "from 1 to 200"),
            ("limit=-1", "from 1 to 200"),
            ("limit=abc", "from 1 to 200"),
            ("limit=1e3", "from 1 to 200"),
            ("limit=99999999999999999999", "from 1 to 200"),
            ("before=yesterday", "ISO 8601 instant"),
            ("before=2026-13-01T00:00:00Z", "ISO 8601 instant"),
            ("before=2026-12-01", "ISO 8601 instant"),
            ("before=YXVkaXQ6LTE", "ISO 8601 instant"), // "audit:-1"
            ("before=%00%01", "ISO 8601 instant"),
            ($"before={new string('A', 100_000)}", "ISO 8601 instant"),
        })
        {
            var problem = await AssertProblemAsync(await patient.Client.GetAsync($"/api/audit?{query}"), HttpStatusCode.BadRequest);
            var detail = problem["detail"]!.GetValue<string>();
            Assert.Contains(says, detail, StringComparison.Ordinal);
            Assert.True(detail.Length < 300, detail);
        }

        Assert.Equal(2, (await JsonAsync(await patient.Client.GetAsync("/api/audit?limit=200"), HttpStatusCode.OK))["entries"]!.AsArray().Count);
    }

    [StoreFact]
    public async Task The_sharing_page_pages_the_log_with_Older_entries()
    {
        using var host = NewHost();
        var (patient, _) = await LogOfAsync(host, "page-paged");
        using var browser = new PageSession(host);
        var signIn = await browser.SubmitAsync("/login", [new("email", patient.Email), new("password", Account.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var newest = await browser.PageAsync("/sharing");
        Assert.Equal(50, AuditRow().Count(newest));
        Assert.Contains("2026-12-01 12:54 UTC", newest, StringComparison.Ordinal);
        var older = OlderLink().Match(newest);
        Assert.True(older.Success, "no Older entries link");
        var second = await browser.PageAsync(WebUtility.HtmlDecode(older.Groups[1].Value));
        Assert.Equal(Reads - 50, AuditRow().Count(second));
        Assert.Contains("2026-12-01 12:00 UTC", second, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12-01 12:54 UTC", second, StringComparison.Ordinal);
        Assert.DoesNotMatch(OlderLink(), second);
        Assert.Contains("<a href=\"/sharing#audit-heading\">Newest entries</a>", second, StringComparison.Ordinal);

        var bad = await browser.Client.GetAsync("/sharing?before=garbage");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("ISO 8601 instant", PageJournalPatient.Alert(html) ?? html, StringComparison.Ordinal);
        Assert.Equal(50, AuditRow().Count(html));
    }

    /// <summary>A patient whose shared clinician read their notes <paramref name="reads"/> times, a minute apart from <see cref="WebHost.Now"/>.</summary>
    private static async Task<(Account Patient, Account Clinician)> LogOfAsync(WebHost host, string name, int reads = Reads)
    {
        var patient = await host.SignUpAsync($"{name}@example.org");
        var clinician = await host.SignUpAsync($"clinician-{name}@example.org", role: "clinician");
        await SharingApiBehaviour.ShareAsync(patient, clinician);
        for (var i = 0; i < reads; i++)
        {
            host.Clock.Set(WebHost.Now + Duration.FromMinutes(i));
            await JsonAsync(await clinician.Client.GetAsync($"/api/patients/{patient.Id}/notes"), HttpStatusCode.OK);
        }

        host.Clock.Set(WebHost.Now);
        return (patient, clinician);
    }

    [GeneratedRegex("<tr><td>2026-12-01 \\d\\d:\\d\\d UTC</td>")]
    private static partial Regex AuditRow();

    [GeneratedRegex("<a href=\"(/sharing\\?before=[^\"]+)\">Older entries</a>")]
    private static partial Regex OlderLink();
}

public sealed class SqliteAuditPagingTests : AuditPagingBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAuditPagingTests : AuditPagingBehaviour
{
    protected override bool Postgres => true;
}
