using System.Net;
using System.Net.Http.Json;
using Ldn.Storage.Tests;
using Ldn.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>Antiforgery and same-site checks on the API, data-protection keys shared through the database, HTTPS when configured.</summary>
public abstract class AccountSecurityBehaviour : WebBehaviour
{
    private static readonly object Dose = new { at = "2026-11-30T22:00Z", doseMg = 1.5m, confirm = true };

    [StoreFact]
    public async Task A_cookie_signed_change_needs_the_antiforgery_token_and_nothing_is_stored_without_it()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("csrf@example.org");
        var browser = await AccountClients.CookieSignInAsync(host, patient.Email);

        var refused = await AssertProblemAsync(await PostAsync(browser, "/api/journal/doses", Dose), HttpStatusCode.BadRequest);
        Assert.Equal("A change signed in by the cookie needs the antiforgery token from GET /api/account/antiforgery in the RequestVerificationToken header.", refused["detail"]!.GetValue<string>());
        browser.DefaultRequestHeaders.Add("RequestVerificationToken", "forged");
        await AssertProblemAsync(await PostAsync(browser, "/api/journal/doses", Dose), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await browser.PostAsync("/api/account/logout", null), HttpStatusCode.BadRequest);
        var journal = await JsonAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.OK);
        Assert.Empty(journal["doses"]!.AsArray());

        // A token of another account is not this one's.
        var other = await host.SignUpAsync("csrf-other@example.org");
        var otherBrowser = await AccountClients.CookieSignInAsync(host, other.Email);
        var othersToken = await AccountClients.SendAntiforgeryTokenAsync(otherBrowser);
        browser.DefaultRequestHeaders.Remove("RequestVerificationToken");
        browser.DefaultRequestHeaders.Add("RequestVerificationToken", othersToken);
        await AssertProblemAsync(await PostAsync(browser, "/api/journal/doses", Dose), HttpStatusCode.BadRequest);

        await AccountClients.SendAntiforgeryTokenAsync(browser);
        await JsonAsync(await PostAsync(browser, "/api/journal/doses", Dose), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/journal")).StatusCode);
    }

    [StoreFact]
    public async Task A_change_from_another_site_is_refused_even_with_the_token_but_a_bearer_request_is_not()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("site@example.org");
        var browser = await AccountClients.CookieSignInAsync(host, patient.Email);
        await AccountClients.SendAntiforgeryTokenAsync(browser);

        foreach (var (header, value) in new[] { ("Origin", "https://evil.example"), ("Origin", "null"), ("Origin", "http://localhost:8080"), ("Sec-Fetch-Site", "cross-site") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/journal/doses") { Content = JsonContent.Create(Dose) };
            request.Headers.Add(header, value);
            var refused = await AssertProblemAsync(await browser.SendAsync(request), HttpStatusCode.Forbidden);
            Assert.Equal("Requests from another site are refused.", refused["detail"]!.GetValue<string>());
        }

        using (var anonymous = new HttpRequestMessage(HttpMethod.Post, "/api/account/login?useCookies=true") { Content = JsonContent.Create(new { email = patient.Email, password = Account.Password }) })
        {
            anonymous.Headers.Add("Origin", "https://evil.example");
            await AssertProblemAsync(await host.CreateClient().SendAsync(anonymous), HttpStatusCode.Forbidden);
        }

        Assert.Empty((await JsonAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.OK))["doses"]!.AsArray());

        using (var sameSite = new HttpRequestMessage(HttpMethod.Post, "/api/journal/doses") { Content = JsonContent.Create(Dose) })
        {
            sameSite.Headers.Add("Origin", "http://localhost");
            sameSite.Headers.Add("Sec-Fetch-Site", "same-origin");
            await JsonAsync(await browser.SendAsync(sameSite), HttpStatusCode.Created);
        }

        using (var bearer = new HttpRequestMessage(HttpMethod.Post, "/api/journal/doses") { Content = JsonContent.Create(Dose) })
        {
            bearer.Headers.Add("Origin", "https://tool.example");
            await JsonAsync(await patient.Client.SendAsync(bearer), HttpStatusCode.Created);
        }

        Assert.Equal(2, (await JsonAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.OK))["doses"]!.AsArray().Count);
    }

    [StoreFact]
    public async Task Two_instances_on_one_database_accept_each_others_bearer_tokens_and_cookies()
    {
        using var first = NewHost();
        using var second = first.WithWebHostBuilder(_ => { });
        var patient = await first.SignUpAsync("twin@example.org");
        var firstCookie = await IdentityCookieAsync(first, patient.Email);
        Assert.NotSame(first.Services, second.Services);

        var onSecond = second.CreateClient();
        onSecond.DefaultRequestHeaders.Authorization = patient.Client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/api/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(second, firstCookie)).StatusCode);

        var fromSecond = patient with { Client = second.CreateClient() };
        await fromSecond.SignInAsync();
        var onFirst = first.CreateClient();
        onFirst.DefaultRequestHeaders.Authorization = fromSecond.Client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync("/api/journal")).StatusCode);
        var secondCookie = await IdentityCookieAsync(second, patient.Email);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(first, secondCookie)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(first, secondCookie + "x")).StatusCode);

        // The keys that did it are the database's.
        using var scope = first.Services.CreateScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<AccountsDb>().DataProtectionKeys.ToListAsync());
    }

    [StoreFact]
    public async Task With_an_https_address_configured_http_is_redirected_and_the_cookie_is_secure()
    {
        using var host = NewHost();
        _ = await host.SignUpAsync("tls@example.org");
        using var tls = host.WithWebHostBuilder(builder => builder.UseSetting("urls", "http://127.0.0.1:5000;https://localhost:5001"));
        var http = tls.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirected = await http.GetAsync("/api/journal");
        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://localhost:5001/api/journal", redirected.Headers.Location?.ToString());

        var https = tls.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var login = await https.PostAsJsonAsync("/api/account/login?useCookies=true", new { email = "tls@example.org", password = Account.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("secure", Assert.Single(login.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        // Plain http without an https address: no redirection, and a cookie over http is not Secure.
        var plain = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var cookie = await plain.PostAsJsonAsync("/api/account/login?useCookies=true", new { email = "tls@example.org", password = Account.Password });
        Assert.Equal(HttpStatusCode.OK, cookie.StatusCode);
        Assert.DoesNotContain("secure", Assert.Single(cookie.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The Identity cookie (<c>name=value</c>) that <paramref name="host"/> sets at a cookie sign-in.</summary>
    private static async Task<string> IdentityCookieAsync(WebApplicationFactory<Program> host, string email)
    {
        var login = await host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false })
            .PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = Account.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';')[0];
    }

    private static Task<HttpResponseMessage> WithCookieAsync(WebApplicationFactory<Program> host, string cookie)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client.GetAsync("/api/journal");
    }
}

public sealed class SqliteAccountSecurityTests : AccountSecurityBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAccountSecurityTests : AccountSecurityBehaviour
{
    protected override bool Postgres => true;
}
