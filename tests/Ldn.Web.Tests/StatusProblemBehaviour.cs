using System.Net;
using System.Text;
using Ldn.Storage.Tests;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// Answers the framework gives before a route runs (a wrong content type refused by routing, a method a route
/// does not take) are problem details with one sentence in <c>detail</c>, not only a title.
/// </summary>
public abstract class StatusProblemBehaviour : WebBehaviour
{
    [StoreFact]
    public async Task A_wrong_content_type_is_415_with_a_sentence_and_stores_nothing()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("types@example.org");
        foreach (var route in new[] { "/api/journal/doses", "/api/journal/checkins", "/api/simulate", "/api/plan" })
        {
            using var text = new StringContent("doseMg=4.5", Encoding.UTF8, "text/plain");
            var problem = await AssertProblemAsync(await patient.Client.PostAsync(route, text), HttpStatusCode.UnsupportedMediaType);
            Assert.Equal("Send the body as JSON (Content-Type: application/json).", problem["detail"]?.GetValue<string>());
        }

        using var form = new FormUrlEncodedContent([new("doseMg", "4.5")]);
        var formProblem = await AssertProblemAsync(await patient.Client.PostAsync("/api/journal/doses", form), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Send the body as JSON (Content-Type: application/json).", formProblem["detail"]?.GetValue<string>());

        var journal = await patient.Client.GetStringAsync("/api/journal");
        Assert.Contains("\"doses\":[]", journal, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task A_method_a_route_does_not_take_is_405_with_a_sentence()
    {
        using var host = NewHost();
        var patient = await host.SignUpAsync("methods@example.org");
        var problem = await AssertProblemAsync(await patient.Client.PatchAsync("/api/journal", null), HttpStatusCode.MethodNotAllowed);
        Assert.Equal("This route does not take this HTTP method.", problem["detail"]?.GetValue<string>());
    }
}

public sealed class SqliteStatusProblemTests : StatusProblemBehaviour
{
    protected override bool Postgres => false;
}

[PostgresTests]
public sealed class PostgresStatusProblemTests : StatusProblemBehaviour
{
    protected override bool Postgres => true;
}
