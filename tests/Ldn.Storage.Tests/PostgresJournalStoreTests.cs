using Ldn.Core;
using Ldn.Core.Journal;
using NodaTime;
using Npgsql;
using Xunit;

namespace Ldn.Storage.Tests;

/// <summary>
/// The behaviour tests on the PostgreSQL server of <c>LDN_TEST_POSTGRES</c>: each test makes a schema of
/// its own, points the store at it with Search Path, and drops it afterwards.
/// </summary>
[PostgresTests]
public sealed class PostgresJournalStoreTests : JournalStoreBehaviour
{
    private readonly string? _schema;
    private readonly string? _connectionString;
    private readonly List<string> _otherSchemas = [];

    public PostgresJournalStoreTests()
    {
        if (PostgresFactAttribute.ConnectionString is not { } server)
        {
            return;   // the tests are skipped, or (under CI) fail when they open a store
        }

        _schema = "ldn_test_" + Guid.NewGuid().ToString("N");
        PostgresAdmin.Execute(server, $"CREATE SCHEMA {_schema}");
        _connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema, Pooling = false }.ConnectionString;
    }

    protected override IJournalStore OpenStore(int? migrateTo, IClock? clock = null) =>
        JournalStores.Open(_connectionString ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set: no PostgreSQL server to test against."), migrateTo, clock);

    protected override IJournalStore OpenAnotherStore(string name)
    {
        var server = PostgresFactAttribute.ConnectionString ?? throw new InvalidOperationException($"{PostgresFactAttribute.Variable} is not set: no PostgreSQL server to test against.");
        var schema = $"{_schema}_{name}";
        PostgresAdmin.Execute(server, $"CREATE SCHEMA {schema}");
        _otherSchemas.Add(schema);
        return JournalStores.Open(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema, Pooling = false }.ConnectionString);
    }

    protected override JournalData ReadBackup(string path) => JournalSnapshot.Read(path);

    [PostgresFact]
    public void The_description_names_host_and_database_but_not_the_password()
    {
        var store = Open();
        var builder = new NpgsqlConnectionStringBuilder(_connectionString);
        Assert.StartsWith($"PostgreSQL {builder.Host}", store.Description, StringComparison.Ordinal);
        Assert.Contains($"/{builder.Database}", store.Description, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            Assert.DoesNotContain(builder.Password, store.Description, StringComparison.Ordinal);
        }
    }

    [PostgresFact]
    public void A_postgres_URI_opens_the_same_journal()
    {
        var builder = new NpgsqlConnectionStringBuilder(_connectionString);
        var uri = $"postgresql://{Uri.EscapeDataString(builder.Username ?? "")}:{Uri.EscapeDataString(builder.Password ?? "")}@{builder.Host}:{builder.Port}/{builder.Database}?options={Uri.EscapeDataString("-c search_path=" + _schema)}";
        Open().Initialize(Sample.Profile);
        using var viaUri = JournalStores.Open(uri);
        Assert.True(viaUri.IsInitialized);
    }

    [PostgresFact]
    public void An_unreachable_server_is_one_sentence()
    {
        var e = Assert.Throws<InvalidInputException>(() => JournalStores.Open("Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;Timeout=2"));
        Sample.AssertOneSentence(e);
        Assert.DoesNotContain("y;", e.Message, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _schema is not null && PostgresFactAttribute.ConnectionString is { } server)
        {
            foreach (var schema in _otherSchemas.Append(_schema))
            {
                PostgresAdmin.Execute(server, $"DROP SCHEMA IF EXISTS {schema} CASCADE");
            }
        }
    }
}
