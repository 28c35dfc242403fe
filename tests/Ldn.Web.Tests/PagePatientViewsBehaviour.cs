using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ldn.Core.Journal;
using Ldn.Storage.Tests;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// A clinician's tabs of a patient who shares with them, <c>/patients/{id}[/today|/insights|/notes]</c>: each
/// the patient's own rendering (the same sections as <c>/today</c>, <c>/insights</c> and <c>/report</c>) without a
/// form but the note's, each read adding exactly one entry to the patient's audit log with what was read; without
/// a share, after a revocation and for another patient's id 404 with the one sentence and no audit entry; a
/// refused note shown with the report.
/// </summary>
public abstract partial class PagePatientViewsBehaviour : WebBehaviour
{
    private const string NoShare = "No patient with this id shares their data with you.";

    private static readonly (string Tab, string What)[] Tabs = [("/today", "today"), ("/insights", "insights"), ("", "report"), ("/notes", "notes")];

    [StoreFact]
    public async Task A_clinician_reads_each_tab_as_the_patient_sees_it_read_only_with_one_audit_entry_each()
    {
        using var host = NewHost();
        using var patient = await SharingPatientAsync(host, "tabs-patient@example.org");
        using var clinician = await PageJournalPatient.SignUpAsync(host, "tabs-clinician@example.org", role: "clinician");
        await SharingApiBehaviour.ShareAsync(patient.Account, clinician.Account);
        var id = patient.Account.Id;
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (tab, what) in Tabs)
        {
            var before = await AuditAsync(patient);
            var html = await clinician.Browser.PageAsync($"/patients/{id}{tab}");
            var after = await AuditAsync(patient);
            Assert.Equal(before.Count + 1, after.Count);
            Assert.Equal(what, after[0]!["what"]!.GetValue<string>());
            Assert.Equal("tabs-clinician@example.org", after[0]!["by"]!.GetValue<string>());
            Assert.Contains($"<a href=\"/patients/{id}{tab}\" aria-current=\"page\">", html, StringComparison.Ordinal);
            Assert.Contains("<h1 class=\"no-print\">tabs-patient@example.org", html, StringComparison.Ordinal);

            // Read-only: the only forms are the note's and sign-out's.
            Assert.Equal(2, FormTag().Count(html));
            Assert.Contains($"action=\"/patients/{id}{tab}?handler=Note\"", html, StringComparison.Ordinal);
            Assert.Equal(2, Regex.Count(html, "type=\"submit\""));
            Assert.DoesNotContain("/journal/edit/", html, StringComparison.Ordinal);
            pages[what] = html;
        }

        // Today: what the patient's /today shows of the day (the same advice section, the dose and its note), nothing to press.
        var own = await patient.Browser.PageAsync("/today");
        Assert.Equal(Section(own, "card advice"), Section(pages["today"], "card advice"));
        Assert.Contains("Taken 1.5 mg capsule", pages["today"], StringComparison.Ordinal);
        Assert.Contains("seen-by-the-clinic", pages["today"], StringComparison.Ordinal);
        Assert.Contains("Pain 3", pages["today"], StringComparison.Ordinal);
        Assert.DoesNotContain("Correct it", pages["today"], StringComparison.Ordinal);
        Assert.DoesNotContain("Taken</button>", pages["today"], StringComparison.Ordinal);
        Assert.Contains("Pain 3", own, StringComparison.Ordinal);

        // Insights: the same analysis, the same chart data, drawn by the same scripts.
        own = await patient.Browser.PageAsync("/insights");
        Assert.Equal(Section(own, "card analysis"), Section(pages["insights"], "card analysis"));
        Assert.Equal(Section(own, "card adherence"), Section(pages["insights"], "card adherence"));
        var blocks = ChartBlock().Matches(own).Select(m => m.Value).ToList();
        Assert.NotEmpty(blocks);
        Assert.Equal(blocks, ChartBlock().Matches(pages["insights"]).Select(m => m.Value));
        Assert.Matches("<script src=\"/js/charts.js\\?v=[^\"]+\"></script>\\s*<script src=\"/js/insights.js\\?v=", pages["insights"]);

        // Report: the patient's report as their own Report page embeds it.
        own = await patient.Browser.PageAsync("/report");
        var start = own.IndexOf("<div class=\"journal-report\">", StringComparison.Ordinal);
        Assert.True(start > 0);
        Assert.Contains(own[start..own.IndexOf("</main>", StringComparison.Ordinal)].Trim(), pages["report"], StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Without_a_share_after_revocation_and_for_another_id_each_tab_is_404_and_nothing_is_logged()
    {
        using var host = NewHost();
        using var patient = await SharingPatientAsync(host, "refused-patient@example.org");
        using var other = await PageJournalPatient.SignUpAsync(host, "other-patient@example.org");
        using var clinician = await PageJournalPatient.SignUpAsync(host, "refused-clinician@example.org", role: "clinician");
        using var anonymous = new PageSession(host);
        var id = patient.Account.Id;

        // The clinician has a share of the other patient only: the first patient's id and a made-up one are refused alike.
        await SharingApiBehaviour.ShareAsync(other.Account, clinician.Account);
        await AssertRefusedAsync(clinician, patient, id);
        await AssertRefusedAsync(clinician, patient, "8f84a4e6-641d-4735-b67a-f5116e230341");

        // Shared, then revoked: 404 again, and what was read before stays in the log.
        var share = await SharingApiBehaviour.ShareAsync(patient.Account, clinician.Account);
        await clinician.Browser.PageAsync($"/patients/{id}/today");
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Account.Client.DeleteAsync($"/api/sharing/{share}")).StatusCode);
        Assert.Single(await AuditAsync(patient));
        await AssertRefusedAsync(clinician, patient, id);

        foreach (var (tab, _) in Tabs)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await other.Browser.Client.GetAsync($"/patients/{id}{tab}")).StatusCode);
            var response = await anonymous.Client.GetAsync($"/patients/{id}{tab}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var location = response.Headers.Location!;
            Assert.Equal($"/login?ReturnUrl={Uri.EscapeDataString($"/patients/{id}{tab}")}", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
        }

        Assert.Single(await AuditAsync(patient));
    }

    [StoreFact]
    public async Task A_refused_note_shows_its_sentence_with_the_report_and_a_note_left_is_on_the_notes_tab()
    {
        using var host = NewHost();
        using var patient = await SharingPatientAsync(host, "notes-patient@example.org");
        using var clinician = await PageJournalPatient.SignUpAsync(host, "notes-clinician@example.org", role: "clinician");
        await SharingApiBehaviour.ShareAsync(patient.Account, clinician.Account);
        var page = $"/patients/{patient.Account.Id}";
        foreach (var (text, sentence) in new[] { ("  ", "Write the note's text."), (new string('x', 4001), "A note is at most 4000 characters; this one has 4001.") })
        {
            var (status, html, _) = await clinician.PostAsync(page, page + "?handler=Note", ("text", text));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(sentence, PageJournalPatient.Alert(html));
            Assert.Contains("<div class=\"journal-report\">", html, StringComparison.Ordinal);
            Assert.Contains($"<a href=\"{page}\" aria-current=\"page\">", html, StringComparison.Ordinal);
        }

        Assert.Empty(await NotesAsync(patient));
        var before = (await AuditAsync(patient)).Count;
        var (left, _, location) = await clinician.PostAsync($"{page}/insights", $"{page}/insights?handler=Note", ("text", "Keep the evening dose; see you in May."));
        Assert.Equal(HttpStatusCode.Redirect, left);
        Assert.Equal($"{page}/notes?left=true", location);
        Assert.Equal("Keep the evening dose; see you in May.", Assert.Single(await NotesAsync(patient))!["text"]!.GetValue<string>());
        var notes = await clinician.Browser.PageAsync(location!);
        Assert.Contains("Note left", notes, StringComparison.Ordinal);
        Assert.Contains("Keep the evening dose; see you in May.", notes, StringComparison.Ordinal);
        var audit = await AuditAsync(patient);
        Assert.Equal(["notes", "insights"], audit.Take(audit.Count - before).Select(a => a!["what"]!.GetValue<string>()));
    }

    [StoreFact]
    public async Task Insights_show_the_side_effect_incidence_per_dose_level_and_the_events_to_patient_and_clinician()
    {
        using var host = NewHost();
        using var patient = await SharingPatientAsync(host, "incidence-patient@example.org");
        using var clinician = await PageJournalPatient.SignUpAsync(host, "incidence-clinician@example.org", role: "clinician");
        await SharingApiBehaviour.ShareAsync(patient.Account, clinician.Account);
        await JsonAsync(await PostAsync(patient.Account.Client, "/api/journal/events", new { kind = "infection", at = "2026-11-20T10:00Z" }), HttpStatusCode.Created);
        var analysis = JsonNode.Parse(await patient.Account.Client.GetStringAsync("/api/analysis"))!;
        var byDose = analysis["sideEffects"]!["byDose"]!.AsArray();
        Assert.NotEmpty(byDose);
        var events = patient.Stored().Events;
        foreach (var html in new[] { await patient.Browser.PageAsync("/insights"), await clinician.Browser.PageAsync($"/patients/{patient.Account.Id}/insights") })
        {
            var incidence = Section(html, "card incidence");
            Assert.Equal(byDose.Count, Regex.Count(incidence, "<tr>") - 1);
            foreach (var group in byDose)
            {
                Assert.Contains($"<th scope=\"row\">{group!["label"]!.GetValue<string>()}</th>", incidence, StringComparison.Ordinal);
                Assert.Contains($"<td class=\"num\">{group["doseDays"]!.GetValue<int>()}</td>", incidence, StringComparison.Ordinal);
            }

            var listed = Section(html, "card events");
            Assert.Equal(events.Count, Regex.Count(listed, "<li>"));
            Assert.Contains("<li>2026-11-20: infection</li>", listed, StringComparison.Ordinal);
        }
    }

    /// <summary>A patient with eight weeks of demo journal, a dose and a check-in this morning (Oslo).</summary>
    private static async Task<PageJournalPatient> SharingPatientAsync(WebHost host, string email)
    {
        var patient = await PageJournalPatient.SignUpAsync(host, email);
        using (var store = host.OpenJournal(patient.Account.Id))
        {
            store.Import(DemoJournal.Create(7, new LocalDate(2026, 11, 30), 56, DateTimeZoneProviders.Tzdb["Europe/Oslo"], now: WebHost.Now));
        }

        await JsonAsync(await PostAsync(patient.Account.Client, "/api/journal/doses", new { at = "2026-12-01T08:00Z", doseMg = 1.5m, note = "seen-by-the-clinic", confirm = true }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync(patient.Account.Client, "/api/journal/checkins", new { at = "2026-12-01T09:00Z", scores = new { pain = 3 } }), HttpStatusCode.Created);
        return patient;
    }

    private static async Task AssertRefusedAsync(PageJournalPatient clinician, PageJournalPatient patient, string id)
    {
        var audit = (await AuditAsync(patient)).Count;
        foreach (var (tab, _) in Tabs)
        {
            var response = await clinician.Browser.Client.GetAsync($"/patients/{id}{tab}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal(NoShare, PageJournalPatient.Alert(html));
            Assert.DoesNotContain(patient.Account.Email, html, StringComparison.Ordinal);
            Assert.DoesNotContain("seen-by-the-clinic", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<nav class=\"tabs", html, StringComparison.Ordinal);
            Assert.DoesNotContain("handler=Note", html, StringComparison.Ordinal);
        }

        var (status, refused, _) = await clinician.PostAsync("/patients", $"/patients/{id}?handler=Note", ("text", "a note"));
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(NoShare, PageJournalPatient.Alert(refused));
        Assert.Equal(audit, (await AuditAsync(patient)).Count);
    }

    private static async Task<JsonArray> AuditAsync(PageJournalPatient patient) =>
        (await JsonAsync(await patient.Account.Client.GetAsync("/api/audit"), HttpStatusCode.OK))["entries"]!.AsArray();

    private static async Task<JsonArray> NotesAsync(PageJournalPatient patient) =>
        (await JsonAsync(await patient.Account.Client.GetAsync("/api/notes"), HttpStatusCode.OK))["notes"]!.AsArray();

    /// <summary>The <c>&lt;section class="…"&gt;</c> of <paramref name="html"/> with that class, whole.</summary>
    private static string Section(string html, string classes)
    {
        var match = Regex.Match(html, $"<section class=\"{classes}\"[\\s\\S]*?</section>");
        Assert.True(match.Success, $"no section {classes}");
        return match.Value;
    }

    [GeneratedRegex("<form\\b")]
    private static partial Regex FormTag();

    [GeneratedRegex("<script type=\"application/json\" data-insights-chart-for=\"[^\"]+\">[^<]*</script>")]
    private static partial Regex ChartBlock();
}

public sealed class PagePatientViewsOnSqlite : PagePatientViewsBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PagePatientViewsOnPostgres : PagePatientViewsBehaviour
{
    protected override bool Postgres => true;
}
