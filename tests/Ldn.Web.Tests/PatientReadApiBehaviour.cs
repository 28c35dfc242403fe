using System.Net;
using System.Text.Json.Nodes;
using Ldn.Core.Journal;
using Ldn.Storage.Tests;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>GET /api/patients/{id}/analysis</c> and <c>…/report</c>: for a clinician with a share, byte for byte the
/// patient's own <c>GET /api/analysis</c> and <c>GET /api/report</c> (with <c>?today=</c> too), each read one
/// audit entry (<c>analysis</c>, <c>report</c>); without a share, after revocation and for a made-up id 404
/// with the one sentence and no audit entry.
/// </summary>
public abstract class PatientReadApiBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task A_clinician_reads_the_same_analysis_and_report_as_the_patient_and_each_read_is_logged_once()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("read-patient@example.org");
        var clinician = await host.SignUpAsync("read-clinician@example.org", role: "clinician");
        using (var store = host.OpenJournal(patient.Id))
        {
            store.Import(DemoJournal.Create(11, new LocalDate(2026, 11, 30), 90, DateTimeZoneProviders.Tzdb["Europe/Oslo"], now: WebHost.Now));
        }

        var share = await SharingApiBehaviour.ShareAsync(patient, clinician);
        foreach (var (route, what, query) in new[] { ("analysis", "analysis", ""), ("analysis", "analysis", "?today=2026-11-20"), ("report", "report", ""), ("report", "report", "?today=yesterday") })
        {
            var own = await patient.Client.GetAsync($"/api/{route}{query}");
            var before = (await AuditAsync(patient)).Count;
            var read = await clinician.Client.GetAsync($"/api/patients/{patient.Id}/{route}{query}");
            var text = await read.Content.ReadAsStringAsync();
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{route}{query}: {(int)read.StatusCode} {text}");
            Assert.Equal(await own.Content.ReadAsStringAsync(), text);
            Assert.Equal(own.Content.Headers.ContentType?.ToString(), read.Content.Headers.ContentType?.ToString());
            Assert.Equal(own.Content.Headers.ContentDisposition?.ToString(), read.Content.Headers.ContentDisposition?.ToString());
            var audit = await AuditAsync(patient);
            Assert.Equal(before + 1, audit.Count);
            Assert.Equal(what, audit[0]!["what"]!.GetValue<string>());
            Assert.Equal(clinician.Email, audit[0]!["by"]!.GetValue<string>());
        }

        var analysis = JsonNode.Parse(await (await clinician.Client.GetAsync($"/api/patients/{patient.Id}/analysis?today=2026-11-20")).Content.ReadAsStringAsync())!;
        Assert.Equal("2026-11-20", analysis["asOf"]!.GetValue<string>());
        await AssertProblemAsync(await clinician.Client.GetAsync($"/api/patients/{patient.Id}/analysis?today=25:00"), HttpStatusCode.BadRequest);

        // Revoked, never shared, made up: the one 404, nothing logged.
        Assert.Equal(HttpStatusCode.NoContent, (await patient.Client.DeleteAsync($"/api/sharing/{share}")).StatusCode);
        var stranger = await host.SignUpAsync("read-stranger@example.org", role: "pharmacist");
        var kept = (await AuditAsync(patient)).Count;
        foreach (var (caller, id) in new[] { (clinician, patient.Id), (stranger, patient.Id), (clinician, "8f84a4e6-641d-4735-b67a-f5116e230341") })
        {
            foreach (var route in new[] { "analysis", "report" })
            {
                var problem = await AssertProblemAsync(await caller.Client.GetAsync($"/api/patients/{id}/{route}"), HttpStatusCode.NotFound);
                Assert.Equal("No patient with this id shares their data with you.", problem["detail"]!.GetValue<string>());
            }
        }

        Assert.Equal(kept, (await AuditAsync(patient)).Count);
        await AssertProblemAsync(await patient.Client.GetAsync($"/api/patients/{patient.Id}/analysis"), HttpStatusCode.Forbidden);
    }

    private static async Task<JsonArray> AuditAsync(Account patient) =>
        (await JsonAsync(await patient.Client.GetAsync("/api/audit"), HttpStatusCode.OK))["entries"]!.AsArray();
}

public sealed class PatientReadApiOnSqlite : PatientReadApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PatientReadApiOnPostgres : PatientReadApiBehaviour
{
    protected override bool Postgres => true;
}
