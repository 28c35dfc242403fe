using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>Browser-like clients for the account tests: a cookie jar, the Identity cookie, the antiforgery token.</summary>
internal static class AccountClients
{
    /// <summary>A client that keeps cookies, as a browser does, signed in by the Identity cookie of <paramref name="email"/>.</summary>
    public static async Task<HttpClient> CookieSignInAsync(WebApplicationFactory<Program> host, string email, string password = Account.Password)
    {
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var login = await browser.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return browser;
    }

    /// <summary>Asks for the antiforgery token (after signing in: it belongs to the account) and sends it with every later request.</summary>
    public static async Task<string> SendAntiforgeryTokenAsync(HttpClient browser)
    {
        var answer = JsonNode.Parse(await browser.GetStringAsync("/api/account/antiforgery"))!;
        var header = answer["headerName"]!.GetValue<string>();
        var token = answer["token"]!.GetValue<string>();
        Assert.Equal("RequestVerificationToken", header);
        browser.DefaultRequestHeaders.Remove(header);
        browser.DefaultRequestHeaders.Add(header, token);
        return token;
    }
}
