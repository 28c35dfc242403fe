using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ldn.Core.Journal;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// A patient for the page tests: an account made through the API (its id and a bearer client to seed the
/// journal), signed in on the pages with the cookie, and direct access to the stored journal to check
/// what the pages wrote.
/// </summary>
public sealed partial class PageJournalPatient : IDisposable
{
    private readonly WebHost host;

    private PageJournalPatient(WebHost host, Account account, PageSession browser)
    {
        this.host = host;
        Account = account;
        Browser = browser;
    }

    public Account Account { get; }

    public PageSession Browser { get; }

    /// <summary>Signs up <paramref name="email"/> (patient, Europe/Oslo) and signs in on the sign-in page.</summary>
    public static async Task<PageJournalPatient> SignUpAsync(WebHost host, string email, string role = "patient")
    {
        ArgumentNullException.ThrowIfNull(host);
        var account = await host.SignUpAsync(email, role);
        var browser = new PageSession(host);
        var signIn = await browser.SubmitAsync("/login", [new("email", email), new("password", Account.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return new PageJournalPatient(host, account, browser);
    }

    /// <summary>The journal as stored now (deleted entries left out).</summary>
    public JournalData Stored()
    {
        using var store = host.OpenJournal(Account.Id);
        return store.Load();
    }

    /// <summary>Runs <paramref name="work"/> on the patient's journal directly (to set a plan or add a scale).</summary>
    public T Journal<T>(Func<JournalService, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var store = host.OpenJournal(Account.Id);
        return work(new JournalService(store, new FixedClock(WebHost.Now)));
    }

    /// <summary>Stores the plan of <c>POST /api/plan</c> for <paramref name="body"/> as the journal's plan.</summary>
    public async Task<PlanVersion> SetPlanAsync(object body)
    {
        var response = await Account.Client.PostAsJsonAsync("/api/plan", body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, json);
        return Journal(j => j.SetPlan(json));
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the token of <paramref name="page"/>; returns the status and the HTML.</summary>
    public async Task<(HttpStatusCode Status, string Html, string? Location)> PostAsync(string page, string action, params (string Key, string Value)[] fields)
    {
        var response = await Browser.SubmitAsync(page, fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)), action);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"POST {action}: {(int)response.StatusCode} {html}");
        return (response.StatusCode, html, response.Headers.Location?.OriginalString);
    }

    /// <summary>
    /// Posts a form that must be refused with <paramref name="expected"/>: one short sentence in the page's
    /// alert, no exception text and none of <paramref name="secret"/>; returns the sentence.
    /// </summary>
    public async Task<string> RefusedAsync(string page, string action, (string Key, string Value)[] fields, HttpStatusCode expected, string secret = "other-secret")
    {
        ArgumentNullException.ThrowIfNull(fields);
        var (status, html, _) = await PostAsync(page, action, fields);
        var sentence = Alert(html);
        Assert.True(expected == status, $"{action} {string.Join(",", fields.Select(f => f.Key + "=" + f.Value[..Math.Min(20, f.Value.Length)]))}: {(int)status} {sentence}");
        Assert.False(string.IsNullOrWhiteSpace(sentence), $"{action}: no sentence");
        Assert.True(sentence!.Length < 400, sentence);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        return sentence;
    }

    /// <summary>The one sentence a refused form shows (the text of its role=alert paragraph), or null.</summary>
    public static string? Alert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var match = AlertParagraph().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    public void Dispose() => Browser.Dispose();

    [GeneratedRegex("<p class=\"error\" role=\"alert\"[^>]*>([^<]*)</p>")]
    private static partial Regex AlertParagraph();
}
