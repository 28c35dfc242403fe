using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ldn.Storage.Tests;
using Ldn.Web.Accounts;
using Ldn.Web.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// Sharing by consent: invitations (code shown once, stored as SHA-256, single use, expiring), accepting,
/// the clinician's read-only routes, notes, revoking, and the audit log of every read by someone else.
/// A refused read (no active share) answers 404 with one sentence that is the same for an unknown id, a
/// patient never shared and a revoked share, and writes no audit entry.
/// </summary>
public abstract partial class SharingApiBehaviour : WebBehaviour
{
    private const string Secret = "patient-secret-note";
    private const string NotShared = "No patient with this id shares their data with you.";
    private const string At = "2026-12-01T12:00:00+00:00";

    [StoreFact]
    public async Task Invite_accept_read_note_revoke_and_the_audit_log_says_who_read_what_when()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("patient@example.org");
        var clinician = await host.SignUpAsync("doctor@example.org", role: "clinician");
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", new { at = "2026-11-30T21:00Z", doseMg = 1.5m, note = Secret }), HttpStatusCode.Created);

        var invitation = await JsonAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { validHours = 24 }), HttpStatusCode.Created);
        var code = invitation["code"]!.GetValue<string>();
        Assert.Matches(CodePattern(), code);
        Assert.Equal("2026-12-02T12:00:00+00:00", invitation["expires"]!.GetValue<string>());
        Assert.Equal($"http://localhost/sharing/accept?code={code}", invitation["link"]!.GetValue<string>());
        using (var scope = host.Services.CreateScope())
        {
            var stored = Assert.Single(scope.ServiceProvider.GetRequiredService<AccountsDb>().ShareInvitations.AsNoTracking().ToList());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code.Replace("-", "", StringComparison.Ordinal)))), stored.CodeHash);
            Assert.Equal(patient.Id, stored.PatientId);
        }

        var before = await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK);
        Assert.Empty(before["shares"]!.AsArray());
        Assert.Equal(invitation["id"]!.GetValue<long>(), Assert.Single(before["invitations"]!.AsArray())!["id"]!.GetValue<long>());

        // Typed as read aloud: lower case, spaces instead of the dash.
        var typed = code.ToLowerInvariant().Replace("-", "  ", StringComparison.Ordinal);
        var accepted = await JsonAsync(await PostAsync(clinician.Client, "/api/sharing/accept", new { code = typed }), HttpStatusCode.Created);
        Assert.Equal(patient.Id, accepted["patientId"]!.GetValue<string>());
        Assert.Equal("patient@example.org", accepted["name"]!.GetValue<string>());
        Assert.Equal(At, accepted["since"]!.GetValue<string>());

        var shares = await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK);
        var share = Assert.Single(shares["shares"]!.AsArray())!;
        Assert.Equal(accepted["id"]!.GetValue<long>(), share["id"]!.GetValue<long>());
        Assert.Equal("doctor@example.org", share["grantee"]!.GetValue<string>());
        Assert.Equal("clinician", share["role"]!.GetValue<string>());
        Assert.Equal(At, share["since"]!.GetValue<string>());
        Assert.Empty(shares["invitations"]!.AsArray());

        var patients = await JsonAsync(await clinician.Client.GetAsync("/api/patients"), HttpStatusCode.OK);
        var listed = Assert.Single(patients["patients"]!.AsArray())!;
        Assert.Equal(patient.Id, listed["id"]!.GetValue<string>());
        Assert.Equal("patient@example.org", listed["name"]!.GetValue<string>());
        Assert.Empty((await AuditAsync(patient)).AsArray());

        // The clinician reads the same journal document the patient reads, and the advice.
        var journal = await clinician.Client.GetStringAsync($"/api/patients/{patient.Id}/journal");
        Assert.Contains(Secret, journal, StringComparison.Ordinal);
        Assert.Equal(await patient.Client.GetStringAsync("/api/journal"), journal);
        Assert.Equal(await patient.Client.GetStringAsync("/api/advice"), await clinician.Client.GetStringAsync($"/api/patients/{patient.Id}/advice"));

        const string text = "Ça va ? Keep 1.5 mg for a week 🙂\nThen 3 mg.";
        var note = await JsonAsync(await PostAsync(clinician.Client, $"/api/patients/{patient.Id}/notes", new { text }), HttpStatusCode.Created);
        Assert.Equal(text, note["text"]!.GetValue<string>());
        var notes = await JsonAsync(await clinician.Client.GetAsync($"/api/patients/{patient.Id}/notes"), HttpStatusCode.OK);
        Assert.Equal(text, Assert.Single(notes["notes"]!.AsArray())!["text"]!.GetValue<string>());
        var mine = await JsonAsync(await patient.Client.GetAsync("/api/notes"), HttpStatusCode.OK);
        var received = Assert.Single(mine["notes"]!.AsArray())!;
        Assert.Equal(text, received["text"]!.GetValue<string>());
        Assert.Equal("doctor@example.org", received["by"]!.GetValue<string>());
        Assert.Equal("clinician", received["role"]!.GetValue<string>());
        Assert.Equal(At, received["at"]!.GetValue<string>());

        // Every read, newest first, with who and when; writing the note is not a read.
        var audit = (await AuditAsync(patient)).AsArray();
        Assert.Equal(["notes", "advice", "journal"], audit.Select(e => e!["what"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal("doctor@example.org", e!["by"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal("clinician", e!["role"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(At, e!["at"]!.GetValue<string>()));

        // Read-only: the patient's own routes stay closed to the clinician.
        await AssertProblemAsync(await PostAsync(clinician.Client, "/api/journal/doses", new { at = "2026-11-30T22:00Z", doseMg = 3m, confirm = true }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await clinician.Client.GetAsync("/api/journal"), HttpStatusCode.Forbidden);
        Assert.Equal(journal, await patient.Client.GetStringAsync("/api/journal"));

        // Revoked: the next read is 404 with the sentence of an unknown id, and the audit log is kept as it was.
        var shareId = share["id"]!.GetValue<long>();
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.DeleteAsync($"/api/sharing/{shareId}")).StatusCode);
        Assert.Equal(NotShared, (await AssertProblemAsync(await clinician.Client.GetAsync($"/api/patients/{patient.Id}/journal"), HttpStatusCode.NotFound))["detail"]!.GetValue<string>());
        Assert.Equal(NotShared, (await AssertProblemAsync(await clinician.Client.GetAsync($"/api/patients/{Guid.NewGuid()}/journal"), HttpStatusCode.NotFound))["detail"]!.GetValue<string>());
        await AssertProblemAsync(await PostAsync(clinician.Client, $"/api/patients/{patient.Id}/notes", new { text = "after" }), HttpStatusCode.NotFound);
        Assert.Empty((await JsonAsync(await clinician.Client.GetAsync("/api/patients"), HttpStatusCode.OK))["patients"]!.AsArray());
        Assert.Empty((await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["shares"]!.AsArray());
        Assert.Equal(3, (await AuditAsync(patient)).AsArray().Count);
        Assert.Single((await JsonAsync(await patient.Client.GetAsync("/api/notes"), HttpStatusCode.OK))["notes"]!.AsArray());
        await AssertProblemAsync(await patient.Client.DeleteAsync($"/api/sharing/{shareId}"), HttpStatusCode.NotFound);
    }

    [StoreFact]
    public async Task An_invitation_expires_after_its_hours_with_the_sentence_of_an_unknown_code()
    {
        var clock = new SharingClock(WebHost.Now);
        using var host = NewHost();
        var patientAccount = await host.SignUpAsync("expiring@example.org");
        var clinicianAccount = await host.SignUpAsync("late@example.org", role: "clinician");
        using var server = clock.Serve(host);
        var patient = await SharingClock.OnAsync(server, patientAccount);
        var clinician = await SharingClock.OnAsync(server, clinicianAccount);
        var unknown = (await AssertProblemAsync(await PostAsync(clinician.Client, "/api/sharing/accept", new { code = "ZZZZZ-ZZZZZ" }), HttpStatusCode.NotFound))["detail"]!.GetValue<string>();

        var hour = await JsonAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { validHours = 1 }), HttpStatusCode.Created);
        var standard = await JsonAsync(await patient.Client.PostAsync("/api/sharing/invitations", null), HttpStatusCode.Created);
        Assert.Equal("2026-12-04T12:00:00+00:00", standard["expires"]!.GetValue<string>());
        var longest = await JsonAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { validHours = 720 }), HttpStatusCode.Created);
        Assert.Equal("2026-12-31T12:00:00+00:00", longest["expires"]!.GetValue<string>());

        clock.Now = WebHost.Now + Duration.FromHours(1);
        var expired = await AssertProblemAsync(await PostAsync(clinician.Client, "/api/sharing/accept", new { code = hour["code"]!.GetValue<string>() }), HttpStatusCode.NotFound);
        Assert.Equal(unknown, expired["detail"]!.GetValue<string>());
        var open = (await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["invitations"]!.AsArray();
        Assert.Equal([standard["id"]!.GetValue<long>(), longest["id"]!.GetValue<long>()], open.Select(i => i!["id"]!.GetValue<long>()));

        clock.Now = WebHost.Now + Duration.FromHours(72);
        await AssertProblemAsync(await PostAsync(clinician.Client, "/api/sharing/accept", new { code = standard["code"]!.GetValue<string>() }), HttpStatusCode.NotFound);
        clock.Now = WebHost.Now + Duration.FromHours(720) - Duration.FromMinutes(1);
        _ = await JsonAsync(await PostAsync(clinician.Client, "/api/sharing/accept", new { code = longest["code"]!.GetValue<string>() }), HttpStatusCode.Created);
        Assert.Single((await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["shares"]!.AsArray());

        foreach (var hours in new[] { 0, -5, 721, 100000 })
        {
            var problem = await AssertProblemAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { validHours = hours }), HttpStatusCode.BadRequest);
            Assert.Contains("from 1 to 720", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public async Task A_code_is_used_once_a_second_acceptance_is_refused_and_a_patient_cannot_accept()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("once@example.org");
        var other = await host.SignUpAsync("other-patient@example.org");
        var first = await host.SignUpAsync("first@example.org", role: "clinician");
        var second = await host.SignUpAsync("second@example.org", role: "pharmacist");
        var unknown = (await AssertProblemAsync(await PostAsync(second.Client, "/api/sharing/accept", new { code = "ZZZZZ-ZZZZZ" }), HttpStatusCode.NotFound))["detail"]!.GetValue<string>();
        var code = (await JsonAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { }), HttpStatusCode.Created))["code"]!.GetValue<string>();

        var refused = await AssertProblemAsync(await PostAsync(patient.Client, "/api/sharing/accept", new { code }), HttpStatusCode.Forbidden);
        Assert.Contains("clinician or a pharmacist", refused["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertProblemAsync(await PostAsync(other.Client, "/api/sharing/accept", new { code }), HttpStatusCode.Forbidden);

        _ = await JsonAsync(await PostAsync(first.Client, "/api/sharing/accept", new { code }), HttpStatusCode.Created);
        var twice = await AssertProblemAsync(await PostAsync(first.Client, "/api/sharing/accept", new { code }), HttpStatusCode.Conflict);
        Assert.Equal("You have already accepted this invitation.", twice["detail"]!.GetValue<string>());
        var used = await AssertProblemAsync(await PostAsync(second.Client, "/api/sharing/accept", new { code }), HttpStatusCode.NotFound);
        Assert.Equal(unknown, used["detail"]!.GetValue<string>());

        // A new code for someone who already has access is refused and stays open for another.
        var again = (await JsonAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { validHours = 2 }), HttpStatusCode.Created))["code"]!.GetValue<string>();
        var already = await AssertProblemAsync(await PostAsync(first.Client, "/api/sharing/accept", new { code = again }), HttpStatusCode.Conflict);
        Assert.Contains("already have access", already["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single((await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["invitations"]!.AsArray());
        _ = await JsonAsync(await PostAsync(second.Client, "/api/sharing/accept", new { code = again }), HttpStatusCode.Created);

        var shares = (await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["shares"]!.AsArray();
        Assert.Equal(["first@example.org", "second@example.org"], shares.Select(s => s!["grantee"]!.GetValue<string>()));
        Assert.Equal(["clinician", "pharmacist"], shares.Select(s => s!["role"]!.GetValue<string>()));
        Assert.Empty((await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["invitations"]!.AsArray());
        Assert.Empty((await JsonAsync(await other.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["shares"]!.AsArray());
    }

    [StoreFact]
    public async Task A_clinician_without_a_share_gets_404_that_reveals_nothing_and_no_audit_entry_is_written()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("shared@example.org");
        var unshared = await host.SignUpAsync("unshared@example.org");
        var clinician = await host.SignUpAsync("treating@example.org", role: "clinician");
        var stranger = await host.SignUpAsync("stranger@example.org", role: "clinician");
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", new { at = "2026-11-30T21:00Z", doseMg = 1.5m, note = Secret }), HttpStatusCode.Created);
        _ = await ShareAsync(patient, clinician);
        _ = await JsonAsync(await clinician.Client.GetAsync($"/api/patients/{patient.Id}/journal"), HttpStatusCode.OK);
        var audit = (await AuditAsync(patient)).ToJsonString();

        // Another clinician's patient, a patient who shares with nobody, an unknown id, an id that is no id: one answer.
        foreach (var (caller, id) in new[] { (stranger, patient.Id), (clinician, unshared.Id), (stranger, Guid.NewGuid().ToString()), (stranger, "not-an-id"), (stranger, "..%2F..%2Faccounts") })
        {
            foreach (var what in new[] { "journal", "advice", "notes" })
            {
                var problem = await AssertProblemAsync(await caller.Client.GetAsync($"/api/patients/{id}/{what}"), HttpStatusCode.NotFound);
                Assert.Equal(NotShared, problem["detail"]!.GetValue<string>());
                Assert.DoesNotContain(Secret, problem.ToJsonString(), StringComparison.Ordinal);
            }

            await AssertProblemAsync(await PostAsync(caller.Client, $"/api/patients/{id}/notes", new { text = "hello" }), HttpStatusCode.NotFound);
        }

        Assert.Empty((await JsonAsync(await stranger.Client.GetAsync("/api/patients"), HttpStatusCode.OK))["patients"]!.AsArray());
        Assert.Equal(audit, (await AuditAsync(patient)).ToJsonString());
        Assert.Empty((await AuditAsync(unshared)).AsArray());
        Assert.Empty((await JsonAsync(await patient.Client.GetAsync("/api/notes"), HttpStatusCode.OK))["notes"]!.AsArray());
        Assert.Empty((await JsonAsync(await unshared.Client.GetAsync("/api/notes"), HttpStatusCode.OK))["notes"]!.AsArray());

        // A patient may not use the clinician's routes, not even on their own id; nor revoke another patient's share.
        await AssertProblemAsync(await patient.Client.GetAsync($"/api/patients/{patient.Id}/journal"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await patient.Client.GetAsync("/api/patients"), HttpStatusCode.Forbidden);
        var shareId = (await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["shares"]![0]!["id"]!.GetValue<long>();
        await AssertProblemAsync(await unshared.Client.DeleteAsync($"/api/sharing/{shareId}"), HttpStatusCode.NotFound);
        _ = await JsonAsync(await clinician.Client.GetAsync($"/api/patients/{patient.Id}/journal"), HttpStatusCode.OK);
    }

    [StoreFact]
    public async Task Bad_input_is_a_4xx_with_one_sentence_and_changes_nothing()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("bad-input@example.org");
        var clinician = await host.SignUpAsync("careful@example.org", role: "clinician");
        _ = await ShareAsync(patient, clinician);
        var notes = $"/api/patients/{patient.Id}/notes";
        var megabyte = new string('x', 1024 * 1024);

        var requests = new (string Url, HttpContent? Body, HttpStatusCode Status, Account Caller)[]
        {
            ("/api/sharing/accept", null, HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", Json("{}"), HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", Json("{\"code\":\"\"}"), HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", Json("{\"code\":\"12345\"}"), HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", Json("{\"code\":\"ÆØÅÆØ-ÆØÅÆØ\"}"), HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", Json("{\"code\":\"ABCDE-FGHJK-M\"}"), HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", Json($"{{\"code\":\"{megabyte}\"}}"), HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", Json("{\"code\":5}"), HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", Json("{\"code\":"), HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", Json("{\"code\":\"ZZZZZ-ZZZZZ\",\"patient\":\"me\"}"), HttpStatusCode.BadRequest, clinician),
            ("/api/sharing/accept", new StringContent("ZZZZZ-ZZZZZ", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, clinician),
            ("/api/sharing/invitations", Json("{\"validHours\":\"lots\"}"), HttpStatusCode.BadRequest, patient),
            ("/api/sharing/invitations", Json("{\"validHours\":1.5}"), HttpStatusCode.BadRequest, patient),
            ("/api/sharing/invitations", Json("{\"validHours\":1e12}"), HttpStatusCode.BadRequest, patient),
            ("/api/sharing/invitations", Json("[]"), HttpStatusCode.BadRequest, patient),
            ("/api/sharing/invitations", new StringContent("72", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, patient),
            (notes, null, HttpStatusCode.BadRequest, clinician),
            (notes, Json("{}"), HttpStatusCode.BadRequest, clinician),
            (notes, Json("{\"text\":\"   \"}"), HttpStatusCode.BadRequest, clinician),
            (notes, Json($"{{\"text\":\"{megabyte}\"}}"), HttpStatusCode.BadRequest, clinician),
            (notes, Json($"{{\"text\":\"{new string('é', 4001)}\"}}"), HttpStatusCode.BadRequest, clinician),
            (notes, Json("{\"text\":\"a\\u0000b\"}"), HttpStatusCode.BadRequest, clinician),
            (notes, Json("{\"text\":\"bell\\u0007\"}"), HttpStatusCode.BadRequest, clinician),
            (notes, Json("{\"text\":\"half \\ud83d surrogate\"}"), HttpStatusCode.BadRequest, clinician),
            (notes, Json("{\"text\":[\"a\"]}"), HttpStatusCode.BadRequest, clinician),
            (notes, new StringContent("hello", Encoding.UTF8, "text/plain"), HttpStatusCode.UnsupportedMediaType, clinician),
        };
        foreach (var (url, body, status, caller) in requests)
        {
            var problem = await AssertProblemAsync(await caller.Client.PostAsync(url, body), status);
            // A 415 is answered by the framework before the route runs: its title says it (as for the journal routes).
            var detail = problem[status == HttpStatusCode.UnsupportedMediaType ? "title" : "detail"]?.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(detail), $"{url} {body?.Headers.ContentType}: {problem.ToJsonString()}");
            Assert.True(detail.Length < 200, $"{url}: {detail}");
        }

        Assert.Contains("at most 4000", (await AssertProblemAsync(await PostAsync(clinician.Client, notes, new { text = megabyte }), HttpStatusCode.BadRequest))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertProblemAsync(await patient.Client.DeleteAsync("/api/sharing/999999"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await patient.Client.DeleteAsync("/api/sharing/invitations/999999"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Client.DeleteAsync("/api/sharing/abc")).StatusCode);

        // Nothing was stored by the refusals: one share, no invitation open, no note.
        var sharing = await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK);
        Assert.Single(sharing["shares"]!.AsArray());
        Assert.Empty(sharing["invitations"]!.AsArray());
        Assert.Empty((await JsonAsync(await patient.Client.GetAsync("/api/notes"), HttpStatusCode.OK))["notes"]!.AsArray());

        // Unicode, the longest note and line breaks are kept as written.
        foreach (var text in new[] { "日本語のメモ 🙂 naïve café", new string('é', 4000), "line one\r\n\tline two" })
        {
            var stored = await JsonAsync(await PostAsync(clinician.Client, notes, new { text }), HttpStatusCode.Created);
            Assert.Equal(text, stored["text"]!.GetValue<string>());
        }

        Assert.Equal(3, (await JsonAsync(await patient.Client.GetAsync("/api/notes"), HttpStatusCode.OK))["notes"]!.AsArray().Count);
    }

    [StoreFact]
    public async Task Removing_an_account_deletes_its_sharing_and_keeps_its_reads_in_other_patients_logs()
    {
        using var host = NewHost();
        var leaving = await host.SignUpAsync("leaving@example.org");
        var staying = await host.SignUpAsync("staying@example.org");
        var clinician = await host.SignUpAsync("both@example.org", role: "clinician");
        foreach (var patient in new[] { leaving, staying })
        {
            _ = await ShareAsync(patient, clinician);
            _ = await JsonAsync(await clinician.Client.GetAsync($"/api/patients/{patient.Id}/journal"), HttpStatusCode.OK);
            _ = await JsonAsync(await PostAsync(clinician.Client, $"/api/patients/{patient.Id}/notes", new { text = "see you" }), HttpStatusCode.Created);
            _ = await JsonAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { }), HttpStatusCode.Created);
        }

        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SharedJournals>().RemoveAllFor(leaving.Id);
            var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
            Assert.False(db.ShareInvitations.Any(i => i.PatientId == leaving.Id));
            Assert.False(db.Shares.Any(s => s.PatientId == leaving.Id));
            Assert.False(db.PatientNotes.Any(n => n.PatientId == leaving.Id));
            Assert.False(db.AuditEntries.Any(a => a.PatientId == leaving.Id));
            Assert.Equal(2, db.ShareInvitations.Count(i => i.PatientId == staying.Id));
        }

        var patients = (await JsonAsync(await clinician.Client.GetAsync("/api/patients"), HttpStatusCode.OK))["patients"]!.AsArray();
        Assert.Equal([staying.Id], patients.Select(p => p!["id"]!.GetValue<string>()));

        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<SharedJournals>().RemoveAllFor(clinician.Id);
        }

        Assert.Empty((await JsonAsync(await staying.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["shares"]!.AsArray());
        Assert.Equal("both@example.org", Assert.Single((await AuditAsync(staying)).AsArray())!["by"]!.GetValue<string>());
        Assert.Equal("see you", Assert.Single((await JsonAsync(await staying.Client.GetAsync("/api/notes"), HttpStatusCode.OK))["notes"]!.AsArray())!["text"]!.GetValue<string>());
        await AssertProblemAsync(await clinician.Client.GetAsync($"/api/patients/{staying.Id}/journal"), HttpStatusCode.NotFound);
    }

    [StoreFact]
    public async Task A_database_made_before_sharing_gets_its_tables_at_the_next_start_and_keeps_its_accounts()
    {
        using var host = NewHost();
        var patientAccount = await host.SignUpAsync("early@example.org");
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDb>();
            foreach (var table in new[] { "ShareInvitations", "Shares", "AuditEntries", "PatientNotes" })
            {
#pragma warning disable EF1002 // Fixed table names of the test.
                db.Database.ExecuteSqlRaw($"DROP TABLE \"{table}\"");
#pragma warning restore EF1002
            }
        }

        using var restarted = new SharingClock(WebHost.Now).Serve(host);
        var patient = await SharingClock.OnAsync(restarted, patientAccount);
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { }), HttpStatusCode.Created);
        Assert.Single((await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["invitations"]!.AsArray());
    }

    /// <summary>The patient invites, the grantee accepts; returns the share's id.</summary>
    internal static async Task<long> ShareAsync(Account patient, Account grantee)
    {
        ArgumentNullException.ThrowIfNull(patient);
        ArgumentNullException.ThrowIfNull(grantee);
        var code = (await JsonAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { }), HttpStatusCode.Created))["code"]!.GetValue<string>();
        return (await JsonAsync(await PostAsync(grantee.Client, "/api/sharing/accept", new { code }), HttpStatusCode.Created))["id"]!.GetValue<long>();
    }

    private static async Task<JsonNode> AuditAsync(Account patient) =>
        (await JsonAsync(await patient.Client.GetAsync("/api/audit"), HttpStatusCode.OK))["entries"]!;

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$")]
    private static partial Regex CodePattern();
}

public sealed class SqliteSharingApiTests : SharingApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresSharingApiTests : SharingApiBehaviour
{
    protected override bool Postgres => true;
}
