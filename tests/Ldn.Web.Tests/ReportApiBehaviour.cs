using System.Net;
using System.Text.RegularExpressions;
using Ldn.Core.Journal;
using Ldn.Reports;
using Ldn.Storage.Tests;
using Ldn.Web.Hosting;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>GET /api/report</c> (the standalone page of <c>ldn report</c>, from the one <see cref="JournalReport"/>),
/// the embeddable report for the Report page, and the report's assets served as files.
/// </summary>
public abstract partial class ReportApiBehaviour : WebBehaviour
{
    private static readonly LocalDate Today = new(2026, 12, 1);

    [StoreFact]
    public async Task The_downloaded_report_is_the_CLI_report_of_the_same_journal()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("report@example.org");
        using (var store = host.OpenJournal(patient.Id))
        {
            store.Import(DemoJournal.Create(42, Today.PlusDays(-1), 120, DateTimeZoneProviders.Tzdb["Europe/Oslo"], now: WebHost.Now));
        }

        var response = await patient.Client.GetAsync("/api/report");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("ldn-report-2026-12-01.html", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        // What `ldn report` writes for this journal on this day at this instant (ReportCommand.Build is JournalReport.Build).
        using var opened = host.OpenJournal(patient.Id);
        var journal = new JournalService(opened, new FixedClock(WebHost.Now));
        var cli = JournalReport.Build(journal.LoadUpTo(Today), Today, WebHost.Now.InZone(journal.HomeZone).ToDateTimeOffset(), now: WebHost.Now);
        Assert.Equal(cli, html);
        var glance = Section(html, "at-a-glance");
        Assert.Matches(@"<b>Adherence:</b> \d+(\.\d)?% \(\d+ of \d+ planned dose-days\)", glance);
        Assert.Contains("<b>Current advice:</b>", glance, StringComparison.Ordinal);

        // The embedded report (for the Report page) has the same summary numbers and no inline script.
        var review = JournalReview.Of(journal.LoadUpTo(Today), Today, null, WebHost.Now);
        var embedded = JournalReport.RenderEmbedded(journal.LoadUpTo(Today), review.Analysis, review.Advice, review.Safety, WebHost.Now.InZone(journal.HomeZone).ToDateTimeOffset(), ReportAssets.Scripts);
        Assert.Equal(glance, Section(embedded, "at-a-glance"));
        Assert.Equal(Section(html, "plan"), Section(embedded, "plan"));
        Assert.Equal(3, ScriptTag().Count(embedded));
        Assert.All(ScriptTag().Matches(embedded), m => Assert.True(m.Value.Contains("type=\"application/json\"", StringComparison.Ordinal) || m.Value.Contains(" src=\"/assets/", StringComparison.Ordinal), m.Value));
        Assert.DoesNotContain("<style", embedded, StringComparison.Ordinal);
        Assert.Contains("id=\"report-data\"", embedded, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task The_report_of_an_empty_journal_and_bad_days()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("report-empty@example.org");
        var html = await (await patient.Client.GetAsync("/api/report?today=2026-11-30")).Content.ReadAsStringAsync();
        Assert.Contains("no entries up to 2026-11-30", html, StringComparison.Ordinal);
        foreach (var bad in new[] { "someday", "2026-02-30", "25:00" })
        {
            var problem = await AssertProblemAsync(await patient.Client.GetAsync("/api/report?today=" + bad), HttpStatusCode.BadRequest);
            Assert.Contains("is not a date", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [StoreFact]
    public async Task The_assets_are_served_as_files_with_nosniff_and_long_caching()
    {
        using var host = NewHost();
        var anonymous = host.CreateClient();
        foreach (var (url, type, text) in new[]
        {
            (ReportAssets.Scripts.ChartLibrary, "text/javascript", ReportHtml.ChartLibrary),
            (ReportAssets.Scripts.DrawingScript, "text/javascript", JournalReport.DrawingScript),
            (ReportAssets.StylesheetUrl, "text/css", JournalReport.Stylesheet),
        })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Contains("max-age=31536000", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
            Assert.Equal(text, await response.Content.ReadAsStringAsync());
            Assert.Contains(response.Headers.ETag!.Tag.Trim('"'), url, StringComparison.Ordinal);

            using var again = new HttpRequestMessage(HttpMethod.Get, url);
            again.Headers.IfNoneMatch.Add(response.Headers.ETag);
            Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        }

        Assert.Contains("Chart", ReportHtml.ChartLibrary, StringComparison.Ordinal);
        Assert.Contains("report-data", JournalReport.DrawingScript, StringComparison.Ordinal);
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + "</section>".Length)];
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}

public sealed class SqliteReportApiTests : ReportApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresReportApiTests : ReportApiBehaviour
{
    protected override bool Postgres => true;
}
