using System.Net;
using Ldn.Core.Journal;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary><c>GET /api/advice</c>: the advice of <see cref="JournalService.Advise"/> with the fields of <c>ldn journal advise --json</c>.</summary>
public abstract class AdviceApiBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task The_advice_is_that_of_the_journal_service_with_the_CLI_field_names()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("advice@example.org");
        var empty = await AssertProblemAsync(await patient.Client.GetAsync("/api/advice"), HttpStatusCode.BadRequest);
        Assert.Contains("no dose", empty["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/doses", new { at = "2026-11-30T21:00Z", doseMg = 1.5m }), HttpStatusCode.Created);
        _ = await JsonAsync(await PostAsync(patient.Client, "/api/journal/medications", new { name = "tramadol", since = "2026-11-30 08:00" }), HttpStatusCode.Created);

        var advice = await JsonAsync(await patient.Client.GetAsync("/api/advice"), HttpStatusCode.OK);
        using var store = host.OpenJournal(patient.Id);
        var expected = new JournalService(store, new FixedClock(WebHost.Now)).Advise().Advice;
        Assert.Equal(expected.Action, advice["action"]!.GetValue<string>());
        Assert.Equal(expected.Reason, advice["reason"]!.GetValue<string>());
        Assert.Equal(expected.RuleId, advice["ruleId"]!.GetValue<string>());
        Assert.Equal(expected.Source, advice["source"]!.GetValue<string>());
        Assert.Equal(expected.Safety.Select(f => f.Code), advice["safety"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()));
        Assert.NotEmpty(expected.Safety);
        Assert.Contains("not medical advice", advice["notice"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(advice.ContainsKey("suggestedDoseMg"));

        var problem = await AssertProblemAsync(await patient.Client.GetAsync("/api/advice?today=someday"), HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        _ = await JsonAsync(await patient.Client.GetAsync("/api/advice?today=2026-11-30"), HttpStatusCode.OK);
    }
}

public sealed class SqliteAdviceApiTests : AdviceApiBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAdviceApiTests : AdviceApiBehaviour
{
    protected override bool Postgres => true;
}
