using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ldn.Storage.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Web.Tests;

/// <summary>
/// Issue 13, web side: the bad-input corpus of the JSON API. Every field of every route that takes input
/// (<see cref="ApiCorpusRoutes"/>) gets each kind of nonsense (<see cref="CorpusNonsense"/>), and every body
/// route gets body-level nonsense (empty, not JSON, nested 10,000 deep, 10 MB, the wrong content type). No case may
/// be 5xx; each gets its declared verdict (<see cref="ApiCorpusVerdict"/>); every refusal is problem details
/// with one sentence in <c>detail</c>, no .NET type name, JSON path or stack, and no echo of more than 40
/// characters of the input. One host serves every case; the summary is printed for the record.
/// </summary>
public abstract partial class ApiRefusalCorpusBehaviour(ITestOutputHelper output) : WebBehaviour
{
    /// <summary>The body-level nonsense: name, body text (null: the route's own body) and content type.</summary>
    private static readonly (string Name, Func<string, string> Body, string ContentType)[] BodyNonsense =
    [
        ("empty body", _ => "", "application/json"),
        ("not JSON", _ => "doseMg=4.5&note=hello", "application/json"),
        ("JSON null", _ => "null", "application/json"),
        ("top-level array", _ => "[1]", "application/json"),
        ("NaN literal", body => body.Insert(1, "\"zz\":NaN,"), "application/json"),
        ("unknown field", body => body.Insert(1, "\"zz\":1,"), "application/json"),
        ("nested 10,000 deep", _ => string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000), "application/json"),
        ("array nested 10,000 deep", _ => new string('[', 10_000) + new string(']', 10_000), "application/json"),
        ("10 MB", body => body.Insert(1, "\"note\":\"" + new string('x', 10 * 1024 * 1024) + "\","), "application/json"),
        ("wrong content type", body => body, "text/plain"),
    ];

    [StoreFact]
    public async Task Every_field_of_every_route_refuses_nonsense_in_one_clean_sentence_never_a_bug()
    {
        using var host = NewHost();
        using var factory = host.WithWebHostBuilder(builder => builder
            .UseSetting(Hosting.WebApp.SignInPerMinuteKey, "1000000")
            .UseSetting(Journal.SimulateEndpoints.PerMinuteKey, "1000000")
            .UseSetting(Sharing.AcceptLimit.PerAccountKey, "1000000")
            .UseSetting(Sharing.AcceptLimit.PerAddressKey, "1000000"));
        var (callers, patientId) = await CallersAsync(factory);

        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var details = new SortedSet<string>(StringComparer.Ordinal);
        var failures = new List<string>();
        var n = 0;
        foreach (var route in ApiCorpusRoutes.All)
        {
            var url = route.Url.Replace("{patient}", patientId, StringComparison.Ordinal);
            foreach (var field in route.Fields)
            {
                foreach (var nonsense in CorpusNonsense.All.Where(x => !field.InQuery || x.Type is 's' or 'n' or 'b' or '-'))
                {
                    n++;
                    var verdict = ApiCorpusVerdict.Of(route, field, nonsense);
                    using var request = field.InQuery ? QueryRequest(route, url, field, nonsense) : BodyRequest(route, url, field, nonsense, n);
                    await RunAsync(callers[route.Caller], request, verdict, $"{route} {field.Path} = {nonsense}", tally, failures, details);
                }
            }

            if (route.Body is { } body)
            {
                foreach (var (name, make, contentType) in BodyNonsense)
                {
                    n++;
                    using var request = new HttpRequestMessage(new HttpMethod(route.Method), url)
                    {
                        Content = new StringContent(make(Numbered(body, n)), Encoding.UTF8, contentType),
                    };
                    var verdict = route.BodyOptional && name is "empty body" or "JSON null" ? CorpusVerdict.Either : CorpusVerdict.Refused;
                    await RunAsync(callers[route.Caller], request, verdict, $"{route} body: {name}", tally, failures, details);
                }
            }
        }

        var summary = $"Web API corpus: {n} cases on {ApiCorpusRoutes.All.Length} routes; "
            + string.Join(", ", tally.Select(t => $"{t.Key}: {t.Value}"))
            + $"; {details.Count} distinct refusal sentences; {failures.Count} failures.";
        output.WriteLine(summary);
        File.WriteAllText(Path.Combine(Path.GetTempPath(), "ldn-web-corpus-summary.txt"), summary + "\n" + string.Join("\n", failures) + "\n\nRefusal sentences:\n" + string.Join("\n", details) + "\n");
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures.Take(60)));
        Assert.True(n > 1_000, $"{n} cases");
    }

    private static async Task RunAsync(HttpClient client, HttpRequestMessage request, CorpusVerdict verdict, string name, SortedDictionary<string, int> tally, List<string> failures, SortedSet<string> details)
    {
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var outcome = status switch
        {
            >= 500 => "5xx",
            >= 400 => "4xx",
            >= 200 and < 300 => "2xx",
            _ => status.ToString(CultureInfo.InvariantCulture),
        };
        Count(tally, $"declared {verdict.ToString().ToLowerInvariant()}");
        Count(tally, outcome);
        var wrong = (verdict, outcome) switch
        {
            (_, "5xx") => "a server error",
            (CorpusVerdict.Refused, not "4xx") => "not refused",
            (CorpusVerdict.Accepted, not "2xx") => "not accepted",
            (CorpusVerdict.Either, not ("2xx" or "4xx")) => "neither accepted nor refused",
            _ => null,
        };
        if (outcome == "4xx")
        {
            wrong ??= ProblemFault(response, text);
            if (JsonNode.Parse(text)?["detail"] is JsonValue detail && detail.TryGetValue<string>(out var sentence))
            {
                details.Add(sentence);
            }
        }

        if (wrong is not null)
        {
            failures.Add($"{name}: {wrong}: {status} {Cut(text)}");
        }
    }

    /// <summary>What is wrong with a refusal's answer, or null: problem details, one sentence, no type name, path or stack, no long echo.</summary>
    private static string? ProblemFault(HttpResponseMessage response, string text)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"content type {response.Content.Headers.ContentType?.MediaType}";
        }

        var detail = JsonNode.Parse(text)?["detail"]?.GetValue<string>();
        if (string.IsNullOrEmpty(detail))
        {
            return "no detail";
        }

        return detail switch
        {
            _ when detail.Length > 600 => "a detail longer than 600 characters",
            _ when detail.Contains('\n', StringComparison.Ordinal) || detail.Contains('\r', StringComparison.Ordinal) => "a detail of more than one line",
            _ when !SentenceEnd().IsMatch(detail) => "a detail that does not end as a sentence",
            _ when SecondSentence().IsMatch(detail.Replace("e.g. ", "eg ", StringComparison.Ordinal).Replace("i.e. ", "ie ", StringComparison.Ordinal)) => "a detail of more than one sentence",
            _ when Leaks().Match(text) is { Success: true } leak => $"'{leak.Value}' in the answer",
            _ when text.Contains(new string('x', 41), StringComparison.Ordinal) || text.Contains(new string('9', 41), StringComparison.Ordinal) => "an echo of more than 40 characters",
            _ => null,
        };
    }

    private static HttpRequestMessage QueryRequest(CorpusRoute route, string url, CorpusField field, CorpusNonsense nonsense) =>
        new(new HttpMethod(route.Method), nonsense.Missing ? url : $"{url}?{field.Path}={Uri.EscapeDataString(nonsense.QueryText)}");

    private static HttpRequestMessage BodyRequest(CorpusRoute route, string url, CorpusField field, CorpusNonsense nonsense, int n)
    {
        var body = JsonNode.Parse(Numbered(route.Body!, n))!.AsObject();
        var parts = field.Path.Split('.');
        var parent = parts[..^1].Aggregate(body, (o, p) => o[p]!.AsObject());
        if (nonsense.Missing)
        {
            parent.Remove(parts[^1]);
        }
        else
        {
            parent[parts[^1]] = JsonNode.Parse(nonsense.Json);
        }

        return new HttpRequestMessage(new HttpMethod(route.Method), url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
    }

    private static string Numbered(string body, int n) => body.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>
    /// The corpus's callers: anonymous; the patient (a plan, and one entry of each kind, two events); a clinician the
    /// patient shares with; and accounts kept for the password change and the deletion, so no case spoils the others.
    /// Returns the clients by caller and the patient's account id.
    /// </summary>
    private static async Task<(Dictionary<string, HttpClient> Clients, string PatientId)> CallersAsync(WebApplicationFactory<Program> factory)
    {
        var patient = await SignUpAsync(factory, "corpus@example.org", "patient");
        var clinician = await SignUpAsync(factory, "clinician@example.org", "clinician");
        _ = await SignUpAsync(factory, "login@example.org", "patient");

        await JsonAsync(await patient.Client.PutAsJsonAsync("/api/journal/plan", new { protocol = "standard", start = "2026-11-20" }), HttpStatusCode.Created);
        foreach (var (kind, body) in new (string, object)[]
        {
            ("doses", new { at = "2026-11-29T22:00Z", doseMg = 1.5m }),
            ("checkins", new { at = "2026-11-29T22:00Z", scores = new { pain = 4 } }),
            ("sideeffects", new { kind = "insomnia", from = "2026-11-29T22:00Z" }),
            ("events", new { kind = "flare", at = "2026-11-29T22:00Z" }),
            ("events", new { kind = "other", at = "2026-11-29T23:00Z" }),
            ("medications", new { name = "vitamin d", since = "2026-11-01 08:00" }),
        })
        {
            await JsonAsync(await PostAsync(patient.Client, $"/api/journal/{kind}", body), HttpStatusCode.Created);
        }

        _ = await SharingApiBehaviour.ShareAsync(patient, clinician);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal)
        {
            ["anonymous"] = factory.CreateClient(),
            ["patient"] = patient.Client,
            ["clinician"] = clinician.Client,
            ["password"] = (await SignUpAsync(factory, "password@example.org", "patient")).Client,
            ["delete"] = (await SignUpAsync(factory, "delete@example.org", "patient")).Client,
        };
        return (clients, patient.Id);
    }

    private static async Task<Account> SignUpAsync(WebApplicationFactory<Program> factory, string email, string role)
    {
        var client = factory.CreateClient();
        var created = await JsonAsync(await client.PostAsJsonAsync("/api/account/register", new { email, password = Account.Password, role, timeZone = "Europe/Oslo" }), HttpStatusCode.Created);
        var account = new Account(created["id"]!.GetValue<string>(), email, client);
        await account.SignInAsync();
        return account;
    }

    private static void Count(SortedDictionary<string, int> tally, string key) => tally[key] = tally.GetValueOrDefault(key) + 1;

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex("""[.?!]["')]*$""")]
    private static partial Regex SentenceEnd();

    // A full stop, then a space and a capital: a second sentence ("e.g." and "i.e." are taken out first).
    [GeneratedRegex("""[a-z0-9)"'][.?!] +[A-Z]""")]
    private static partial Regex SecondSentence();

    [GeneratedRegex("""System\.|Exception|PublicKeyToken|`1|\$\.|   at |Nullable|LineNumber|BytePosition""")]
    private static partial Regex Leaks();
}

public sealed class SqliteApiRefusalCorpusTests(ITestOutputHelper output) : ApiRefusalCorpusBehaviour(output)
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresApiRefusalCorpusTests(ITestOutputHelper output) : ApiRefusalCorpusBehaviour(output)
{
    protected override bool Postgres => true;
}
