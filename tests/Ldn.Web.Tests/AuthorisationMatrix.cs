using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// Walks every route of <c>/openapi/v1.json</c> as each caller of issue 11: anonymous (401 unless the route
/// is meant to be anonymous), another patient (never the owner's data: 404/403 on the owner's ids, the
/// owner's journal unchanged), a clinician without a share and a clinician whose share was revoked (403 on
/// patients' own routes, 404 with one sentence on the owner's id, no audit entry written), a clinician with a
/// share (403 on the patient's own routes, read-only access through <c>/api/patients/{id}/…</c>, each read in
/// the owner's audit log), the owner (2xx on their own routes, 403 on the clinicians'), and the clinician
/// again after the owner revoked the share (404). A route in the document without a row here fails the test,
/// so no route goes untested.
/// </summary>
public abstract class AuthorisationMatrixBehaviour : WebBehaviour
{
    private const string Secret = "owner-secret-note";

    private const string DeleteAccount = "POST /api/account/delete";

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
        ["POST /api/account/passkey"] = new(Anonymous: false, (_, _) => new { credential = new { id = "AAAA", rawId = "AAAA", type = "public-key", response = new { } } }, OwnerRefused: HttpStatusCode.BadRequest),
        ["POST /api/account/passkey/request-options"] = new(Anonymous: true, (email, _) => new { email }),
        ["POST /api/account/login/passkey"] = new(Anonymous: true, (_, _) => new { credential = new { id = "AAAA", rawId = "AAAA", type = "public-key", response = new { } } }, OwnerRefused: HttpStatusCode.BadRequest),
        ["GET /api/account/passkeys"] = new(Anonymous: false, null),
        // The matrix's accounts have no passkey, so {id} is nobody's: 404 for everyone (another account's real passkey is AccountPasskeyListBehaviour's).
        ["PATCH /api/account/passkeys/{id}"] = new(Anonymous: false, (_, _) => new { name = "phone" }, OwnerRefused: HttpStatusCode.NotFound),
        ["DELETE /api/account/passkeys/{id}"] = new(Anonymous: false, null, OwnerRefused: HttpStatusCode.NotFound),
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
        ["GET /api/journal/scales"] = new(Anonymous: false, null),
        ["POST /api/journal/scales"] = new(Anonymous: false, (_, n) => new { name = $"scale {n}", higherIsWorse = true }),
        ["GET /api/journal/plan"] = new(Anonymous: false, null),
        ["PUT /api/journal/plan"] = new(Anonymous: false, (_, _) => new { protocol = "standard", start = "2026-12-01" }),
        ["POST /api/journal/plan/adjust"] = new(Anonymous: false, (_, _) => new { action = "move-to-morning" }),
        ["POST /api/calendar/tokens"] = new(Anonymous: false, null),
        ["GET /api/calendar/tokens"] = new(Anonymous: false, null),
        ["DELETE /api/calendar/tokens/{id}"] = new(Anonymous: false, null),
        ["POST /api/sharing/invitations"] = new(Anonymous: false, (_, _) => new { validHours = 24 }),
        ["DELETE /api/sharing/invitations/{id}"] = new(Anonymous: false, null),
        ["GET /api/sharing"] = new(Anonymous: false, null),
        ["DELETE /api/sharing/{id}"] = new(Anonymous: false, null),
        ["GET /api/audit"] = new(Anonymous: false, null),
        ["GET /api/notes"] = new(Anonymous: false, null),
        // A code that is nobody's: every clinician gets the one 404 of an unknown code (accepting for real is the set-up's).
        ["POST /api/sharing/accept"] = new(Anonymous: false, (_, _) => new { code = "ZZZZZ-ZZZZZ" }, Grantee: true, Refused: HttpStatusCode.NotFound),
        ["GET /api/patients"] = new(Anonymous: false, null, Grantee: true),
        ["GET /api/patients/{id}/journal"] = new(Anonymous: false, null, Grantee: true),
        ["GET /api/patients/{id}/advice"] = new(Anonymous: false, null, Grantee: true),
        ["GET /api/patients/{id}/analysis"] = new(Anonymous: false, null, Grantee: true),
        ["GET /api/patients/{id}/report"] = new(Anonymous: false, null, Grantee: true),
        ["GET /api/patients/{id}/notes"] = new(Anonymous: false, null, Grantee: true),
        ["POST /api/patients/{id}/notes"] = new(Anonymous: false, (_, n) => new { text = $"note {n}" }, Grantee: true),
    };

    [StoreFact]
    public async Task Every_route_of_the_OpenAPI_document_answers_each_caller_as_it_should()
    {
        using var host = NewHost();
        var owner = await host.SignUpAsync("owner@example.org");
        var other = await host.SignUpAsync("other@example.org");
        var shared = await host.SignUpAsync("clinician@example.org", role: "clinician");
        var unshared = await host.SignUpAsync("unshared@example.org", role: "clinician");
        var revoked = await host.SignUpAsync("revoked@example.org", role: "clinician");
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
        }

        for (var token = 0; token < 3; token++)
        {
            await JsonAsync(await owner.Client.PostAsync("/api/calendar/tokens", null), HttpStatusCode.Created); // the owner's calendar token ids 1–3
        }

        // The other patient has a dose of their own (their id 1), so that the advice has something to work on.
        await JsonAsync(await PostAsync(other.Client, "/api/journal/doses", new { at = "2026-11-29T22:00Z", doseMg = 1.5m }), HttpStatusCode.Created);

        // The owner shares with two clinicians, revokes one share at once, and keeps one invitation open.
        var shareId = await SharingApiBehaviour.ShareAsync(owner, shared);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/sharing/{await SharingApiBehaviour.ShareAsync(owner, revoked)}")).StatusCode);
        var invitationId = (await JsonAsync(await PostAsync(owner.Client, "/api/sharing/invitations", new { }), HttpStatusCode.Created))["id"]!.GetValue<long>();
        var ids = new Ids(owner.Id, shareId, invitationId);

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
            var response = await CallAsync(anonymous, route, "anonymous@example.org", ids, calls++);
            await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        }

        // Another patient: the owner's ids are not in their journal or sharing; what they read holds none of the owner's data.
        // (Logout last: it ends every session of the account.)
        var ownerBefore = await owner.Client.GetStringAsync("/api/journal");
        foreach (var route in routes.OrderBy(Order))
        {
            var caller = Routes[route].EndsSession ? await SignedInAgainAsync(host, other) : other;
            var response = await CallAsync(caller.Client, route, other.Email, ids, calls++);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
            if (Routes[route].OwnerRefused is { } ownerRefused)
            {
                Assert.True(response.StatusCode == ownerRefused, $"{route} as another patient: {(int)response.StatusCode} {text}");
            }
            else if (Routes[route].Grantee)
            {
                await AssertProblemAsync(response, HttpStatusCode.Forbidden);
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

        // Clinicians without a share and with a revoked one: 404 on the owner's id, nothing of the owner's, no audit entry.
        var audit = await AuditCountAsync(owner);
        foreach (var clinician in new[] { unshared, revoked })
        {
            calls += await CallAsClinicianAsync(clinician, owner, ids, calls, hasShare: false);
        }

        Assert.Equal(audit, await AuditCountAsync(owner));

        // The clinician with a share: the patient's own routes are still 403; every read through /api/patients is audited.
        calls += await CallAsClinicianAsync(shared, owner, ids, calls, hasShare: true);
        var reads = routes.Count(r => Routes[r].Grantee && r.StartsWith("GET /api/patients/{id}/", StringComparison.Ordinal));
        Assert.Equal(audit + reads, await AuditCountAsync(owner));
        Assert.True(reads >= 3, $"{reads} audited reads");

        // The owner: every route of theirs works on their own data (in the table's order: edit, delete, then restore);
        // DELETE /api/sharing/{id} revokes the clinician's share.
        foreach (var route in routes.Where(r => r != DeleteAccount).OrderBy(Order))
        {
            var caller = Routes[route].EndsSession ? await SignedInAgainAsync(host, owner) : owner;
            var response = await CallAsync(caller.Client, route, owner.Email, ids, calls++);
            if (Routes[route].OwnerRefused is { } ownerRefused)
            {
                Assert.True(response.StatusCode == ownerRefused, $"{route} as the owner: {(int)response.StatusCode}");
            }
            else if (Routes[route].Grantee)
            {
                await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            }
            else
            {
                Assert.True(response.IsSuccessStatusCode, $"{route} as the owner: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }

        // After the revocation the clinician's next requests are 404, and the audit log keeps what was read.
        var kept = await AuditCountAsync(await SignedInAgainAsync(host, owner));
        Assert.Equal(audit + reads, kept);
        calls += await CallAsClinicianAsync(shared, owner, ids, calls, hasShare: false);
        Assert.Equal(kept, await AuditCountAsync(await SignedInAgainAsync(host, owner)));

        // Last, the owner deletes the account: every session of it ends.
        var last = await SignedInAgainAsync(host, owner);
        Assert.Equal(HttpStatusCode.NoContent, (await CallAsync(last.Client, DeleteAccount, owner.Email, ids, calls++)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await last.Client.GetAsync("/api/journal")).StatusCode);

        Assert.True(calls >= 6 * Routes.Count, $"The matrix made {calls} calls for {Routes.Count} routes.");
    }

    /// <summary>
    /// Every route but the account's as a clinician: 403 on a patient's own routes, 2xx on routes for any
    /// signed-in account; on the clinicians' routes 2xx with a share, and without one 404 with the one sentence
    /// on the owner's id and nothing of the owner's anywhere. Returns the number of calls made.
    /// </summary>
    private static async Task<int> CallAsClinicianAsync(Account clinician, Account owner, Ids ids, int n, bool hasShare)
    {
        var calls = 0;
        foreach (var route in Routes.Keys.Where(r => !r.Contains("/api/account", StringComparison.Ordinal)))
        {
            var response = await CallAsync(clinician.Client, route, clinician.Email, ids, n + calls++);
            var text = await response.Content.ReadAsStringAsync();
            var row = Routes[route];
            var where = $"{route} as {clinician.Email} ({(hasShare ? "share" : "no share")}): {(int)response.StatusCode} {text}";
            if (row.AnySignedIn)
            {
                Assert.True(response.IsSuccessStatusCode, where);
            }
            else if (!row.Grantee)
            {
                await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            }
            else if (row.Refused is { } refused)
            {
                await AssertProblemAsync(response, refused);
            }
            else if (hasShare)
            {
                Assert.True(response.IsSuccessStatusCode, where);
                if (route == "GET /api/patients/{id}/journal")
                {
                    Assert.Contains(Secret, text, StringComparison.Ordinal);
                }
            }
            else if (route.Contains("{id}", StringComparison.Ordinal))
            {
                var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
                Assert.Equal("No patient with this id shares their data with you.", problem["detail"]!.GetValue<string>());
            }
            else
            {
                Assert.True(response.IsSuccessStatusCode, where);
            }

            if (!hasShare)
            {
                Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
                Assert.DoesNotContain(owner.Email, text, StringComparison.Ordinal);
                Assert.DoesNotContain(owner.Id, text, StringComparison.Ordinal);
            }
        }

        return calls;
    }

    private static async Task<int> AuditCountAsync(Account patient) =>
        (await JsonAsync(await patient.Client.GetAsync("/api/audit"), HttpStatusCode.OK))["entries"]!.AsArray().Count;

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

    private static Task<HttpResponseMessage> CallAsync(HttpClient client, string route, string email, Ids ids, int n)
    {
        var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
        var body = Routes[route].Body?.Invoke(email, n);
        var request = new HttpRequestMessage(new HttpMethod(method), template.Replace("{id}", ids.For(template), StringComparison.Ordinal))
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        return client.SendAsync(request);
    }

    /// <summary>
    /// A row: whether anyone may call the route, the body to send (by the caller's email and a call number),
    /// whether it ends the session, whether any signed-in account may call it, whether it is a clinician's or
    /// pharmacist's route (<c>Grantee</c>: patients get 403), what every clinician gets when not 2xx (<c>Refused</c>), and what the owner and another patient get where success needs what the matrix cannot make, a WebAuthn authenticator (<c>OwnerRefused</c>).
    /// </summary>
    private sealed record Route(bool Anonymous, Func<string, int, object>? Body, bool EndsSession = false, bool AnySignedIn = false, bool Grantee = false, HttpStatusCode? Refused = null, HttpStatusCode? OwnerRefused = null);

    /// <summary>The owner's ids that <c>{id}</c> stands for: a patient's account id, a share, an invitation, else an entry id (3).</summary>
    private sealed record Ids(string Patient, long Share, long Invitation)
    {
        // Ids are per journal and kind: the owner's id 3 of each kind is one the other patient (who makes only their id 1) lacks.
        private const long Entry = 3;

        public string For(string template) => template switch
        {
            var t when t.StartsWith("/api/patients/{id}", StringComparison.Ordinal) => Patient,
            var t when t.StartsWith("/api/sharing/invitations/{id}", StringComparison.Ordinal) => Invitation.ToString(System.Globalization.CultureInfo.InvariantCulture),
            var t when t.StartsWith("/api/sharing/{id}", StringComparison.Ordinal) => Share.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => Entry.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
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
