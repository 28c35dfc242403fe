using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ldn.Storage.Tests;
using Ldn.Web.Accounts;
using Ldn.Web.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>Change the password, download all data, delete the account with all its data.</summary>
public abstract class AccountDataBehaviour : WebBehaviour
{
    private const string NewPassword = "Battery-staple-9";

    [StoreFact]
    public async Task Changing_the_password_ends_every_bearer_token_and_cookie_and_only_the_new_password_signs_in()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("pw@example.org");
        var secondDevice = patient with { Client = host.CreateClient() };
        await secondDevice.SignInAsync();
        var browser = await AccountClients.CookieSignInAsync(host, patient.Email);
        Assert.Equal(HttpStatusCode.OK, (await secondDevice.Client.GetAsync("/api/journal")).StatusCode);

        var changed = await PostAsync(patient.Client, "/api/account/password", new { currentPassword = Account.Password, newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);

        await AssertProblemAsync(await secondDevice.Client.GetAsync("/api/journal"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/journal")).StatusCode);
        var client = host.CreateClient();
        await AssertProblemAsync(await PostAsync(client, "/api/account/login", new { email = patient.Email, password = Account.Password }), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "/api/account/login", new { email = patient.Email, password = NewPassword })).StatusCode);
    }

    [StoreFact]
    public async Task A_browser_that_changes_its_password_stays_signed_in_and_its_other_sessions_end()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("pwc@example.org");
        var browser = await AccountClients.CookieSignInAsync(host, patient.Email);
        await AccountClients.SendAntiforgeryTokenAsync(browser);

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(browser, "/api/account/password", new { currentPassword = Account.Password, newPassword = NewPassword })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/journal")).StatusCode);
        await AssertProblemAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.Unauthorized);
    }

    [StoreFact]
    public async Task A_wrong_current_password_or_a_weak_new_one_is_400_changes_nothing_and_wrong_ones_lock_the_account()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("wrong@example.org");
        var weak = await AssertProblemAsync(await PostAsync(patient.Client, "/api/account/password", new { currentPassword = Account.Password, newPassword = "short" }), HttpStatusCode.BadRequest);
        Assert.Equal("The new password needs at least 8 characters, a symbol, a digit and an upper-case letter.", weak["detail"]!.GetValue<string>());
        var missing = await AssertProblemAsync(await PostAsync(patient.Client, "/api/account/password", new { currentPassword = Account.Password }), HttpStatusCode.BadRequest);
        Assert.Equal("Give the new password.", missing["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await patient.Client.GetAsync("/api/journal")).StatusCode);

        for (var i = 0; i < 5; i++)
        {
            var wrong = await AssertProblemAsync(await PostAsync(patient.Client, "/api/account/password", new { currentPassword = "Wrong-horse-7", newPassword = NewPassword }), HttpStatusCode.BadRequest);
            Assert.Equal(i < 4 ? "The current password is wrong." : "The account is locked after too many wrong passwords; try again in 15 minutes.", wrong["detail"]!.GetValue<string>());
        }

        var locked = await AssertProblemAsync(await PostAsync(host.CreateClient(), "/api/account/login", new { email = patient.Email, password = Account.Password }), HttpStatusCode.Unauthorized);
        Assert.Contains("locked", locked["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var stillLocked = await AssertProblemAsync(await PostAsync(patient.Client, "/api/account/password", new { currentPassword = Account.Password, newPassword = NewPassword }), HttpStatusCode.BadRequest);
        Assert.Contains("locked", stillLocked["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Deleting_the_account_removes_its_journal_and_sessions_and_the_email_registers_again_with_an_empty_journal()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("gone@example.org");
        var keeper = await host.SignUpAsync("keeper@example.org");
        await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", new { at = "2026-11-30T22:00Z", doseMg = 1.5m }), HttpStatusCode.Created);
        await JsonAsync(await PostAsync(keeper.Client, "/api/journal/doses", new { at = "2026-11-30T22:00Z", doseMg = 1.5m }), HttpStatusCode.Created);
        Assert.True(JournalExists(host, patient.Id));

        var wrong = await AssertProblemAsync(await PostAsync(patient.Client, "/api/account/delete", new { password = "Wrong-horse-7" }), HttpStatusCode.BadRequest);
        Assert.Equal("The password is wrong.", wrong["detail"]!.GetValue<string>());
        Assert.True(JournalExists(host, patient.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(patient.Client, "/api/account/delete", new { password = Account.Password })).StatusCode);

        Assert.False(JournalExists(host, patient.Id));
        await AssertProblemAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await PostAsync(host.CreateClient(), "/api/account/login", new { email = patient.Email, password = Account.Password }), HttpStatusCode.Unauthorized);
        var keepers = await JsonAsync(await keeper.Client.GetAsync("/api/journal"), HttpStatusCode.OK);
        Assert.Single(keepers["doses"]!.AsArray());

        var again = await host.SignUpAsync(patient.Email);
        Assert.NotEqual(patient.Id, again.Id);
        var fresh = await JsonAsync(await again.Client.GetAsync("/api/journal"), HttpStatusCode.OK);
        Assert.Empty(fresh["doses"]!.AsArray());
    }

    [StoreFact]
    public async Task Deleting_an_account_calls_every_registered_data_remover_with_its_id_before_the_account_goes()
    {
        using var host = NewHost();
        var recorder = new RecordingRemover();
        using var hooked = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddScoped<IAccountDataRemover>(_ => recorder)));
        var client = hooked.CreateClient();
        var created = await JsonAsync(await PostAsync(client, "/api/account/register", new { email = "doc@example.org", password = Account.Password, role = "clinician" }), HttpStatusCode.Created);
        var clinician = new Account(created["id"]!.GetValue<string>(), "doc@example.org", client);
        await clinician.SignInAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(clinician.Client, "/api/account/delete", new { password = Account.Password })).StatusCode);

        Assert.Equal([clinician.Id], recorder.Removed);
        await AssertProblemAsync(await PostAsync(hooked.CreateClient(), "/api/account/login", new { email = clinician.Email, password = Account.Password }), HttpStatusCode.Unauthorized);
    }

    [StoreFact]
    public async Task Downloading_all_data_gives_a_patient_the_journal_document_and_others_their_account_as_attachments()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("data@example.org");
        await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", new { at = "2026-11-30T22:00Z", doseMg = 1.5m, note = "first" }), HttpStatusCode.Created);

        var download = await patient.Client.GetAsync("/api/account/data");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        AssertAttachment(download.Content.Headers.ContentDisposition, "ldn-journal-2026-12-01.json");
        var text = await download.Content.ReadAsStringAsync();
        Assert.Equal(await patient.Client.GetStringAsync("/api/journal"), text);
        var journal = JsonNode.Parse(text)!;
        Assert.Equal("ldn-journal/2", journal["schema"]!.GetValue<string>());
        Assert.Equal("first", journal["doses"]![0]!["note"]!.GetValue<string>());

        var clinician = await host.SignUpAsync("data-doc@example.org", role: "clinician");
        var account = await clinician.Client.GetAsync("/api/account/data");
        AssertAttachment(account.Content.Headers.ContentDisposition, "ldn-account-2026-12-01.json");
        var details = await JsonAsync(account, HttpStatusCode.OK);
        Assert.Equal("ldn-account/1", details["schema"]!.GetValue<string>());
        Assert.Equal(clinician.Id, details["id"]!.GetValue<string>());
        Assert.Equal("data-doc@example.org", details["email"]!.GetValue<string>());
        Assert.Equal("clinician", details["role"]!.GetValue<string>());
        await AssertProblemAsync(await host.CreateClient().GetAsync("/api/account/data"), HttpStatusCode.Unauthorized);
    }

    private static void AssertAttachment(ContentDispositionHeaderValue? disposition, string fileName)
    {
        Assert.Equal("attachment", disposition?.DispositionType);
        Assert.Equal(fileName, disposition?.FileName?.Trim('"'));
    }

    /// <summary>Whether anything of the patient's journal is stored: its SQLite files, or its PostgreSQL schema.</summary>
    private static bool JournalExists(WebHost host, string userId)
    {
        var storage = host.Services.GetRequiredService<WebStorage>();
        var name = Guid.Parse(userId).ToString("N");
        if (storage.Postgres is not { } pg)
        {
            // The file and the -wal/-shm beside it.
            return Directory.EnumerateFiles(Path.Combine(storage.Folder!, "journals"), name + ".db*").Any();
        }

        using var connection = new NpgsqlConnection(pg);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT count(*) FROM pg_namespace WHERE nspname = @schema", connection);
        command.Parameters.AddWithValue("schema", storage.SchemaPrefix + name);
        return (long)command.ExecuteScalar()! == 1;
    }

    private sealed class RecordingRemover : IAccountDataRemover
    {
        public List<string> Removed { get; } = [];

        public Task RemoveAsync(string userId, CancellationToken cancellationToken)
        {
            Removed.Add(userId);
            return Task.CompletedTask;
        }
    }
}

public sealed class SqliteAccountDataTests : AccountDataBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAccountDataTests : AccountDataBehaviour
{
    protected override bool Postgres => true;
}
