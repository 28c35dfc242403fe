using System.Net;
using System.Text.Json.Nodes;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// The passkey routes up to the authenticator: the options for navigator.credentials are WebAuthn JSON with
/// this site's rp id and a fresh challenge, and a credential that is missing, not JSON, forged or sent without
/// a ceremony is 400 with one sentence, never 500. (The ceremony with a real authenticator is in the browser tests.)
/// </summary>
public abstract class AccountPasskeyBehaviour : WebBehaviour
{
    private static readonly object Forged = new
    {
        id = "AAAAAAAAAAAAAAAAAAAAAA",
        rawId = "AAAAAAAAAAAAAAAAAAAAAA",
        type = "public-key",
        response = new { clientDataJSON = "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0", attestationObject = "o2NmbXRkbm9uZQ", authenticatorData = "AAAA", signature = "AAAA" },
        clientExtensionResults = new { },
    };

    [StoreFact]
    public async Task A_passkey_registered_by_a_signed_in_account_signs_it_in_with_a_bearer_token_or_a_cookie_once_per_challenge()
    {
        using var host = NewHost();
        using var authenticator = new AccountSoftAuthenticator("http://localhost");
        var patient = await host.SignUpAsync("real@example.org");
        var creation = await JsonAsync(await PostAsync(patient.Client, "/api/account/passkey/creation-options", new { }), HttpStatusCode.OK);
        var added = await JsonAsync(await FromPageAsync(patient.Client, "/api/account/passkey", new JsonObject { ["credential"] = authenticator.Create(creation) }), HttpStatusCode.Created);
        Assert.Equal(authenticator.Id, added["id"]!.GetValue<string>());

        var named = await JsonAsync(await PostAsync(host.CreateClient(), "/api/account/passkey/request-options", new { email = patient.Email }), HttpStatusCode.OK);
        Assert.Equal(authenticator.Id, Assert.Single(named["allowCredentials"]!.AsArray())!["id"]!.GetValue<string>());

        // Bearer: any passkey of the site may answer (no email), as a phone's passkey list does.
        var device = host.CreateClient();
        var request = await JsonAsync(await PostAsync(device, "/api/account/passkey/request-options", new { }), HttpStatusCode.OK);
        var assertion = authenticator.Get(request);
        var token = await JsonAsync(await FromPageAsync(device, "/api/account/login/passkey", new JsonObject { ["credential"] = assertion }), HttpStatusCode.OK);
        device.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        var journal = await JsonAsync(await device.GetAsync("/api/journal"), HttpStatusCode.OK);
        Assert.Equal("Europe/Oslo", journal["profile"]!["timeZone"]!.GetValue<string>());

        // The same answer again: its challenge is spent.
        await AssertProblemAsync(await FromPageAsync(host.CreateClient(), "/api/account/login/passkey", new JsonObject { ["credential"] = assertion.DeepClone() }), HttpStatusCode.BadRequest);

        // Cookie.
        var browser = host.CreateClient();
        var cookieRequest = await JsonAsync(await PostAsync(browser, "/api/account/passkey/request-options", new { email = patient.Email }), HttpStatusCode.OK);
        var signedIn = await FromPageAsync(browser, "/api/account/login/passkey?useCookies=true", new JsonObject { ["credential"] = authenticator.Get(cookieRequest) });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/journal")).StatusCode);
    }

    /// <summary>A POST as the page sends it: with this site's Origin, which WebAuthn's origin check compares with the credential's.</summary>
    private static Task<HttpResponseMessage> FromPageAsync(HttpClient client, string url, JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", "http://localhost");
        return client.SendAsync(request);
    }

    [StoreFact]
    public async Task Creation_options_name_this_site_and_the_account_with_a_fresh_challenge()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("key@example.org");
        var options = await JsonAsync(await PostAsync(patient.Client, "/api/account/passkey/creation-options", new { }), HttpStatusCode.OK);
        Assert.Equal("localhost", options["rp"]!["id"]!.GetValue<string>());
        Assert.Equal("key@example.org", options["user"]!["name"]!.GetValue<string>());
        var challenge = options["challenge"]!.GetValue<string>();
        Assert.True(challenge.Length >= 43, challenge); // 32 bytes in base64url
        Assert.Contains(options["pubKeyCredParams"]!.AsArray(), p => p!["alg"]!.GetValue<int>() == -7);

        var again = await JsonAsync(await PostAsync(patient.Client, "/api/account/passkey/creation-options", new { }), HttpStatusCode.OK);
        Assert.NotEqual(challenge, again["challenge"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task Request_options_name_this_site_with_a_challenge_for_anyone_and_list_an_accounts_passkeys_when_asked()
    {
        using var host = NewHost();
        _ = await host.SignUpAsync("req@example.org");
        var client = host.CreateClient();
        var anyone = await JsonAsync(await client.PostAsync("/api/account/passkey/request-options", null), HttpStatusCode.OK);
        Assert.Equal("localhost", anyone["rpId"]!.GetValue<string>());
        Assert.True(anyone["challenge"]!.GetValue<string>().Length >= 43);

        var named = await JsonAsync(await PostAsync(client, "/api/account/passkey/request-options", new { email = "req@example.org" }), HttpStatusCode.OK);
        Assert.Equal("localhost", named["rpId"]!.GetValue<string>());
        Assert.Empty(named["allowCredentials"]?.AsArray() ?? []);
        var unknown = await JsonAsync(await PostAsync(client, "/api/account/passkey/request-options", new { email = "nobody@example.org" }), HttpStatusCode.OK);
        Assert.Equal("localhost", unknown["rpId"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task A_forged_or_garbage_credential_is_400_in_one_sentence_and_registers_nothing()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("forge@example.org");

        var noCeremony = await AssertProblemAsync(await PostAsync(patient.Client, "/api/account/passkey", new { credential = Forged }), HttpStatusCode.BadRequest);
        Assert.Contains("creation-options first", noCeremony["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (var credential in new object?[] { Forged, "not json", "{\"id\":1}", new { }, 42 })
        {
            await JsonAsync(await PostAsync(patient.Client, "/api/account/passkey/creation-options", new { }), HttpStatusCode.OK);
            var refused = await AssertProblemAsync(await PostAsync(patient.Client, "/api/account/passkey", new { credential }), HttpStatusCode.BadRequest);
            Assert.Matches("^[^\\n]+\\.$", refused["detail"]!.GetValue<string>());
        }

        var missing = await AssertProblemAsync(await PostAsync(patient.Client, "/api/account/passkey", new { }), HttpStatusCode.BadRequest);
        Assert.Equal("Give the credential: the JSON of the PublicKeyCredential from navigator.credentials.", missing["detail"]!.GetValue<string>());

        // Nothing was registered: the request options for the account list no passkey.
        var options = await JsonAsync(await PostAsync(host.CreateClient(), "/api/account/passkey/request-options", new { email = patient.Email }), HttpStatusCode.OK);
        Assert.Empty(options["allowCredentials"]?.AsArray() ?? []);
    }

    [StoreFact]
    public async Task A_passkey_sign_in_with_a_forged_credential_or_without_a_ceremony_is_400_and_signs_nobody_in()
    {
        using var host = NewHost();
        _ = await host.SignUpAsync("signin@example.org");
        var client = host.CreateClient();

        var noCeremony = await AssertProblemAsync(await PostAsync(client, "/api/account/login/passkey", new { credential = Forged }), HttpStatusCode.BadRequest);
        Assert.Contains("request-options first", noCeremony["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        foreach (var credential in new object?[] { Forged, "garbage", "{}", new { id = "x", type = "public-key" } })
        {
            await JsonAsync(await PostAsync(client, "/api/account/passkey/request-options", new { email = "signin@example.org" }), HttpStatusCode.OK);
            var refused = await AssertProblemAsync(await PostAsync(client, "/api/account/login/passkey?useCookies=true", new { credential }), HttpStatusCode.BadRequest);
            Assert.Matches("^[^\\n]+\\.$", refused["detail"]!.GetValue<string>());
        }

        await AssertProblemAsync(await client.GetAsync("/api/journal"), HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteAccountPasskeyTests : AccountPasskeyBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAccountPasskeyTests : AccountPasskeyBehaviour
{
    protected override bool Postgres => true;
}
