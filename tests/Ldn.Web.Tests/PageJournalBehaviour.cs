using System.Net;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>/journal</c> through its forms: every kind listed newest first and filtered by kind and days, an edit
/// at a stale revision refused with the journal's sentence (nothing changed), delete, restore and the
/// history, events and medications added, and bad values, unknown ids and another patient's ids answered
/// with one sentence (404 for ids) and nothing stored.
/// </summary>
public abstract class PageJournalBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task The_journal_lists_every_kind_newest_first_and_filters_by_kind_and_days()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "list@example.org");
        var api = patient.Account.Client;
        await JsonAsync(await PostAsync(api, "/api/journal/doses", new { at = "2026-11-28T21:00Z", doseMg = 1.5m }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync(api, "/api/journal/checkins", new { at = "2026-11-29T08:00Z", scores = new { pain = 4 } }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync(api, "/api/journal/sideeffects", new { kind = "nightmares", from = "2026-11-29T23:00Z" }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync(api, "/api/journal/doses", new { at = "2026-11-30T21:00Z", doseMg = 3m, note = "<b>bold</b>" }), HttpStatusCode.Created);

        var all = WebUtility.HtmlDecode(await patient.Browser.PageAsync("/journal"));
        var order = new[] { "id=\"dose-2\"", "id=\"side-effect-1\"", "id=\"check-in-1\"", "id=\"dose-1\"" }.Select(a => all.IndexOf(a, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order().ToList(), order);
        Assert.Contains("Side effect: vivid-dreams (“nightmares”)", all, StringComparison.Ordinal);
        Assert.Contains("Pain 4", all, StringComparison.Ordinal);
        Assert.Contains("<span class=\"note\"><b>bold</b></span>", all, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", await patient.Browser.PageAsync("/journal"), StringComparison.Ordinal);

        var doses = await patient.Browser.PageAsync("/journal?kind=dose&from=2026-11-30&to=2026-12-01");
        Assert.Contains("id=\"dose-2\"", doses, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"dose-1\"", doses, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"check-in-1\"", doses, StringComparison.Ordinal);

        var bad = await patient.Browser.Client.GetAsync("/journal?from=2026-13-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("'2026-13-01' is not a date", PageJournalPatient.Alert(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task An_edit_changes_only_what_was_changed_and_a_stale_revision_is_refused_with_nothing_changed()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "edit@example.org");
        await JsonAsync(await PostAsync(patient.Account.Client, "/api/journal/doses", new { at = "2026-11-30T21:00:30Z", doseMg = 1.5m, timeZone = "Europe/Oslo" }), HttpStatusCode.Created);
        var form = await patient.Browser.PageAsync("/journal/edit/dose/1");
        Assert.Contains("name=\"revision\" value=\"1\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-11-30T22:00\"", form, StringComparison.Ordinal);

        var fields = new (string, string)[] { ("revision", "1"), ("at", "2026-11-30T22:00"), ("timeZone", "Europe/Oslo"), ("doseMg", "2"), ("formulation", "capsule"), ("taken", "taken"), ("note", ""), ("reason", "typo") };
        var (status, _, location) = await patient.PostAsync("/journal/edit/dose/1", "/journal/edit/dose/1", fields);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/journal#dose-1", location);
        var dose = Assert.Single(patient.Stored().Doses);
        Assert.Equal(2m, dose.DoseMg);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 30, 21, 0, 30), dose.At);
        Assert.Equal(2, dose.Revision);

        fields[3] = ("doseMg", "3");
        var (stale, html, _) = await patient.PostAsync("/journal/edit/dose/1", "/journal/edit/dose/1", fields);
        Assert.Equal(HttpStatusCode.BadRequest, stale);
        Assert.Equal("Dose 1 is at revision 2, not the 1 you read; show it again and repeat the edit.", PageJournalPatient.Alert(html));
        Assert.Equal(2m, Assert.Single(patient.Stored().Doses).DoseMg);

        var history = WebUtility.HtmlDecode(await patient.Browser.PageAsync("/journal/history/dose/1"));
        Assert.Contains("<strong>edit</strong>", history, StringComparison.Ordinal);
        Assert.Contains("“typo”", history, StringComparison.Ordinal);
        Assert.Contains("<tr><td>doseMg</td><td>1.5</td><td>2</td></tr>", history, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Delete_hides_an_entry_deleted_1_shows_it_greyed_restore_brings_it_back_and_the_history_shows_all()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "delete@example.org");
        await JsonAsync(await PostAsync(patient.Account.Client, "/api/journal/events", new { kind = "flare", at = "2026-11-30T21:00Z", note = "bad day" }), HttpStatusCode.Created);

        var (deleted, _, location) = await patient.PostAsync("/journal", "/journal?handler=Delete", ("entryKind", "event"), ("id", "1"), ("revision", "1"));
        Assert.Equal(HttpStatusCode.Redirect, deleted);
        Assert.Equal("/journal?deleted=1#event-1", location);
        Assert.Empty(patient.Stored().Events);
        Assert.DoesNotContain("id=\"event-1\"", await patient.Browser.PageAsync("/journal"), StringComparison.Ordinal);
        var greyed = await patient.Browser.PageAsync("/journal?deleted=1");
        Assert.Contains("id=\"event-1\" class=\"entry deleted\"", greyed, StringComparison.Ordinal);
        Assert.Contains(">Restore</button>", greyed, StringComparison.Ordinal);

        var (stale, html, _) = await patient.PostAsync("/journal?deleted=1", "/journal?deleted=1&handler=Restore", ("entryKind", "event"), ("id", "1"), ("revision", "1"));
        Assert.Equal(HttpStatusCode.BadRequest, stale);
        Assert.NotNull(PageJournalPatient.Alert(html));
        Assert.Empty(patient.Stored().Events);

        var (restored, _, _) = await patient.PostAsync("/journal?deleted=1", "/journal?deleted=1&handler=Restore", ("entryKind", "event"), ("id", "1"), ("revision", "2"));
        Assert.Equal(HttpStatusCode.Redirect, restored);
        Assert.Equal("bad day", Assert.Single(patient.Stored().Events).Note);

        var history = await patient.Browser.PageAsync("/journal/history/event/1");
        var changes = new[] { "<strong>add</strong>", "<strong>delete</strong>", "<strong>restore</strong>" }.Select(c => history.IndexOf(c, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, changes);
        Assert.Equal(changes.Order().ToList(), changes);
    }

    [StoreFact]
    public async Task Events_and_medications_are_added_by_form_and_an_opioid_like_name_is_asked_about()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "add@example.org");
        var (status, _, _) = await patient.PostAsync("/journal", "/journal?handler=Event", ("eventKind", "infection"), ("at", "2026-11-30T09:15"), ("note", "cold"));
        Assert.Equal(HttpStatusCode.Redirect, status);
        var infection = Assert.Single(patient.Stored().Events);
        Assert.Equal(Ldn.Core.Journal.JournalEventKind.Infection, infection.Kind);
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 11, 30, 8, 15), infection.At);

        var (asked, html, _) = await patient.PostAsync("/journal", "/journal?handler=Medication", ("name", "tramadl"), ("since", ""));
        Assert.Equal(HttpStatusCode.Conflict, asked);
        Assert.Contains("close to the opioid", html, StringComparison.Ordinal);
        Assert.Empty(patient.Stored().Medications);
        var (anyway, _, _) = await patient.PostAsync("/journal", "/journal?handler=Medication", ("name", "tramadl"), ("since", ""), ("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, anyway);
        Assert.Equal("tramadl", Assert.Single(patient.Stored().Medications).Name);
    }

    [StoreFact]
    public async Task Bad_values_unknown_ids_and_another_patients_ids_are_one_sentence_and_change_nothing()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "journal-bad@example.org");
        using var other = await PageJournalPatient.SignUpAsync(host, "journal-other@example.org");
        await JsonAsync(await PostAsync(patient.Account.Client, "/api/journal/doses", new { at = "2026-11-30T21:00Z", doseMg = 1.5m, timeZone = "Europe/Oslo" }), HttpStatusCode.Created);
        foreach (var day in new[] { 27, 28, 29 })
        {
            await JsonAsync(await PostAsync(other.Account.Client, "/api/journal/doses", new { at = $"2026-11-{day}T21:00Z", doseMg = 1.5m, note = "other-secret" }), HttpStatusCode.Created);
        }

        var before = await patient.Account.Client.GetStringAsync("/api/journal");
        var otherBefore = await other.Account.Client.GetStringAsync("/api/journal");
        foreach (var url in new[] { "/journal/edit/dose/3", "/journal/history/dose/3", "/journal/edit/dose/999", "/journal/edit/plan/1", "/journal/edit/potion/1", "/journal/history/medication/1" })
        {
            var response = await patient.Browser.Client.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.NotNull(PageJournalPatient.Alert(html));
            Assert.DoesNotContain("other-secret", html, StringComparison.Ordinal);
        }

        var edit = new (string, string)[] { ("revision", "1"), ("at", "2026-11-30T22:00"), ("timeZone", "Europe/Oslo"), ("doseMg", "1.5"), ("formulation", "capsule"), ("taken", "taken"), ("note", "") };
        (string, string)[] With(string key, string value) => [.. edit.Select(f => f.Item1 == key ? (key, value) : f)];
        var cases = new (string Action, (string, string)[] Fields, HttpStatusCode Status)[]
        {
            ("/journal/edit/dose/1", With("doseMg", "4.5kg"), HttpStatusCode.BadRequest),
            ("/journal/edit/dose/1", With("doseMg", "-3"), HttpStatusCode.BadRequest),
            ("/journal/edit/dose/1", With("at", "2026-11-30T25:00"), HttpStatusCode.BadRequest),
            ("/journal/edit/dose/1", With("at", "2030-01-01T22:00"), HttpStatusCode.BadRequest),
            ("/journal/edit/dose/1", With("timeZone", "Mars/Olympus"), HttpStatusCode.BadRequest),
            ("/journal/edit/dose/1", With("note", new string('n', 1_000_000)), HttpStatusCode.BadRequest),
            ("/journal/edit/dose/1", With("formulation", "suppository"), HttpStatusCode.BadRequest),
            ("/journal/edit/dose/1", edit, HttpStatusCode.BadRequest),
            ("/journal/edit/dose/3", edit, HttpStatusCode.NotFound),
            ("/journal?handler=Delete", [("entryKind", "dose"), ("id", "3"), ("revision", "1")], HttpStatusCode.NotFound),
            ("/journal?handler=Delete", [("entryKind", "dose"), ("id", "-1")], HttpStatusCode.NotFound),
            ("/journal?handler=Delete", [("entryKind", "potion"), ("id", "1")], HttpStatusCode.BadRequest),
            ("/journal?handler=Restore", [("entryKind", "dose"), ("id", "2")], HttpStatusCode.NotFound),
            ("/journal?handler=Event", [("eventKind", "party"), ("at", "")], HttpStatusCode.BadRequest),
            ("/journal?handler=Event", [("eventKind", "flare"), ("at", "25:00")], HttpStatusCode.BadRequest),
            ("/journal?handler=Medication", [("name", "")], HttpStatusCode.BadRequest),
            ("/journal?handler=Medication", [("name", new string('m', 201))], HttpStatusCode.BadRequest),
        };
        foreach (var (action, fields, expected) in cases)
        {
            await patient.RefusedAsync(action.StartsWith("/journal?", StringComparison.Ordinal) ? "/journal" : "/journal/edit/dose/1", action, fields, expected);
        }

        Assert.Equal(before, await patient.Account.Client.GetStringAsync("/api/journal"));
        Assert.Equal(otherBefore, await other.Account.Client.GetStringAsync("/api/journal"));
        Assert.Equal(1, Assert.Single(patient.Stored().Doses).Revision);
    }
}

public sealed class PageJournalOnSqlite : PageJournalBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageJournalOnPostgres : PageJournalBehaviour
{
    protected override bool Postgres => true;
}
