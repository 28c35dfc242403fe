using System.Net;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// The limit on accepting invitation codes: an account's eleventh attempt within a minute is 429 with one
/// sentence and <c>Retry-After</c>, on the API and on the <c>/sharing/accept</c> page; even a right code then
/// makes no share; another account is not held back by it.
/// </summary>
public abstract class AcceptLimitBehaviour : WebBehaviour
{
    private const int PerMinute = 10;

    [StoreFact]
    public async Task The_eleventh_attempt_in_a_minute_is_429_and_makes_no_share()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("limit-patient@example.org");
        var guesser = await host.SignUpAsync("guesser@example.org", role: "clinician");
        var code = (await JsonAsync(await PostAsync(patient.Client, "/api/sharing/invitations", new { }), HttpStatusCode.Created))["code"]!.GetValue<string>();

        for (var i = 0; i < PerMinute; i++)
        {
            await AssertProblemAsync(await PostAsync(guesser.Client, "/api/sharing/accept", new { code = $"ZZZZZ-ZZZ{i % 10}Z" }), HttpStatusCode.NotFound);
        }

        var limited = await PostAsync(guesser.Client, "/api/sharing/accept", new { code });
        var problem = await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many attempts to accept an invitation code; wait a minute and check the code with the patient.", problem["detail"]!.GetValue<string>());
        Assert.Equal("60", limited.Headers.RetryAfter?.ToString());
        Assert.Empty((await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["shares"]!.AsArray());

        // Another clinician (same address) accepts the same, still open, code.
        var colleague = await host.SignUpAsync("colleague@example.org", role: "clinician");
        await JsonAsync(await PostAsync(colleague.Client, "/api/sharing/accept", new { code }), HttpStatusCode.Created);
        var shares = (await JsonAsync(await patient.Client.GetAsync("/api/sharing"), HttpStatusCode.OK))["shares"]!.AsArray();
        Assert.Equal("colleague@example.org", Assert.Single(shares)!["grantee"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task The_accept_page_is_limited_as_the_API()
    {
        using var host = NewHost();
        using var clinician = await PageJournalPatient.SignUpAsync(host, "page-guesser@example.org", role: "clinician");
        for (var i = 0; i < PerMinute; i++)
        {
            var unknown = await clinician.RefusedAsync("/sharing/accept", "/sharing/accept", [("code", "ZZZZZ-ZZZZZ")], HttpStatusCode.NotFound);
            Assert.StartsWith("No open invitation has this code", unknown, StringComparison.Ordinal);
        }

        var sentence = await clinician.RefusedAsync("/sharing/accept", "/sharing/accept", [("code", "ZZZZZ-ZZZZZ")], HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many attempts to accept an invitation code; wait a minute and check the code with the patient.", sentence);
    }
}

public sealed class SqliteAcceptLimitTests : AcceptLimitBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresAcceptLimitTests : AcceptLimitBehaviour
{
    protected override bool Postgres => true;
}
