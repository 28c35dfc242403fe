using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ldn.Core.Journal;
using Ldn.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// The web workbench under load on loopback (issue 11's benchmark; not a test): starts the app on Kestrel at
// 127.0.0.1 on a free port, on SQLite in a temporary folder and, when LDN_TEST_POSTGRES names a server, on
// PostgreSQL in a temporary schema; makes a patient with a year of journal (the demo patient: a nightly dose,
// most days a check-in, side effects); then drives N concurrent clients at each page (signed in with the
// cookie, as a browser) and each API route (with the bearer token) for a fixed time and prints requests/s,
// p50/p99 latency and the machine's load average. Only loopback is ever addressed; every loop is bounded in time and count.
//   dotnet run -c Release --project bench/Ldn.WebLoad -- [--clients 8] [--seconds 20]
var clients = Option("--clients", 8);
var seconds = Option("--seconds", 20);
Console.WriteLine($"LDN Workbench web load: {clients} clients, {seconds} s per route, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine("| store | route | requests | requests/s | p50 ms | p99 ms | errors | load average (1 min) after |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");

var folder = Directory.CreateTempSubdirectory("ldn-webload-");
try
{
    await RunAsync("SQLite", folder.FullName, null).ConfigureAwait(false);
}
finally
{
    folder.Delete(recursive: true);
}

if (Environment.GetEnvironmentVariable("LDN_TEST_POSTGRES") is { Length: > 0 } server)
{
    var schema = "ldn_webload_" + Guid.NewGuid().ToString("N")[..8];
    await PostgresAsync(server, $"CREATE SCHEMA {schema}").ConfigureAwait(false);
    try
    {
        var db = new Npgsql.NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        await RunAsync("PostgreSQL", db, schema + "_j_").ConfigureAwait(false);
    }
    finally
    {
        await PostgresAsync(server, $"DO $$ DECLARE s text; BEGIN FOR s IN SELECT nspname FROM pg_namespace WHERE nspname LIKE '{schema}%' LOOP EXECUTE 'DROP SCHEMA ' || quote_ident(s) || ' CASCADE'; END LOOP; END $$").ConfigureAwait(false);
    }
}
else
{
    Console.WriteLine("(PostgreSQL skipped: set LDN_TEST_POSTGRES to a server's connection string.)");
}

async Task RunAsync(string store, string database, string? schemaPrefix)
{
    // The app is Ldn.Web (its pages are found in that assembly, its wwwroot under src/Ldn.Web), not this program.
    var args = new List<string>
    {
        "--urls", "http://127.0.0.1:0", "--db", database, "--Logging:LogLevel:Default=Warning", $"--{WebApp.SignInPerMinuteKey}=1000",
        "--applicationName", typeof(WebApp).Assembly.GetName().Name!, "--contentRoot", WebProjectFolder(),
    };
    if (schemaPrefix is not null)
    {
        args.Add($"--{WebStorage.SchemaPrefixKey}={schemaPrefix}");
    }

    await using var app = WebApp.Build([.. args]);
    await app.StartAsync().ConfigureAwait(false);
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = new Uri(address) };

    // A patient with a year of journal, written through the journal store as the app opens it.
    var email = $"load-{Guid.NewGuid():N}@example.org";
    var registered = await Json(await http.PostAsJsonAsync("/api/account/register", new { email, password = "Correct-horse-7", timeZone = "Europe/London" }).ConfigureAwait(false)).ConfigureAwait(false);
    var login = await Json(await http.PostAsJsonAsync("/api/account/login", new { email, password = "Correct-horse-7" }).ConfigureAwait(false)).ConfigureAwait(false);
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login["accessToken"]!.GetValue<string>());
    var now = SystemClock.Instance.GetCurrentInstant();
    var zone = DateTimeZoneProviders.Tzdb["Europe/London"];
    using (var journal = app.Services.GetRequiredService<WebStorage>().OpenJournal(registered["id"]!.GetValue<string>(), SystemClock.Instance))
    {
        var year = DemoJournal.Create(42, now.InZone(zone).Date, 365, zone, now: now);
        journal.Import(year);
        Console.WriteLine($"<!-- {store}: {year.Doses.Count} doses, {year.CheckIns.Count} check-ins, {year.SideEffects.Count} side effects -->");
    }

    var routes = new List<(string Name, Func<HttpRequestMessage> Request)>
    {
        ("GET /api/journal", () => new HttpRequestMessage(HttpMethod.Get, "/api/journal")),
        ("GET /api/advice", () => new HttpRequestMessage(HttpMethod.Get, "/api/advice")),
        ("GET /api/analysis", () => new HttpRequestMessage(HttpMethod.Get, "/api/analysis")),
        ("GET /api/report", () => new HttpRequestMessage(HttpMethod.Get, "/api/report")),
        ("POST /api/journal/doses", () => new HttpRequestMessage(HttpMethod.Post, "/api/journal/doses")
        {
            Content = JsonContent.Create(new { at = now.ToString(), doseMg = 4.5m, confirm = true }),
        }),
    };
    // The pages as a browser asks for them: signed in with the cookie (no redirects followed, so a page that
    // sent the client to /login would count as an error).
    using var cookies = new HttpClient(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { BaseAddress = new Uri(address) };
    using (var signIn = await cookies.PostAsJsonAsync("/api/account/login?useCookies=true", new { email, password = "Correct-horse-7" }).ConfigureAwait(false))
    {
        signIn.EnsureSuccessStatusCode();
    }

    var pages = new List<(string Name, Func<HttpRequestMessage> Request)>();
    foreach (var page in new[] { "/today", "/journal", "/insights", "/report", "/plan" })
    {
        using var probe = await cookies.GetAsync(page).ConfigureAwait(false);
        if (probe.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{store}: GET {page} with the cookie answered {(int)probe.StatusCode}.");
        }

        pages.Add(($"GET {page}", () => new HttpRequestMessage(HttpMethod.Get, page)));
    }
    // The pages first, then the API (whose last route writes doses), each client on its own sign-in.
    foreach (var (client, name, request) in pages.Select(p => (cookies, p.Name, p.Request)).Concat(routes.Select(r => (http, r.Name, r.Request))))
    {
        // A 3-second unmeasured warm-up first: with the cores saturated, the JIT's background tier-1 compiles
        // of a route's code would otherwise land inside the measurement (the first route of a run read 5x slow).
        _ = await DriveAsync(client, request, TimeSpan.FromSeconds(3)).ConfigureAwait(false);
        var (count, errors, elapsed, latencies) = await DriveAsync(client, request, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {store} | `{name}` | {count} | {count / elapsed.TotalSeconds:0.0} | {Percentile(latencies, 0.50):0.0} | {Percentile(latencies, 0.99):0.0} | {errors} | {LoadAverage()} |"));
    }

    await app.StopAsync().ConfigureAwait(false);
}

// N clients, each sending one request after the other until the time is up (at most 1,000,000 requests in all).
async Task<(int Count, int Errors, TimeSpan Elapsed, List<double> Latencies)> DriveAsync(HttpClient http, Func<HttpRequestMessage> request, TimeSpan until)
{
    var latencies = new List<double>();
    var errors = 0;
    var sent = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        var mine = new List<double>();
        while (clock.Elapsed < until && Interlocked.Increment(ref sent) <= 1_000_000)
        {
            var start = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request()).ConfigureAwait(false);
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
            }
        }

        lock (latencies)
        {
            latencies.AddRange(mine);
        }
    })).ConfigureAwait(false);
    return (latencies.Count, errors, clock.Elapsed, latencies);
}

// src/Ldn.Web of the checkout this program was built in.
static string WebProjectFolder()
{
    for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
    {
        var web = Path.Combine(folder.FullName, "src", "Ldn.Web");
        if (File.Exists(Path.Combine(web, "Ldn.Web.csproj")))
        {
            return web;
        }
    }

    throw new InvalidOperationException("src/Ldn.Web not found above " + AppContext.BaseDirectory);
}

// The machine's 1-minute load average (Linux), so figures taken beside other work say how busy it was.
static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

static async Task<JsonObject> Json(HttpResponseMessage response)
{
    var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    return response.IsSuccessStatusCode ? JsonNode.Parse(text)!.AsObject() : throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
}

static async Task PostgresAsync(string server, string sql)
{
    await using var connection = new Npgsql.NpgsqlConnection(server);
    await connection.OpenAsync().ConfigureAwait(false);
    await using var command = new Npgsql.NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync().ConfigureAwait(false);
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
