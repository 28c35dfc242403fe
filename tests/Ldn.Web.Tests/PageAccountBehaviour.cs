using System.Net;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>Sign-up, sign-in and sign-out through the pages (cookie, antiforgery token, lockout message, local return addresses only).</summary>
public abstract class PageAccountBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task Signing_up_on_the_page_makes_a_patient_with_a_journal_in_the_zone_given_and_signs_in()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        await browser.SignUpAsync("page@example.org", timeZone: "America/Los_Angeles");
        var journal = await JsonAsync(await browser.Client.GetAsync("/api/journal"), HttpStatusCode.OK);
        Assert.Equal("America/Los_Angeles", journal["profile"]!["timeZone"]!.GetValue<string>());
        var front = await browser.Client.GetAsync("/");
        Assert.Equal("/today", front.Headers.Location?.OriginalString);
    }

    [StoreFact]
    public async Task A_form_without_its_antiforgery_token_is_refused_and_makes_no_account()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        using var form = new FormUrlEncodedContent([new("email", "forged@example.org"), new("password", Account.Password)]);
        var response = await browser.Client.PostAsync("/register", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var login = await browser.SubmitAsync("/login", [new("email", "forged@example.org"), new("password", Account.Password)]);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("The email or password is wrong.", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_refused_sign_up_says_why_in_one_line_on_the_page()
    {
        using var host = NewHost();
        using var browser = new PageSession(host);
        var response = await browser.SubmitAsync("/register", [new("email", "weak@example.org"), new("password", "short"), new("timeZone", "Mars/Olympus")]);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", html, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Sign_in_follows_only_a_local_return_address_and_sign_out_ends_the_session()
    {
        using var host = NewHost();
        await host.SignUpAsync("back@example.org");
        using var browser = new PageSession(host);
        var outside = await browser.SubmitAsync("/login?returnUrl=https%3A%2F%2Fevil.example%2F", [new("email", "back@example.org"), new("password", Account.Password), new("returnUrl", "https://evil.example/")]);
        Assert.Equal(HttpStatusCode.Redirect, outside.StatusCode);
        Assert.Equal("/", outside.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/api/journal")).StatusCode);

        var signOut = await browser.SubmitAsync("/login", [], action: "/logout");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/journal")).StatusCode);
    }
}

public sealed class PageAccountOnSqlite : PageAccountBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageAccountOnPostgres : PageAccountBehaviour
{
    protected override bool Postgres => true;
}
