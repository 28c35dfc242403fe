using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>GET /api/account/passkeys</c>, <c>PATCH</c>/<c>DELETE /api/account/passkeys/{id}</c> on passkeys registered
/// through the whole ceremony (<see cref="AccountSoftAuthenticator"/>): named or numbered at registration,
/// renamed, removed (it signs in no more); another account's passkey id, a made-up one or garbage is 404 with
/// one sentence and changes nothing; a bad name is 400.
/// </summary>
public abstract class AccountPasskeyListBehaviour : WebBehaviour
{
    /// <summary>Registers a passkey of <paramref name="authenticator"/> for <paramref name="account"/> (bearer), with <paramref name="name"/> if given.</summary>
    internal static async Task RegisterAsync(Account account, AccountSoftAuthenticator authenticator, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(authenticator);
        var creation = await JsonAsync(await PostAsync(account.Client, "/api/account/passkey/creation-options", new { }), HttpStatusCode.OK);
        var body = new JsonObject { ["credential"] = authenticator.Create(creation) };
        if (name is not null)
        {
            body["name"] = name;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/passkey") { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "http://localhost");
        await JsonAsync(await account.Client.SendAsync(request), HttpStatusCode.Created);
    }

    [StoreFact]
    public async Task Passkeys_are_listed_named_renamed_and_removed_and_a_removed_one_signs_in_no_more()
    {
        using var host = NewHost();
        using var phone = new AccountSoftAuthenticator("http://localhost");
        using var laptop = new AccountSoftAuthenticator("http://localhost");
        var patient = await host.SignUpAsync("keys@example.org");
        Assert.Empty((await ListAsync(patient)).AsArray());

        await RegisterAsync(patient, phone, "  My phone ");
        await RegisterAsync(patient, laptop);
        var list = (await ListAsync(patient)).AsArray();
        Assert.Equal([phone.Id, laptop.Id], list.Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal(["My phone", "Passkey 2"], list.Select(p => p!["name"]!.GetValue<string>()));
        Assert.All(list, p => Assert.True(DateTimeOffset.Parse(p!["createdAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Year >= 2025));

        var renamed = await JsonAsync(await patient.Client.PatchAsJsonAsync($"/api/account/passkeys/{laptop.Id}", new { name = "Work laptop" }), HttpStatusCode.OK);
        Assert.Equal(laptop.Id, renamed["id"]!.GetValue<string>());
        Assert.Equal("Work laptop", renamed["name"]!.GetValue<string>());
        Assert.Equal(["My phone", "Work laptop"], (await ListAsync(patient)).AsArray().Select(p => p!["name"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.DeleteAsync($"/api/account/passkeys/{phone.Id}")).StatusCode);
        Assert.Equal([laptop.Id], (await ListAsync(patient)).AsArray().Select(p => p!["id"]!.GetValue<string>()));
        await AssertProblemAsync(await patient.Client.DeleteAsync($"/api/account/passkeys/{phone.Id}"), HttpStatusCode.NotFound);

        // The removed passkey is refused at sign-in; the one kept still signs in.
        var device = host.CreateClient();
        var request = await JsonAsync(await PostAsync(device, "/api/account/passkey/request-options", new { }), HttpStatusCode.OK);
        await AssertProblemAsync(await FromPageAsync(device, "/api/account/login/passkey", new JsonObject { ["credential"] = phone.Get(request) }), HttpStatusCode.BadRequest);
        var again = await JsonAsync(await PostAsync(device, "/api/account/passkey/request-options", new { }), HttpStatusCode.OK);
        await JsonAsync(await FromPageAsync(device, "/api/account/login/passkey", new JsonObject { ["credential"] = laptop.Get(again) }), HttpStatusCode.OK);
    }

    [StoreFact]
    public async Task Another_accounts_passkey_id_a_made_up_one_or_garbage_is_404_and_changes_nothing()
    {
        using var host = NewHost();
        using var key = new AccountSoftAuthenticator("http://localhost");
        var owner = await host.SignUpAsync("owner-key@example.org");
        var other = await host.SignUpAsync("other-key@example.org");
        var clinician = await host.SignUpAsync("doc-key@example.org", role: "clinician");
        await RegisterAsync(owner, key, "Owner's key");
        var before = (await ListAsync(owner)).ToJsonString();

        foreach (var caller in new[] { other, clinician })
        {
            Assert.Empty((await ListAsync(caller)).AsArray());
            foreach (var id in new[] { key.Id, "AAAAAAAAAAAAAAAAAAAAAA", "not*base64", "%20", new string('A', 100_000) })
            {
                var renamed = await AssertProblemAsync(await caller.Client.PatchAsJsonAsync($"/api/account/passkeys/{id}", new { name = "stolen" }), HttpStatusCode.NotFound);
                Assert.Equal("This account has no passkey with this id.", renamed["detail"]!.GetValue<string>());
                var removed = await caller.Client.DeleteAsync($"/api/account/passkeys/{id}");
                Assert.True(removed.StatusCode == HttpStatusCode.NotFound, $"DELETE {id[..Math.Min(20, id.Length)]}: {(int)removed.StatusCode}");
            }
        }

        Assert.Equal(before, (await ListAsync(owner)).ToJsonString());
    }

    [StoreFact]
    public async Task A_blank_long_or_multi_line_name_is_400_in_one_sentence_and_keeps_the_old_name()
    {
        using var host = NewHost();
        using var key = new AccountSoftAuthenticator("http://localhost");
        var patient = await host.SignUpAsync("names@example.org");
        await RegisterAsync(patient, key, "Kept");
        foreach (var name in new[] { "", "   ", new string('x', 61), "two\nlines", "tab\tname" })
        {
            var refused = await AssertProblemAsync(await patient.Client.PatchAsJsonAsync($"/api/account/passkeys/{key.Id}", new { name }), HttpStatusCode.BadRequest);
            Assert.Matches("^[^\\n]+\\.$", refused["detail"]!.GetValue<string>());
        }

        await AssertProblemAsync(await patient.Client.PatchAsJsonAsync($"/api/account/passkeys/{key.Id}", new { }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await patient.Client.PatchAsJsonAsync($"/api/account/passkeys/{key.Id}", new { name = "x", extra = 1 }), HttpStatusCode.BadRequest);
        Assert.Equal("Kept", Assert.Single((await ListAsync(patient)).AsArray())!["name"]!.GetValue<string>());
        Assert.Equal(new string('y', 60), (await JsonAsync(await patient.Client.PatchAsJsonAsync($"/api/account/passkeys/{key.Id}", new { name = new string('y', 60) }), HttpStatusCode.OK))["name"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task A_browser_that_removes_a_passkey_stays_signed_in_and_so_does_a_bearer_token()
    {
        using var host = NewHost();
        using var key = new AccountSoftAuthenticator("http://localhost");
        var patient = await host.SignUpAsync("cookie-key@example.org");
        await RegisterAsync(patient, key);
        var browser = await AccountClients.CookieSignInAsync(host, patient.Email);
        await AccountClients.SendAntiforgeryTokenAsync(browser);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync($"/api/account/passkeys/{key.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/account/passkeys")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patient.Client.GetAsync("/api/journal")).StatusCode);
    }

    private static async Task<JsonNode> ListAsync(Account account) =>
        (await JsonAsync(await account.Client.GetAsync("/api/account/passkeys"), HttpStatusCode.OK))["passkeys"]!;

    private static Task<HttpResponseMessage> FromPageAsync(HttpClient client, string url, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "http://localhost");
        return client.SendAsync(request);
    }
}

public sealed class SqliteAccountPasskeyListTests : AccountPasskeyListBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAccountPasskeyListTests : AccountPasskeyListBehaviour
{
    protected override bool Postgres => true;
}
