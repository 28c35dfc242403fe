using System.Net;
using System.Net.Http.Json;
using Ldn.Storage.Tests;
using Ldn.Web.Journal;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// The per-address limit on simulations (<see cref="SimulateEndpoints.Limit"/>): <c>POST /api/simulate</c> and
/// the anonymous <c>/simulator</c> page share <see cref="SimulateEndpoints.DefaultPerMinute"/> a minute; the next
/// is 429 with <c>Retry-After</c> and one sentence — problem details for the API, a page for a browser.
/// </summary>
public abstract class SimulateLimitBehaviour : WebBehaviour
{
    private const string Sentence = "Too many simulations from this address; wait a minute.";

    [StoreFact]
    public async Task The_page_and_the_API_share_a_limit_per_address_then_429_with_one_sentence()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("limit@example.org");
        using var anonymous = host.CreateClient();
        for (var i = 0; i < SimulateEndpoints.DefaultPerMinute; i++)
        {
            var response = i % 2 == 0
                ? await patient.Client.PostAsJsonAsync("/api/simulate", new { dose = "4.5mg", count = 1 })
                : await anonymous.GetAsync("/simulator?Count=1");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"request {i + 1}: {(int)response.StatusCode}");
        }

        var refused = await patient.Client.PostAsJsonAsync("/api/simulate", new { dose = "4.5mg", count = 1 });
        var problem = await AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(Sentence, problem["detail"]!.GetValue<string>());
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());

        using var page = new HttpRequestMessage(HttpMethod.Get, "/simulator?Count=1");
        page.Headers.Accept.ParseAdd("text/html");
        var refusedPage = await anonymous.SendAsync(page);
        var html = await refusedPage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedPage.StatusCode);
        Assert.Equal("text/html", refusedPage.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<p class=\"error\" role=\"alert\" id=\"rate-limit\">{Sentence}</p>", html, StringComparison.Ordinal);
        PageKnowledgeAssert.NoLeaks(html);

        // Sign-in keeps its own limit and sentence.
        var login = await patient.Client.PostAsJsonAsync("/api/account/login", new { email = "limit@example.org", password = "Wrong-horse-7" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }
}

public sealed class SqliteSimulateLimitTests : SimulateLimitBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresSimulateLimitTests : SimulateLimitBehaviour
{
    protected override bool Postgres => true;
}
