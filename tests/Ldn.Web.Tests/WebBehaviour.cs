using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// What every web behaviour test class shares: a fresh host per test (its own rate limiter and data) on
/// SQLite or, in the <c>[PostgresTests]</c> subclasses, on PostgreSQL.
/// </summary>
public abstract class WebBehaviour : IDisposable
{
    private readonly List<WebHost> hosts = [];

    protected abstract bool Postgres { get; }

    protected WebHost NewHost(int signInPerMinute = 1000)
    {
        var host = new WebHost(Postgres, signInPerMinute);
        hosts.Add(host);
        return host;
    }

    /// <summary>A problem-details answer with the status <paramref name="status"/>: one sentence, no stack trace or type name.</summary>
    protected static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stackTrace", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        return problem;
    }

    protected static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    protected static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }
    }
}
