using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ldn.Core.Journal;
using Ldn.Storage.Tests;
using Ldn.Web.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// The web workbench in a test server: on SQLite in a temporary folder, or on the PostgreSQL server of
/// <c>LDN_TEST_POSTGRES</c> with the accounts in a schema of their own and each journal in a schema that
/// starts with the same name (all dropped at the end). The clock is fixed at <see cref="Now"/>.
/// </summary>
public sealed class WebHost : WebApplicationFactory<Program>
{
    public static readonly Instant Now = Instant.FromUtc(2026, 12, 1, 12, 0);

    private readonly string? folder;
    private readonly string? schema;
    private readonly Dictionary<string, string?> settings;

    public WebHost(bool postgres, int signInPerMinute = 1000)
    {
        settings = new(StringComparer.Ordinal) { [WebApp.SignInPerMinuteKey] = signInPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (postgres)
        {
            var server = PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException("LDN_TEST_POSTGRES is not set: no PostgreSQL server to test against.");
            schema = "ldn_web_" + Guid.NewGuid().ToString("N")[..8];
            PostgresAdmin.Execute(server, $"CREATE SCHEMA {schema}");
            settings[WebStorage.DatabaseKey] = new Npgsql.NpgsqlConnectionStringBuilder(server) { SearchPath = schema, Pooling = false }.ConnectionString;
            settings[WebStorage.SchemaPrefixKey] = schema + "_j_";
        }
        else
        {
            folder = Path.Combine(Path.GetTempPath(), "ldn-web-tests", Guid.NewGuid().ToString("N"));
            settings[WebStorage.DatabaseKey] = folder;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }

    /// <summary>The app's clock: fixed at <see cref="Now"/> until a test moves it (a browser journey logs a week).</summary>
    public MovableClock Clock { get; } = new(Now);

    /// <summary>
    /// Serves the app on Kestrel at a free loopback port instead of the in-memory test server, for a real
    /// browser; returns its address with the host <c>localhost</c> (WebAuthn refuses IP addresses).
    /// </summary>
    public Uri StartRealServer()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        return new UriBuilder(address) { Host = "localhost" }.Uri;
    }

    /// <summary>Opens the patient's journal store directly (as the web app does), to check what was stored.</summary>
    internal IJournalStore OpenJournal(string userId) => Services.GetRequiredService<WebStorage>().OpenJournal(userId, new FixedClock(Now));

    /// <summary>Registers an account and signs it in with a bearer token; returns a client that sends it.</summary>
    public async Task<Account> SignUpAsync(string email, string role = "patient", string? timeZone = "Europe/Oslo")
    {
        var client = CreateClient();
        var created = await client.PostAsJsonAsync("/api/account/register", new { email, password = Account.Password, role, timeZone });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var account = new Account(id, email, client);
        await account.SignInAsync();
        return account;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        if (schema is not null && PostgresFactAttribute.ConnectionString is { } server)
        {
            PostgresAdmin.Execute(server, $"DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE '{schema}%' LOOP EXECUTE 'DROP SCHEMA ' || quote_ident(s) || ' CASCADE'; END LOOP; END $$");
        }
    }
}

/// <summary>A signed-in account and a client that sends its bearer token.</summary>
public sealed record Account(string Id, string Email, HttpClient Client)
{
    public const string Password = "Correct-horse-7";

    public async Task SignInAsync()
    {
        Client.DefaultRequestHeaders.Authorization = null;
        var login = await Client.PostAsJsonAsync("/api/account/login", new { email = Email, password = Password });
        Assert.Equal(System.Net.HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}

/// <summary>A clock a test sets or moves forward.</summary>
public sealed class MovableClock(Instant start) : IClock
{
    private long ticks = start.ToUnixTimeTicks();

    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref ticks));

    public void Set(Instant now) => Interlocked.Exchange(ref ticks, now.ToUnixTimeTicks());

    public void Advance(Duration by) => Interlocked.Add(ref ticks, by.BclCompatibleTicks);
}

/// <summary>A clock that always says <paramref name="now"/>.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
