using System.Net.Sockets;
using System.Text.Json.Nodes;
using Ldn.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Xunit;

namespace Ldn.Web.Tests;

/// <summary>
/// Each environment failure of a store, as the drivers raise it (wrapped as EF Core and the journal wrap it, its
/// message holding a path and a password), answered by the app's error handler: the status the failure calls
/// for (503 with Retry-After when it passes by itself, 507 for a full disk), the CLI's sentence, and nothing
/// of the driver's message.
/// </summary>
public sealed class StorageProblemMappingTests : IDisposable
{
    private const string Secret = "Password=hunter2 /srv/ldn/journals/0f3c.db";

    private readonly WebHost host = new(postgres: false);

    public static TheoryData<string, int, string?, string> Failures() => new()
    {
        { "sqlite busy", 503, "5", "The journal is busy: another program is writing it; try again in a moment (nothing was changed)." },
        { "sqlite locked", 503, "5", "The journal is busy: another program is writing it; try again in a moment (nothing was changed)." },
        { "sqlite read-only", 503, null, "The journal is read-only (check the file's and its folder's permissions): nothing was written." },
        { "sqlite full", 507, null, "The disk is full: nothing was written to the journal." },
        { "sqlite I/O error", 503, null, "The journal's disk reported an error (is it full?): nothing was written." },
        { "postgres starting", 503, "5", "The PostgreSQL server is starting up; try again in a moment (nothing was changed)." },
        { "postgres unreachable", 503, "30", "The PostgreSQL server could not be reached (check that it runs, and the host and port): nothing was changed." },
        { "postgres disk full", 507, null, "The PostgreSQL server's disk is full: nothing was written." },
        { "postgres read-only", 503, null, "The PostgreSQL database is read-only: nothing was written." },
        { "postgres password", 503, null, "PostgreSQL refused the user name or password." },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task An_environment_failure_is_a_problem_with_its_status_and_the_CLI_sentence(string failure, int status, string? retryAfter, string sentence)
    {
        _ = host.CreateClient();
        var http = new DefaultHttpContext { RequestServices = host.Services };
        http.Request.Method = "POST";
        http.Request.Path = "/api/journal/doses";
        http.Response.Body = new MemoryStream();
        var handler = new Problems(host.Services.GetRequiredService<IProblemDetailsService>(), NullLogger<Problems>.Instance);

        Assert.True(await handler.TryHandleAsync(http, Raise(failure), CancellationToken.None));

        Assert.Equal(status, http.Response.StatusCode);
        Assert.Equal(retryAfter, http.Response.Headers.RetryAfter.FirstOrDefault());
        http.Response.Body.Position = 0;
        var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
        Assert.Equal(sentence, JsonNode.Parse(text)!["detail"]!.GetValue<string>());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anything_else_is_still_a_500_without_details()
    {
        _ = host.CreateClient();
        var http = new DefaultHttpContext { RequestServices = host.Services };
        http.Response.Body = new MemoryStream();
        var handler = new Problems(host.Services.GetRequiredService<IProblemDetailsService>(), NullLogger<Problems>.Instance);

        Assert.True(await handler.TryHandleAsync(http, new SqliteException(Secret, 1), CancellationToken.None)); // SQLITE_ERROR: a bug, not the disk

        Assert.Equal(500, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        Assert.DoesNotContain("hunter2", await new StreamReader(http.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }

    // As the drivers raise them: SQLite's primary codes (extended ones keep them in the low byte), PostgreSQL's SQLSTATE,
    // Npgsql's connection failure around a socket error; EF Core and the journal store wrap them.
    private static Exception Raise(string failure) => failure switch
    {
        "sqlite busy" => new SqliteException(Secret, 5),
        "sqlite locked" => new InvalidOperationException("Saving failed.", new SqliteException(Secret, 6 | (1 << 8))),
        "sqlite read-only" => new SqliteException(Secret, 8 | (5 << 8)),
        "sqlite full" => new InvalidOperationException("Saving failed.", new SqliteException(Secret, 13)),
        "sqlite I/O error" => new SqliteException(Secret, 10 | (3 << 8)),
        "postgres starting" => new PostgresException(Secret, "FATAL", "FATAL", "57P03"),
        "postgres unreachable" => new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", new NpgsqlException(Secret, new SocketException(111))),
        "postgres disk full" => new PostgresException(Secret, "ERROR", "ERROR", "53100"),
        "postgres read-only" => new PostgresException(Secret, "ERROR", "ERROR", "25006"),
        "postgres password" => new PostgresException(Secret, "FATAL", "FATAL", "28P01"),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "No such failure in the table."),
    };

    public void Dispose() => host.Dispose();
}
