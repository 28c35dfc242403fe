using Ldn.Web.Tests;
using Microsoft.Playwright;
using Xunit;

namespace Ldn.Web.BrowserTests;

/// <summary>The public pages and sign-up in Debian's Chromium on a phone-sized screen, with axe-core on each page and no Content-Security-Policy violation.</summary>
public sealed class SignUpInBrowser(DebianChromium chromium) : IClassFixture<DebianChromium>
{
    [BrowserFact]
    public async Task A_new_patient_signs_up_on_a_phone_and_every_public_page_passes_axe()
    {
        using var host = new WebHost(postgres: false);
        var site = host.StartRealServer();
        await using var context = await chromium.NewContextAsync(site, phone: true);
        var page = await context.NewPageAsync();
        var blocked = CollectPolicyViolations(page);

        foreach (var path in new[] { "/", "/register", "/login" })
        {
            await page.GotoAsync(path);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
        }

        await page.GotoAsync("/register");
        await page.GetByLabel("Email").FillAsync("phone@example.org");
        await page.GetByLabel("Password").FillAsync(Account.Password);
        await page.GetByLabel("Time zone of your journal").FillAsync("Europe/Oslo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();

        // Signed in with the cookie: the API answers with the new journal, in the zone given.
        var journal = await page.APIRequest.GetAsync("/api/journal");
        Assert.Equal(200, journal.Status);
        Assert.Contains("\"timeZone\":\"Europe/Oslo\"", await journal.TextAsync(), StringComparison.Ordinal);
        Assert.Empty(blocked);
    }

    [BrowserFact]
    public async Task The_accessibility_check_fails_a_page_with_a_critical_violation()
    {
        // The checker itself must be able to fail: an image without alternative text is critical in axe.
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"></main></body></html>");
        var failure = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Accessibility.AssertNoSeriousViolationsAsync(page));
        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Console messages in which Chromium reports something the page's policy blocked.</summary>
    internal static List<string> CollectPolicyViolations(IPage page)
    {
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };
        return blocked;
    }
}
