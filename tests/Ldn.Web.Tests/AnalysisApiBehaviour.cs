using System.Net;
using System.Text.Json.Nodes;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using Ldn.Storage.Tests;
using NodaTime;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// <c>GET /api/analysis</c>: the document of <c>ldn journal analyse --json</c>, written by the one Core writer
/// (<see cref="AnalysisDocument"/>) over the same journal, as-of day and instant.
/// </summary>
public abstract class AnalysisApiBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task The_document_is_the_Core_writers_for_the_same_journal()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("analysis@example.org");
        using (var store = host.OpenJournal(patient.Id))
        {
            store.Import(DemoJournal.Create(42, new LocalDate(2026, 11, 30), 120, DateTimeZoneProviders.Tzdb["Europe/Oslo"], now: WebHost.Now));
        }

        foreach (var (query, day) in new[] { ("", new LocalDate(2026, 12, 1)), ("?today=2026-10-15", new LocalDate(2026, 10, 15)), ("?today=yesterday", new LocalDate(2026, 11, 30)) })
        {
            var response = await patient.Client.GetAsync("/api/analysis" + query);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            using var store = host.OpenJournal(patient.Id);
            var journal = new JournalService(store, new FixedClock(WebHost.Now));
            Assert.Equal(AnalysisDocument.Json(JournalAnalyzer.Analyze(journal.LoadUpTo(day), day, null, journal.Now)), text);
            var document = JsonNode.Parse(text)!.AsObject();
            Assert.Equal(day.ToString("uuuu-MM-dd", null), document["asOf"]!.GetValue<string>());
            Assert.NotEmpty(document["comparisons"]!.AsArray());
            Assert.True(document["adherence"]!["expected"]!.GetValue<int>() > 0);
        }
    }

    [StoreFact]
    public async Task A_journal_with_no_entries_gets_the_analysis_the_CLI_prints_for_it()
    {
        // ldn journal analyse on a journal with no entries answers (exit 0) with every day baseline and no comparison estimated; so does the route.
        using var host = NewHost();
        var patient = await host.SignUpAsync("empty-analysis@example.org");
        var document = await JsonAsync(await patient.Client.GetAsync("/api/analysis"), HttpStatusCode.OK);
        Assert.Equal(0, document["daysCovered"]!.GetValue<int>());
        Assert.Null(document["firstDoseDate"]);
        Assert.All(document["comparisons"]!.AsArray(), c => Assert.Equal("not-enough-data", c!["status"]!.GetValue<string>()));
        Assert.Contains("No dose taken up to the as-of day: every day is baseline.", document["notes"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [StoreFact]
    public async Task Bad_query_values_are_one_sentence_400s()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("bad-analysis@example.org");
        foreach (var bad in new[] { "someday", "2026-13-01", "25:00", "1969-12-31", "2026-02-30", "%00", new string('9', 2000) })
        {
            var problem = await AssertProblemAsync(await patient.Client.GetAsync("/api/analysis?today=" + Uri.EscapeDataString(bad)), HttpStatusCode.BadRequest);
            var detail = problem["detail"]!.GetValue<string>();
            Assert.Contains("is not a date", detail, StringComparison.Ordinal);
            Assert.EndsWith(".", detail, StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteAnalysisApiTests : AnalysisApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAnalysisApiTests : AnalysisApiBehaviour
{
    protected override bool Postgres => true;
}
