using System.Net;
using System.Text.Json.Nodes;
using Ldn.Tests.Shared;
using Ldn.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// Issue 13, web side: a journal disk that is full or read-only was a 500 "Something went wrong". On a real
/// 400 KB tmpfs mounted over the journals' folder (root only, as CI runs; skipped otherwise) a dose is answered
/// with problem details and the CLI's sentence — 507 for a full disk (503 when SQLite calls it an I/O error), 503
/// for a read-only one — and what was
/// stored before is all still there, and storing works again once the disk does.
/// </summary>
public sealed class StorageProblemTests : WebBehaviour
{
    protected override bool Postgres => false;

    [Fact]
    public async Task A_full_or_read_only_journal_disk_is_a_problem_in_one_sentence_and_loses_nothing()
    {
        using var host = NewHost();
        _ = host.CreateClient(); // starts the app, which makes the journals' folder
        var journals = Path.Combine(host.Services.GetRequiredService<WebStorage>().Folder!, "journals");
        if (!SmallDisk.Mount(journals, "400k"))
        {
            return; // Not root: mounting a small file system is the only honest way to fill one.
        }

        try
        {
            var patient = await host.SignUpAsync("disk@example.org"); // the journal is made on the small disk
            await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", Dose(28)), HttpStatusCode.Created);
            var filler = SmallDisk.Fill(journals);

            // SQLite says "full" when a write finds no space, and "disk I/O error" when opening cannot make its shared-memory
            // file: 507 and 503, both with a sentence that says the disk may be full, and neither with the server's path.
            var response = await PostAsync(patient.Client, "/api/journal/doses", Dose(29));
            var full = await AssertProblemAsync(response, response.StatusCode == HttpStatusCode.InsufficientStorage ? HttpStatusCode.InsufficientStorage : HttpStatusCode.ServiceUnavailable);
            Assert.Contains(full["detail"]!.GetValue<string>(), new[] { "The disk is full: nothing was written to the journal.", "The journal's disk reported an error (is it full?): nothing was written." });
            Assert.DoesNotContain(journals, full.ToJsonString(), StringComparison.Ordinal);
            File.Delete(filler);
            Assert.Equal(new[] { "2026-11-28" }, await DoseDaysAsync(patient));

            Assert.True(SmallDisk.Remount(journals, readOnly: true));
            response = await PostAsync(patient.Client, "/api/journal/doses", Dose(29));
            Assert.Null(response.Headers.RetryAfter);
            var readOnly = await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            // A write on the read-only disk is "read-only"; opening there fails first (WAL needs its shared-memory file): "cannot be opened".
            Assert.Contains(readOnly["detail"]!.GetValue<string>(), new[] { "The journal is read-only (check the file's and its folder's permissions): nothing was written.", "The journal file cannot be opened (check the path and permissions)." });
            Assert.DoesNotContain(journals, readOnly.ToJsonString(), StringComparison.Ordinal);

            Assert.True(SmallDisk.Remount(journals, readOnly: false));
            Assert.Equal(new[] { "2026-11-28" }, await DoseDaysAsync(patient));
            await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", Dose(29)), HttpStatusCode.Created);
            Assert.Equal(new[] { "2026-11-28", "2026-11-29" }, await DoseDaysAsync(patient));
        }
        finally
        {
            SmallDisk.Unmount(journals);
        }
    }

    private static object Dose(int day) => new { at = $"2026-11-{day}T20:00Z", doseMg = 1.5m, note = new string('n', 1_000), confirm = true };

    /// <summary>The days (UTC) of the journal's doses, oldest first.</summary>
    private static async Task<string[]> DoseDaysAsync(Account patient)
    {
        var journal = await JsonAsync(await patient.Client.GetAsync("/api/journal"), HttpStatusCode.OK);
        return [.. journal["doses"]!.AsArray().Select(d => d!["at"]!.GetValue<string>()[..10]).Order(StringComparer.Ordinal)];
    }
}
