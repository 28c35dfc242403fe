using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// Walks every route of <c>/openapi/v1.json</c> as anonymous (401 unless the route is meant to be
/// anonymous), as the owner of a journal (2xx), as another patient (never the owner's data: 404/403 on the
/// owner's ids, and the owner's journal unchanged) and as a clinician without a share (403 on journals).
/// A route in the document without a row here fails the test, so no route goes untested.
/// </summary>
public abstract class AuthorisationMatrixBehaviour : WebBehaviour
{
    private const string Secret = "owner-secret-note";

    /// <summary>One row per route: whether anyone may call it, and the request to send (by the caller's email).</summary>
    private static readonly Dictionary<string, Route> Routes = new(StringComparer.Ordinal)
    {
        ["POST /api/account/register"] = new(Anonymous: true, (_, n) => new { email = $"new{n}@example.org", password = Account.Password }),
        ["POST /api/account/login"] = new(Anonymous: true, (email, _) => new { email, password = Account.Password }),
        ["POST /api/account/logout"] = new(Anonymous: false, null, EndsSession: true),
        ["POST /api/account/password"] = new(Anonymous: false, (_, _) => new { currentPassword = Account.Password, newPassword = Account.Password }, EndsSession: true),
        ["POST /api/account/delete"] = new(Anonymous: false, (_, _) => new { password = Account.Password }, EndsSession: true),
        ["GET /api/account/data"] = new(Anonymous: false, null),
        ["GET /api/account/antiforgery"] = new(Anonymous: true, null),
        ["POST /api/account/passkey/creation-options"] = new(Anonymous: false, null),
        // A real WebAuthn credential needs an authenticator (the browser tests have one): here a forged one is refused.
        ["POST /api/account/passkey"] = new(Anonymous: false, (_, _) => new { credential = new { id = "AAAA", rawId = "AAAA", type = "public-key", response = new { } } }, Refused: HttpStatusCode.BadRequest),
        ["POST /api/account/passkey/request-options"] = new(Anonymous: true, (email, _) => new { email }),
        ["POST /api/account/login/passkey"] = new(Anonymous: true, (_, _) => new { credential = new { id = "AAAA", rawId = "AAAA", type = "public-key", response = new { } } }, Refused: HttpStatusCode.BadRequest),
        ["GET /api/journal"] = new(Anonymous: false, null),
        ["GET /api/journal/history"] = new(Anonymous: false, null),
        ["GET /api/advice"] = new(Anonymous: false, null),
        ["GET /api/analysis"] = new(Anonymous: false, null),
        ["GET /api/report"] = new(Anonymous: false, null),
        ["POST /api/simulate"] = new(Anonymous: false, (_, _) => new { dose = "4.5mg", count = 7 }, AnySignedIn: true),
        ["POST /api/plan"] = new(Anonymous: false, (_, _) => new { protocol = "standard", start = "2026-12-01", tz = "Europe/Oslo" }, AnySignedIn: true),
        ["POST /api/journal/doses"] = new(Anonymous: false, (_, _) => new { at = "2026-11-30T23:00Z", doseMg = 2m, confirm = true }),
        ["GET /api/journal/doses/{id}"] = new(Anonymous: false, null),
        ["PUT /api/journal/doses/{id}"] = new(Anonymous: false, (_, _) => new { doseMg = 3m, confirm = true }),
        ["DELETE /api/journal/doses/{id}"] = new(Anonymous: false, null),
        ["POST /api/journal/doses/{id}/restore"] = new(Anonymous: false, null),
        ["POST /api/journal/checkins"] = new(Anonymous: false, (_, _) => new { at = "2026-11-30T23:00Z", scores = new Dictionary<string, int> { ["pain"] = 4, ["Fatigue"] = 6 } }),
        ["GET /api/journal/checkins/{id}"] = new(Anonymous: false, null),
        ["PUT /api/journal/checkins/{id}"] = new(Anonymous: false, (_, _) => new { scores = new { pain = 2 } }),
        ["DELETE /api/journal/checkins/{id}"] = new(Anonymous: false, null),
        ["POST /api/journal/checkins/{id}/restore"] = new(Anonymous: false, null),
        ["POST /api/journal/sideeffects"] = new(Anonymous: false, (_, _) => new { kind = "nightmares", from = "2026-11-30T23:00Z", confirm = true }),
        ["GET /api/journal/sideeffects/{id}"] = new(Anonymous: false, null),
        ["PUT /api/journal/sideeffects/{id}"] = new(Anonymous: false, (_, _) => new { severity = "moderate" }),
        ["DELETE /api/journal/sideeffects/{id}"] = new(Anonymous: false, null),
        ["POST /api/journal/sideeffects/{id}/restore"] = new(Anonymous: false, null),
        ["POST /api/journal/events"] = new(Anonymous: false, (_, _) => new { kind = "flare", at = "2026-11-30T23:00Z" }),
        ["GET /api/journal/events/{id}"] = new(Anonymous: false, null),
        ["PUT /api/journal/events/{id}"] = new(Anonymous: false, (_, _) => new { kind = "infection" }),
        ["DELETE /api/journal/events/{id}"] = new(Anonymous: false, null),
        ["POST /api/journal/events/{id}/restore"] = new(Anonymous: false, null),
        ["POST /api/journal/medications"] = new(Anonymous: false, (_, n) => new { name = $"supplement {n}", since = "2026-11-01 08:00" }),
        ["GET /api/journal/medications/{id}"] = new(Anonymous: false, null),
        ["PUT /api/journal/medications/{id}"] = new(Anonymous: false, (_, _) => new { until = "2026-12-01 08:00" }),
        ["DELETE /api/journal/medications/{id}"] = new(Anonymous: false, null),
        ["POST /api/journal/medications/{id}/restore"] = new(Anonymous: false, null),
        ["GET /api/journal/plan"] = new(Anonymous: false, null),
        ["PUT /api/journal/plan"] = new(Anonymous: false, (_, _) => new { protocol = "standard", start = "2026-12-01" }),
        ["POST /api/journal/plan/adjust"] = new(Anonymous: false, (_, _) => new { action = "move-to-morning" }),
        ["POST /api/calendar/tokens"] = new(Anonymous: false, null),
        ["GET /api/calendar/tokens"] = new(Anonymous: false, null),
        ["DELETE /api/calendar/tokens/{id}"] = new(Anonymous: false, null),
    };

    [StoreFact]
    public async Task Every_route_of_the_OpenAPI_document_answers_each_caller_as_it_should()
    {
        using var host = NewHost();
        var owner = await host.SignUpAsync("owner@example.org");
        var other = await host.SignUpAsync("other@example.org");
        var clinician = await host.SignUpAsync("clinician@example.org", role: "clinician");
        // Ids are per journal and kind: the owner's id 3 of each kind is one the other patient (who makes only their id 1) lacks.
        const long id = 3;
        foreach (var day in new[] { 28, 29, 30 })
        {
            var at = $"2026-11-{day}T22:00Z";
            foreach (var (kind, body) in new (string, object)[]
            {
                ("doses", new { at, doseMg = 1.5m, note = Secret }),
                ("checkins", new { at, scores = new { pain = day - 20 }, note = Secret }),
                ("sideeffects", new { kind = "insomnia", from = at, to = $"2026-11-{day}T23:00Z", note = Secret }),
                ("events", new { kind = "other", at, note = Secret }),
                ("medications", new { name = $"{Secret} {day}", since = at }),
            })
            {
                await JsonAsync(await PostAsync(owner.Client, $"/api/journal/{kind}", body), HttpStatusCode.Created);
            }

            await JsonAsync(await owner.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Created); // the owner's calendar token ids 1–3
        }

        // The other patient has a dose of their own (their id 1), so that the advice has something to work on.
        await JsonAsync(await PostAsync(other.Client, "/api/journal/doses", new { at = "2026-11-29T22:00Z", doseMg = 1.5m }), HttpStatusCode.Created);

        var document = await JsonAsync(await host.CreateClient().GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var routes = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {path.Key}"))
            .ToList();
        Assert.Empty(routes.Except(Routes.Keys));
        Assert.Empty(Routes.Keys.Except(routes));
        var calls = 0;

        // Anonymous: 401 on every route that is not meant to be anonymous.
        var anonymous = host.CreateClient();
        foreach (var route in routes.Where(r => !Routes[r].Anonymous))
        {
            var response = await CallAsync(anonymous, route, "anonymous@example.org", id, calls++);
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }

        // Another patient: the owner's dose is not in their journal; what they read holds none of the owner's data.
        // (Logout last: it ends every session of the account.)
        var ownerBefore = await owner.Client.GetStringAsync("/api/journal");
        foreach (var route in routes.OrderBy(Order))
        {
            var caller = Routes[route].EndsSession ? await SignedInAgainAsync(host, other) : other;
            var response = await CallAsync(caller.Client, route, other.Email, id, calls++);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            if (Routes[route].Refused is { } refused)
            {
                Assert.True(response.StatusCode == refused, $"{route} as another patient: {(int)response.StatusCode} {text}");
            }
            else if (route.Contains("{id}", StringComparison.Ordinal))
            {
                Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{route} as another patient: {(int)response.StatusCode} {text}");
            }
            else
            {
                Assert.True(response.IsSuccessStatusCode, $"{route} as another patient on their own data: {(int)response.StatusCode} {text}");
            }
        }

        Assert.Equal(ownerBefore, await owner.Client.GetStringAsync("/api/journal"));

        // A clinician without a share: no journal of their own and nobody else's; a route for any signed-in account works.
        foreach (var route in routes.Where(r => !r.Contains("/api/account", StringComparison.Ordinal)))
        {
            var response = await CallAsync(clinician.Client, route, clinician.Email, id, calls++);
            if (Routes[route].AnySignedIn)
            {
                Assert.True(response.IsSuccessStatusCode, $"{route} as a clinician: {(int)response.StatusCode}");
            }
            else
            {
                await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            }
        }

        // The owner: every route works on their own journal (in the table's order: edit, delete, then restore).
        foreach (var route in routes.OrderBy(Order))
        {
            var caller = Routes[route].EndsSession ? await SignedInAgainAsync(host, owner) : owner;
            var response = await CallAsync(caller.Client, route, owner.Email, id, calls++);
            Assert.True(Routes[route].Refused is { } refused ? response.StatusCode == refused : response.IsSuccessStatusCode, $"{route} as the owner: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        Assert.True(calls >= 3 * Routes.Count, $"The matrix made {calls} calls.");
    }

    private static int Order(string route) => route switch
    {
        var r when r.StartsWith("DELETE", StringComparison.Ordinal) => 1,
        var r when r.EndsWith("/restore", StringComparison.Ordinal) => 2,
        var r when r.EndsWith("/logout", StringComparison.Ordinal) || r.EndsWith("/api/account/password", StringComparison.Ordinal) => 3,
        var r when r.EndsWith("/api/account/delete", StringComparison.Ordinal) => 4,
        _ => 0,
    };

    private static async Task<Account> SignedInAgainAsync(WebHost host, Account account)
    {
        var fresh = account with { Client = host.CreateClient() };
        await fresh.SignInAsync();
        return fresh;
    }

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string route, string email, long id, int n)
    {
        var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
        var body = Routes[route].Body?.Invoke(email, n);
        var request = new HttpRequestMessage(new HttpMethod(method), template.Replace("{id}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        return client.SendAsync(request);
    }

    // Refused: the status the owner and another patient get when success needs what the matrix cannot make (a WebAuthn authenticator).
    private sealed record Route(bool Anonymous, Func<string, int, object>? Body, bool EndsSession = false, bool AnySignedIn = false, HttpStatusCode? Refused = null);
}

public sealed class SqliteAuthorisationMatrixTests : AuthorisationMatrixBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAuthorisationMatrixTests : AuthorisationMatrixBehaviour
{
    protected override bool Postgres => true;
}
