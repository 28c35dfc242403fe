using System.Net;
using Ldn.Storage.Tests;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// Walks every Razor page of the app (from its endpoints, so a new page without a row fails) as anonymous
/// (a redirect to <c>/login?ReturnUrl=…</c> unless the page is public), as a patient and as a clinician
/// (403 on the patient's pages), and posts each page's forms without the antiforgery token (400, nothing
/// stored).
/// </summary>
public abstract class PageMatrixBehaviour : WebBehaviour
{
    private const int Login = 302;

    /// <summary>One row per page route: a URL to open, the status for each caller, and the handlers its forms post to ("" for the page's own).</summary>
    private static readonly Dictionary<string, PageRow> Pages = new(StringComparer.Ordinal)
    {
        ["/"] = new("/", Anonymous: 200, Patient: 302, Clinician: 302),
        ["/login"] = new("/login", Anonymous: 200, Patient: 200, Clinician: 200, Posts: [""]),
        ["/register"] = new("/register", Anonymous: 200, Patient: 200, Clinician: 200, Posts: [""]),
        ["/logout"] = new("/logout", Anonymous: 200, Patient: 302, Clinician: 302, Posts: [""]),
        ["/offline"] = new("/offline", Anonymous: 200, Patient: 200, Clinician: 200),
        ["/today"] = new("/today", Anonymous: Login, Patient: 200, Clinician: 403, Posts: ["Taken", "Skipped", "CheckIn", "SideEffect", "EndSideEffect"]),
        ["/journal"] = new("/journal", Anonymous: Login, Patient: 200, Clinician: 403, Posts: ["Delete", "Restore", "Event", "Medication"]),
        ["/journal/edit/{kind}/{id:long}"] = new("/journal/edit/dose/1", Anonymous: Login, Patient: 200, Clinician: 403, Posts: [""]),
        ["/journal/scales"] = new("/journal/scales", Anonymous: Login, Patient: 200, Clinician: 403, Posts: [""]),
        ["/journal/history/{kind}/{id:long}"] = new("/journal/history/dose/1", Anonymous: Login, Patient: 200, Clinician: 403),
        ["/evidence"] = new("/evidence", Anonymous: 200, Patient: 200, Clinician: 200),
        ["/evidence/{condition}"] = new("/evidence/fibromyalgia", Anonymous: 200, Patient: 200, Clinician: 200),
        ["/safety"] = new("/safety", Anonymous: 200, Patient: 200, Clinician: 200, Posts: [""]),
        ["/simulator"] = new("/simulator", Anonymous: 200, Patient: 200, Clinician: 200),
        ["/plan"] = new("/plan", Anonymous: Login, Patient: 200, Clinician: 403, Posts: ["preview", "save", "adjust"]),
        ["/plan/calendar"] = new("/plan/calendar", Anonymous: Login, Patient: 200, Clinician: 403, Posts: ["", "Revoke"]),
        // The matrix's patient has no plan, so no dose is planned that day: 404 with its sentence.
        ["/today/confirm"] = new("/today/confirm?date=2026-12-01", Anonymous: Login, Patient: 404, Clinician: 403, Posts: [""]),
        ["/report"] = new("/report", Anonymous: Login, Patient: 200, Clinician: 403),
        ["/sharing"] = new("/sharing", Anonymous: Login, Patient: 200, Clinician: 403, Posts: ["Invite", "Revoke", "Withdraw"]),
        ["/sharing/accept"] = new("/sharing/accept?code=ABCDE-FGHJK", Anonymous: Login, Patient: 403, Clinician: 200),
        ["/patients"] = new("/patients", Anonymous: Login, Patient: 403, Clinician: 200),
        // No patient shares with the matrix's clinician: the one 404 sentence that reveals nothing.
        ["/patients/{id}"] = new("/patients/8f84a4e6-641d-4735-b67a-f5116e230341", Anonymous: Login, Patient: 403, Clinician: 404),
        ["/patients/{id}/today"] = new("/patients/8f84a4e6-641d-4735-b67a-f5116e230341/today", Anonymous: Login, Patient: 403, Clinician: 404),
        ["/patients/{id}/insights"] = new("/patients/8f84a4e6-641d-4735-b67a-f5116e230341/insights", Anonymous: Login, Patient: 403, Clinician: 404),
        ["/patients/{id}/notes"] = new("/patients/8f84a4e6-641d-4735-b67a-f5116e230341/notes", Anonymous: Login, Patient: 403, Clinician: 404),
        ["/insights"] = new("/insights", Anonymous: Login, Patient: 200, Clinician: 403),
        ["/account"] = new("/account", Anonymous: Login, Patient: 200, Clinician: 200, Posts: ["Password", "Delete", "Rename", "Remove"]),
    };

    [StoreFact]
    public async Task Every_page_answers_each_caller_as_it_should_and_refuses_forms_without_the_token()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "matrix-patient@example.org");
        using var clinician = await PageJournalPatient.SignUpAsync(host, "matrix-clinician@example.org", role: "clinician");
        await JsonAsync(await PostAsync(patient.Account.Client, "/api/journal/doses", new { at = "2026-11-30T21:00Z", doseMg = 1.5m, note = "matrix" }), HttpStatusCode.Created);

        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(routes);
        Assert.Empty(routes.Except(Pages.Keys));
        Assert.Empty(Pages.Keys.Except(routes));

        using var anonymous = new PageSession(host);
        var calls = 0;
        foreach (var (route, row) in Pages)
        {
            var asAnonymous = await anonymous.Client.GetAsync(row.Url);
            Assert.True(row.Anonymous == (int)asAnonymous.StatusCode, $"{route} as anonymous: {(int)asAnonymous.StatusCode}");
            if (row.Anonymous == Login)
            {
                var location = asAnonymous.Headers.Location!;
                Assert.Equal($"/login?ReturnUrl={Uri.EscapeDataString(row.Url)}", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
            }

            var asPatient = await patient.Browser.Client.GetAsync(row.Url);
            Assert.True(row.Patient == (int)asPatient.StatusCode, $"{route} as a patient: {(int)asPatient.StatusCode} {await asPatient.Content.ReadAsStringAsync()}");
            var asClinician = await clinician.Browser.Client.GetAsync(row.Url);
            Assert.True(row.Clinician == (int)asClinician.StatusCode, $"{route} as a clinician: {(int)asClinician.StatusCode}");
            calls += 3;
        }

        // Forms without the antiforgery token: refused before anything is read or stored (the patient stays signed in).
        var before = await patient.Account.Client.GetStringAsync("/api/journal");
        foreach (var (route, row) in Pages.Where(p => p.Key != "/logout"))
        {
            foreach (var handler in row.Posts)
            {
                var url = handler.Length == 0 ? row.Url : $"{row.Url}?handler={handler}";
                using var form = new FormUrlEncodedContent([new("id", "1"), new("entryKind", "dose"), new("revision", "1"), new("doseMg", "1.5"), new("score-pain", "3"), new("kind", "nausea"), new("eventKind", "flare"), new("name", "ibuprofen"), new("email", "forged@example.org"), new("password", Account.Password)]);
                var response = await patient.Browser.Client.PostAsync(url, form);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {url} without a token: {(int)response.StatusCode}");
                calls++;
            }
        }

        using var forged = new FormUrlEncodedContent([new("confirm", "true")]);
        Assert.Equal(HttpStatusCode.BadRequest, (await patient.Browser.Client.PostAsync("/logout", forged)).StatusCode);
        Assert.Equal(before, await patient.Account.Client.GetStringAsync("/api/journal"));
        Assert.Equal(HttpStatusCode.OK, (await patient.Browser.Client.GetAsync("/today")).StatusCode);
        Assert.True(calls >= 3 * Pages.Count, $"The matrix made {calls} calls.");
    }

    [StoreFact]
    public async Task The_manifest_icons_service_worker_and_offline_page_are_served_from_this_origin()
    {
        using var host = NewHost();
        using var anonymous = new PageSession(host);
        var manifest = await anonymous.Client.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        var document = System.Text.Json.Nodes.JsonNode.Parse(await manifest.Content.ReadAsStringAsync())!;
        Assert.Equal("/today", document["start_url"]!.GetValue<string>());
        Assert.Equal("standalone", document["display"]!.GetValue<string>());
        var icons = document["icons"]!.AsArray().Select(i => (Src: i!["src"]!.GetValue<string>(), Sizes: i["sizes"]!.GetValue<string>())).ToList();
        Assert.Contains(("/icons/icon-192.png", "192x192"), icons);
        Assert.Contains(("/icons/icon-512.png", "512x512"), icons);
        foreach (var (src, _) in icons)
        {
            var icon = await anonymous.Client.GetAsync(src);
            Assert.True(icon.StatusCode == HttpStatusCode.OK, src);
        }

        var worker = await anonymous.Client.GetAsync("/sw.js");
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Contains("javascript", worker.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var script = await worker.Content.ReadAsStringAsync();
        Assert.Contains("const OFFLINE = \"/offline\";", script, StringComparison.Ordinal);
        Assert.Contains("credentials: \"omit\"", script, StringComparison.Ordinal);
        Assert.Contains("navigator.serviceWorker.register(\"/sw.js\"", await anonymous.Client.GetStringAsync("/js/site.js"), StringComparison.Ordinal);
        var offline = await anonymous.Client.GetStringAsync("/offline");
        Assert.Contains("The workbench is offline", offline, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">", offline, StringComparison.Ordinal);
    }

    private sealed record PageRow(string Url, int Anonymous, int Patient, int Clinician, string[]? Posts = null)
    {
        public string[] Posts { get; } = Posts ?? [];
    }
}

public sealed class PageMatrixOnSqlite : PageMatrixBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageMatrixOnPostgres : PageMatrixBehaviour
{
    protected override bool Postgres => true;
}
