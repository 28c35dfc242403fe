using System.Net;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// Who may open the knowledge and planning pages: /evidence, /safety and /simulator are open to anyone;
/// /plan is a patient's (anonymous → the sign-in page, a clinician → 403, never another patient's versions);
/// a form posted without its antiforgery token is refused (400) and changes nothing.
/// </summary>
public abstract class PageKnowledgeMatrixBehaviour : WebBehaviour
{
    private static readonly string[] PublicPages = ["/evidence", "/evidence/fibromyalgia", "/safety", "/simulator", "/simulator?Dose=3mg"];

    [StoreFact]
    public async Task The_public_pages_open_for_anyone_and_the_plan_only_for_its_patient()
    {
        using var host = NewHost();
        using var anonymous = new PageSession(host);
        foreach (var page in PublicPages)
        {
            var response = await anonymous.Client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"anonymous GET {page}: {(int)response.StatusCode}");
        }

        var plan = await anonymous.Client.GetAsync("/plan");
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        Assert.Contains("/login?ReturnUrl=%2Fplan", plan.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);

        using var clinician = new PageSession(host);
        await clinician.SignUpAsync("doctor@example.org", role: "clinician");
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.Client.GetAsync("/plan")).StatusCode);
        foreach (var page in PublicPages)
        {
            Assert.Equal(HttpStatusCode.OK, (await clinician.Client.GetAsync(page)).StatusCode);
        }

        // A clinician's post with a valid token (taken from a page they may open) is still refused.
        var posted = await clinician.SubmitAsync("/safety", [new("Protocol", "standard"), new("Start", "2026-12-01")], action: "/plan?handler=save");
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);

        using var owner = new PageSession(host);
        await owner.SignUpAsync("owner@example.org");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync("/plan", [new("Protocol", "standard"), new("Start", "2026-12-01")], action: "/plan?handler=save")).StatusCode);
        Assert.Contains("data-version=\"1\"", await owner.PageAsync("/plan"), StringComparison.Ordinal);

        using var other = new PageSession(host);
        await other.SignUpAsync("other@example.org");
        Assert.DoesNotContain("data-version=", await other.PageAsync("/plan"), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_stores_nothing()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        using (var safety = new FormUrlEncodedContent([new("Medications", "tramadol")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.PostAsync("/safety", safety)).StatusCode);
        }

        await browser.SignUpAsync("forged@example.org");
        foreach (var handler in new[] { "preview", "save", "adjust" })
        {
            using var form = new FormUrlEncodedContent([new("Protocol", "standard"), new("Start", "2026-12-01"), new("Adjustment", "hold")]);
            var response = await browser.Client.PostAsync($"/plan?handler={handler}", form);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{handler}: {(int)response.StatusCode}");
        }

        Assert.DoesNotContain("data-version=", await browser.PageAsync("/plan"), StringComparison.Ordinal);
    }
}

public sealed class PageKnowledgeMatrixOnSqlite : PageKnowledgeMatrixBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageKnowledgeMatrixOnPostgres : PageKnowledgeMatrixBehaviour
{
    protected override bool Postgres => true;
}
