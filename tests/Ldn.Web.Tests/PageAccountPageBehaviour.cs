using System.Net;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// The <c>/account</c> page over the same <c>AccountActions</c> as the API: email and role shown for every role,
/// change the password (this session stays, others end), the data download, delete the account (password and
/// confirmation word), rename and remove passkeys; each refusal one sentence on the page with nothing changed.
/// </summary>
public abstract class PageAccountPageBehaviour : WebBehaviour
{
    private const string NewPassword = "Battery-staple-9";

    [StoreFact]
    public async Task The_page_shows_the_email_and_role_of_each_role_and_links_the_data_download()
    {
        using var host = NewHost();
        foreach (var role in new[] { "patient", "clinician", "pharmacist" })
        {
            using var session = await PageJournalPatient.SignUpAsync(host, $"{role}-page@example.org", role);
            var html = await session.Browser.PageAsync("/account");
            Assert.Contains($"<dd id=\"account-email\">{role}-page@example.org</dd>", html, StringComparison.Ordinal);
            Assert.Contains($"<dd id=\"account-role\">{role}</dd>", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/account\" aria-current=\"page\"", html, StringComparison.Ordinal);
            Assert.Contains("href=\"/api/account/data\" download", html, StringComparison.Ordinal);
            var data = await session.Browser.Client.GetAsync("/api/account/data");
            Assert.Equal(HttpStatusCode.OK, data.StatusCode);
            Assert.Equal("attachment", data.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal(role == "patient" ? "ldn-journal-2026-12-01.json" : "ldn-account-2026-12-01.json", data.Content.Headers.ContentDisposition?.FileName);
        }
    }

    [StoreFact]
    public async Task Changing_the_password_on_the_page_keeps_this_session_ends_the_others_and_refusals_change_nothing()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "page-pw@example.org");

        var wrong = await patient.Browser.SubmitAsync("/account", [new("currentPassword", "Wrong-horse-7"), new("newPassword", NewPassword)], "/account?handler=Password");
        await AssertRefusedAsync(wrong, HttpStatusCode.BadRequest, "The current password is wrong.");
        var weak = await patient.Browser.SubmitAsync("/account", [new("currentPassword", Account.Password), new("newPassword", "short")], "/account?handler=Password");
        await AssertRefusedAsync(weak, HttpStatusCode.BadRequest, "The new password needs at least 8 characters, a symbol, a digit and an upper-case letter.");
        var missing = await patient.Browser.SubmitAsync("/account", [new("currentPassword", Account.Password)], "/account?handler=Password");
        await AssertRefusedAsync(missing, HttpStatusCode.BadRequest, "Give the new password.");
        Assert.Equal(HttpStatusCode.OK, (await patient.Account.Client.GetAsync("/api/journal")).StatusCode);

        var changed = await patient.Browser.SubmitAsync("/account", [new("currentPassword", Account.Password), new("newPassword", NewPassword)], "/account?handler=Password");
        var html = await changed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Password changed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"password-error\"", html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await patient.Browser.Client.GetAsync("/account")).StatusCode);
        await AssertProblemAsync(await patient.Account.Client.GetAsync("/api/journal"), HttpStatusCode.Unauthorized);
        var client = host.CreateClient();
        await AssertProblemAsync(await PostAsync(client, "/api/account/login", new { email = patient.Account.Email, password = Account.Password }), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "/api/account/login", new { email = patient.Account.Email, password = NewPassword })).StatusCode);
    }

    [StoreFact]
    public async Task Deleting_on_the_page_needs_the_word_and_the_password_then_signs_out_to_the_sign_in_page()
    {
        using var host = NewHost();
        using var patient = await PageJournalPatient.SignUpAsync(host, "page-delete@example.org");

        var noWord = await patient.Browser.SubmitAsync("/account", [new("password", Account.Password), new("confirmation", "yes")], "/account?handler=Delete");
        await AssertRefusedAsync(noWord, HttpStatusCode.BadRequest, "Type DELETE in the confirmation box to delete the account.");
        var wrongPassword = await patient.Browser.SubmitAsync("/account", [new("password", "Wrong-horse-7"), new("confirmation", "DELETE")], "/account?handler=Delete");
        await AssertRefusedAsync(wrongPassword, HttpStatusCode.BadRequest, "The password is wrong.");
        Assert.Equal(HttpStatusCode.OK, (await patient.Account.Client.GetAsync("/api/journal")).StatusCode);

        var deleted = await patient.Browser.SubmitAsync("/account", [new("password", Account.Password), new("confirmation", " delete ")], "/account?handler=Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/login?deleted=true", deleted.Headers.Location?.OriginalString);
        Assert.Contains("Your account and all its data are deleted.", await patient.Browser.PageAsync("/login?deleted=true"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await patient.Browser.Client.GetAsync("/account")).StatusCode);
        await AssertProblemAsync(await patient.Account.Client.GetAsync("/api/journal"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await PostAsync(host.CreateClient(), "/api/account/login", new { email = patient.Account.Email, password = Account.Password }), HttpStatusCode.Unauthorized);
    }

    [StoreFact]
    public async Task Passkeys_are_listed_renamed_and_removed_on_the_page_and_another_accounts_id_is_the_one_404()
    {
        using var host = NewHost();
        using var key = new AccountSoftAuthenticator("http://localhost");
        using var othersKey = new AccountSoftAuthenticator("http://localhost");
        using var patient = await PageJournalPatient.SignUpAsync(host, "page-keys@example.org");
        var other = await host.SignUpAsync("page-keys-other@example.org");
        await AccountPasskeyListBehaviour.RegisterAsync(patient.Account, key, "Phone");
        await AccountPasskeyListBehaviour.RegisterAsync(other, othersKey, "Other's key");

        var html = await patient.Browser.PageAsync("/account");
        Assert.Contains("<strong>Phone</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{key.Id}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(othersKey.Id, html, StringComparison.Ordinal);

        var blank = await patient.Browser.SubmitAsync("/account", [new("id", key.Id), new("name", " ")], "/account?handler=Rename");
        await AssertRefusedAsync(blank, HttpStatusCode.BadRequest, "Give the passkey a name.");
        var stolen = await patient.Browser.SubmitAsync("/account", [new("id", othersKey.Id), new("name", "Mine now")], "/account?handler=Rename");
        await AssertRefusedAsync(stolen, HttpStatusCode.NotFound, "This account has no passkey with this id.");
        var removeOthers = await patient.Browser.SubmitAsync("/account", [new("id", othersKey.Id)], "/account?handler=Remove");
        await AssertRefusedAsync(removeOthers, HttpStatusCode.NotFound, "This account has no passkey with this id.");
        var othersList = await JsonAsync(await other.Client.GetAsync("/api/account/passkeys"), HttpStatusCode.OK);
        Assert.Equal("Other's key", Assert.Single(othersList["passkeys"]!.AsArray())!["name"]!.GetValue<string>());

        var renamed = await patient.Browser.SubmitAsync("/account", [new("id", key.Id), new("name", "Work phone")], "/account?handler=Rename");
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Contains("<strong>Work phone</strong>", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var removed = await patient.Browser.SubmitAsync("/account", [new("id", key.Id)], "/account?handler=Remove");
        var after = await removed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("Passkey removed", after, StringComparison.Ordinal);
        Assert.Contains("No passkey yet.", after, StringComparison.Ordinal);
        Assert.Empty((await JsonAsync(await patient.Account.Client.GetAsync("/api/account/passkeys"), HttpStatusCode.OK))["passkeys"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await patient.Browser.Client.GetAsync("/account")).StatusCode);
    }

    [StoreFact]
    public async Task The_sign_in_page_offers_a_passkey_by_the_served_script()
    {
        using var host = NewHost();
        using var anonymous = new PageSession(host);
        var html = await anonymous.PageAsync("/login?returnUrl=%2Fjournal");
        Assert.Contains("Sign in with a passkey", html, StringComparison.Ordinal);
        Assert.Contains("data-return-url=\"/journal\"", html, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/passkey.js\\?v=[^\"]+\"></script>", html);
        var script = await anonymous.Client.GetStringAsync("/js/passkey.js");
        Assert.Contains("/api/account/login/passkey?useCookies=true", script, StringComparison.Ordinal);
        Assert.DoesNotContain("Your account and all its data are deleted.", html, StringComparison.Ordinal);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string sentence)
    {
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {html}");
        Assert.Contains($"role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(sentence), html, StringComparison.Ordinal);
    }
}

public sealed class PageAccountPageOnSqlite : PageAccountPageBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PageAccountPageOnPostgres : PageAccountPageBehaviour
{
    protected override bool Postgres => true;
}
