using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// A browser-like client for the server-rendered pages: it keeps cookies, does not follow redirects (so a
/// test sees where a page sends the browser), and posts forms with the antiforgery token the page rendered.
/// </summary>
public sealed partial class PageSession(WebHost host) : IDisposable
{
    public HttpClient Client { get; } = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>GETs <paramref name="url"/> expecting 200 and returns the HTML.</summary>
    public async Task<string> PageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {html}");
        return html;
    }

    /// <summary>Opens <paramref name="page"/>, takes the antiforgery token of its form and posts <paramref name="fields"/> to <paramref name="action"/> (default: the page itself).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var html = await PageAsync(page);
        var token = Token().Match(html);
        Assert.True(token.Success, $"{page} has no antiforgery token");
        var form = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)) };
        using var content = new FormUrlEncodedContent(form);
        return await Client.PostAsync(action ?? page, content);
    }

    /// <summary>Signs up through the page as <paramref name="email"/> (signed in with the cookie afterwards).</summary>
    public async Task SignUpAsync(string email, string role = "patient", string timeZone = "Europe/Oslo")
    {
        var response = await SubmitAsync("/register", [new("email", email), new("password", Account.Password), new("role", role), new("timeZone", timeZone)]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-up: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
