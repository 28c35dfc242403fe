using System.Net;
using System.Net.Http.Json;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>Register, login (bearer token or cookie), logout, lockout and the sign-in rate limit.</summary>
public abstract class AccountBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task A_bearer_token_reads_the_journal_and_stops_working_at_logout()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("pat@example.org");
        var journal = await JsonAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.OK);
        Assert.Equal("Europe/Oslo", journal["profile"]!["timeZone"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.PostAsync("/api/account/logout", null)).StatusCode);
        await AssertProblemAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.Unauthorized);

        await patient.SignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await patient.Client.GetAsync("/api/journal")).StatusCode);
    }

    [StoreFact]
    public async Task A_cookie_sign_in_reads_the_journal_until_logout()
    {
        using var host = NewHost();
        _ = await host.SignUpAsync("cookie@example.org");
        var browser = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await PostAsync(browser, "/api/account/login?useCookies=true", new { email = "cookie@example.org", password = Account.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/journal")).StatusCode);
        await AccountClients.SendAntiforgeryTokenAsync(browser);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/account/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/journal")).StatusCode);
    }

    [StoreFact]
    public async Task Registration_creates_the_journal_in_the_zone_given_or_UTC_and_none_for_a_clinician()
    {
        using var host = NewHost();
        var utc = await host.SignUpAsync("utc@example.org", timeZone: null);
        var journal = await JsonAsync(await utc.Client.GetAsync("/api/journal"), HttpStatusCode.OK);
        Assert.Equal("UTC", journal["profile"]!["timeZone"]!.GetValue<string>());

        var clinician = await host.SignUpAsync("doc@example.org", role: "clinician");
        await AssertProblemAsync(await clinician.Client.GetAsync("/api/journal"), HttpStatusCode.Forbidden);
    }

    [StoreFact]
    public async Task Registration_refuses_a_bad_zone_role_or_password_in_one_sentence_and_makes_no_account()
    {
        using var host = NewHost();
        var client = host.CreateClient();
        var zone = await AssertProblemAsync(await PostAsync(client, "/api/account/register", new { email = "z@example.org", password = Account.Password, timeZone = "Europe/Osol" }), HttpStatusCode.BadRequest);
        Assert.Contains("Europe/Osol", zone["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var role = await AssertProblemAsync(await PostAsync(client, "/api/account/register", new { email = "z@example.org", password = Account.Password, role = "admin" }), HttpStatusCode.BadRequest);
        Assert.Contains("'admin' is not a role", role["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertProblemAsync(await PostAsync(client, "/api/account/register", new { email = "z@example.org", password = "short" }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await PostAsync(client, "/api/account/register", new { password = Account.Password }), HttpStatusCode.BadRequest);

        await AssertProblemAsync(await PostAsync(client, "/api/account/login", new { email = "z@example.org", password = Account.Password }), HttpStatusCode.Unauthorized);
    }

    [StoreFact]
    public async Task Five_failed_sign_ins_lock_the_account_so_even_the_right_password_is_refused()
    {
        using var host = NewHost();
        _ = await host.SignUpAsync("locked@example.org");
        var client = host.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await AssertProblemAsync(await PostAsync(client, "/api/account/login", new { email = "locked@example.org", password = "Wrong-horse-7" }), HttpStatusCode.Unauthorized);
            Assert.Equal(i < 4 ? "The email or password is wrong." : "The account is locked after too many failed sign-ins; try again in 15 minutes.", wrong["detail"]!.GetValue<string>());
        }

        var right = await AssertProblemAsync(await PostAsync(client, "/api/account/login", new { email = "locked@example.org", password = Account.Password }), HttpStatusCode.Unauthorized);
        Assert.Contains("locked", right["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Sign_in_from_one_address_is_limited_to_20_a_minute_then_429()
    {
        using var host = NewHost(signInPerMinute: 20);
        var client = host.CreateClient();
        for (var i = 0; i < 20; i++)
        {
            var attempt = await PostAsync(client, "/api/account/login", new { email = "nobody@example.org", password = "Wrong-horse-7" });
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        var limited = await AssertProblemAsync(await PostAsync(client, "/api/account/login", new { email = "nobody@example.org", password = "Wrong-horse-7" }), HttpStatusCode.TooManyRequests);
        Assert.Contains("wait a minute", limited["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(client, "/api/account/register", new { email = "n@example.org", password = Account.Password })).StatusCode);
    }
}

public sealed class SqliteAccountTests : AccountBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAccountTests : AccountBehaviour
{
    protected override bool Postgres => true;
}
