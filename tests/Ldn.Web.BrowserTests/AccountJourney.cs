using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ldn.Web.Tests;
using Microsoft.Playwright;
using Xunit;

namespace Ldn.Web.BrowserTests;

/// <summary>
/// The account page and passkeys in Debian's Chromium, with Chromium's virtual authenticator (CDP's WebAuthn
/// domain: CTAP2, internal transport, resident keys, user verification) on <c>http://localhost</c>: sign up, add
/// a passkey on <c>/account</c> and rename it, sign out, sign in with the passkey, change the password (the old
/// one no longer signs in through the API, the new one does), download the data (the journal's JSON), delete
/// the account (no sign-in works afterwards, the passkey included). axe-core runs on <c>/account</c> and
/// <c>/login</c> in each state; with <c>LDN_SCREENSHOTS=folder</c> each state is saved at 360 px and desk width.
/// </summary>
public sealed class AccountJourney(DebianChromium chromium) : IClassFixture<DebianChromium>
{
    private const string Email = "passkey@example.org";

    private const string NewPassword = "Battery-staple-9";

    [BrowserFact]
    public async Task A_patient_adds_a_passkey_signs_in_with_it_changes_the_password_downloads_the_data_and_deletes_the_account()
    {
        using var host = new WebHost(postgres: false);
        var site = host.StartRealServer();
        Assert.Equal("localhost", site.Host);
        using var api = new HttpClient { BaseAddress = site };
        await using var context = await chromium.NewContextAsync(site, phone: false);
        var page = await context.NewPageAsync();
        var blocked = SignUpInBrowser.CollectPolicyViolations(page);
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);

        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new()
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
            },
        });
        var authenticatorId = added!.Value.GetProperty("authenticatorId").GetString()!;

        await page.GotoAsync("/register");
        await page.GetByLabel("Email").FillAsync(Email);
        await page.GetByLabel("Password").FillAsync(Account.Password);
        await page.GetByLabel("Time zone of your journal").FillAsync("Europe/Oslo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();
        await page.WaitForURLAsync("**/today");
        await LogDoseAsync(page, "the dose in the download");

        // The account page, from the navigation.
        await page.GetByRole(AriaRole.Link, new() { Name = "Account", Exact = true }).ClickAsync();
        await ExpectAsync(page, "/account", "account");
        Assert.Equal(Email, (await page.InnerTextAsync("#account-email")).Trim());
        Assert.Equal("patient", (await page.InnerTextAsync("#account-role")).Trim());
        Assert.True(await page.IsVisibleAsync("#no-passkeys"));

        // A passkey from the virtual authenticator, listed by name.
        await page.GetByLabel("Name of the new passkey (optional)").FillAsync("Test laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await page.WaitForURLAsync("**/account?passkey=added#passkeys");
        Assert.True(await page.IsVisibleAsync("#passkeys-done"), "no confirmation: " + await AddErrorAsync(page) + string.Join("; ", errors));
        Assert.Equal("Test laptop", (await page.InnerTextAsync(".passkey-name strong")).Trim());
        var credentials = await cdp.SendAsync("WebAuthn.getCredentials", new() { ["authenticatorId"] = authenticatorId });
        var credential = Assert.Single(credentials!.Value.GetProperty("credentials").EnumerateArray());
        Assert.True(credential.GetProperty("isResidentCredential").GetBoolean());
        await ExpectAsync(page, "/account", "account-passkey");

        // Renamed.
        await page.GetByLabel("New name for Test laptop").FillAsync("Chromium key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await page.WaitForURLAsync("**/account?handler=Rename#passkeys");
        Assert.Equal("Chromium key", (await page.InnerTextAsync(".passkey-name strong")).Trim());
        Assert.Equal("Passkey renamed to Chromium key.", (await page.InnerTextAsync("#passkeys-done")).Trim());

        // Signed out, then in again with the passkey only (no email: the resident credential answers).
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/logout");
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/journal")).Status);
        await page.GotoAsync("/login");
        await ExpectAsync(page, "/login", "login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.WaitForURLAsync("**/today");
        Assert.Equal(200, (await page.APIRequest.GetAsync("/api/journal")).Status);
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).IsVisibleAsync());

        // A wrong current password: one sentence, nothing changed; then the change, and this session stays.
        await page.GotoAsync("/account");
        await page.GetByLabel("Current password").FillAsync("Wrong-horse-7");
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the password" }).ClickAsync();
        await page.WaitForURLAsync("**/account?handler=Password#password");
        await ExpectAsync(page, "/account", "account-password-refused");
        Assert.Equal("The current password is wrong.", (await page.InnerTextAsync("#password-error")).Trim());
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(api, Account.Password)).StatusCode);

        await page.GetByLabel("Current password").FillAsync(Account.Password);
        await page.GetByLabel("New password").FillAsync(NewPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change the password" }).ClickAsync();
        await page.Locator("#password-done").WaitForAsync();
        Assert.StartsWith("Password changed", await page.InnerTextAsync("#password-done"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(api, Account.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(api, NewPassword)).StatusCode);
        Assert.Equal(200, (await page.GotoAsync("/account"))!.Status);
        Assert.Equal("/account", new Uri(page.Url).AbsolutePath);

        // All my data: the journal's JSON as a file named by the day.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data (JSON)" }).ClickAsync());
        Assert.Equal("ldn-journal-2026-12-01.json", download.SuggestedFilename);
        var journal = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal("Europe/Oslo", journal["profile"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("the dose in the download", Assert.Single(journal["doses"]!.AsArray())!["note"]!.GetValue<string>());

        // Deleting: the word is asked for, then the account goes and the sign-in page says so.
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Type DELETE to confirm").FillAsync("please");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and all its data" }).ClickAsync();
        await page.WaitForURLAsync("**/account?handler=Delete#delete");
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 0, "the refusal is not scrolled into view");
        await ExpectAsync(page, "/account", "account-delete-refused");
        Assert.Equal("Type DELETE in the confirmation box to delete the account.", (await page.InnerTextAsync("#delete-error")).Trim());
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(NewPassword);
        await page.GetByLabel("Type DELETE to confirm").FillAsync("DELETE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my account and all its data" }).ClickAsync();
        await page.WaitForURLAsync("**/login?deleted=true*"); // the form's #delete is kept across the redirect
        await ExpectAsync(page, "/login", "login-deleted");
        Assert.Equal("Your account and all its data are deleted.", (await page.InnerTextAsync("#account-deleted")).Trim());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(api, NewPassword)).StatusCode);
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/journal")).Status);

        // The passkey still in the authenticator signs nobody in: its account is gone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.Locator("#passkey-signin-error").WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.StartsWith("The passkey was not accepted", await page.InnerTextAsync("#passkey-signin-error"), StringComparison.Ordinal);
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        Assert.Equal(401, (await page.APIRequest.GetAsync("/api/journal")).Status);
        Assert.Empty(blocked);
        Assert.Empty(errors);
    }

    /// <summary>A dose through the JSON API with the page's cookie and its antiforgery token.</summary>
    private static async Task LogDoseAsync(IPage page, string note)
    {
        var token = JsonNode.Parse(await (await page.APIRequest.GetAsync("/api/account/antiforgery")).TextAsync())!;
        var created = await page.APIRequest.PostAsync("/api/journal/doses", new()
        {
            Headers = new Dictionary<string, string> { [token["headerName"]!.GetValue<string>()] = token["token"]!.GetValue<string>() },
            DataObject = new { at = "2026-11-30T21:00Z", doseMg = 1.5m, note },
        });
        Assert.True(created.Status == 201, await created.TextAsync());
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient api, string password) =>
        api.PostAsJsonAsync("/api/account/login", new { email = Email, password });

    private static async Task<string> AddErrorAsync(IPage page) =>
        await page.IsVisibleAsync("#passkey-add-error") ? await page.InnerTextAsync("#passkey-add-error") : "";

    /// <summary>The page is at <paramref name="path"/> and passes axe; saved at 360 px and at desk width as <paramref name="name"/> when LDN_SCREENSHOTS names a folder.</summary>
    private static async Task ExpectAsync(IPage page, string path, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(path, new Uri(page.Url).AbsolutePath);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        if (Environment.GetEnvironmentVariable("LDN_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var (width, height, suffix) in new[] { (360, 740, "phone"), (1280, 900, "desk") })
        {
            await page.SetViewportSizeAsync(width, height);
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{suffix}.png"), FullPage = true });
        }
    }
}
