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

    [Fact]
    public void A_snapshot_of_the_first_format_still_reads()
    {
        const string snapshot = """
            {
              "format": "ldn-workbench-journal",
              "version": 1,
              "journal": {
                "profile": { "name": "Old", "timeZoneId": "Europe/Oslo", "conditions": ["fibromyalgia"], "hepaticImpairment": false, "renalImpairment": true,
                             "pregnant": false, "breastfeeding": false, "transplantImmunosuppression": false, "plannedSurgery": "2025-01-31" },
                "plan": { "setAt": "2024-11-20T12:00:00Z", "planJson": "{\"steps\":[{\"from\":\"2024-12-01\",\"doseMg\":1.5,\"at\":\"22:00\"}]}" },
                "doses": [ { "id": 3, "at": "2024-12-01T21:00:00Z", "timeZoneId": "Europe/Oslo", "doseMg": 1.50, "formulation": "capsule", "skipped": false, "note": "first" } ],
                "checkIns": [ { "id": 1, "at": "2024-12-02T07:00:00Z", "timeZoneId": "Europe/Oslo", "fatigue": 6, "pain": 4, "sleep": null, "mood": 5, "focus": null, "note": null } ],
                "sideEffects": [ { "id": 1, "kind": "vivid-dreams", "severity": "mild", "from": "2024-12-02T06:00:00Z", "to": null, "timeZoneId": "Europe/Oslo", "note": null } ],
                "events": [ { "id": 1, "at": "2024-12-03T18:00:00Z", "timeZoneId": "Europe/Oslo", "kind": "medicationChange", "note": "new batch" } ],
                "medications": [ { "id": 1, "name": "Levothyroxine", "since": "2024-01-01T00:00:00Z", "until": null } ]
              }
            }
            """;
        var journal = JournalSnapshot.FromJson(snapshot);
        Assert.Equal(("Old", new LocalDate(2025, 1, 31), true), (journal.Profile.Name, journal.Profile.PlannedSurgery, journal.Profile.RenalImpairment));
        Assert.Equal((new LocalDate(2024, 12, 1), Instant.FromUtc(2024, 11, 20, 12, 0)), (journal.Plan!.From, journal.Plan.SetAt));
        Assert.Equal(new Ldn.Core.Journal.DoseEntry(3, Instant.FromUtc(2024, 12, 1, 21, 0), "Europe/Oslo", 1.50m, Ldn.Core.Dosing.Formulation.Capsule, false, "first"), Assert.Single(journal.Doses));
        Assert.Equal(6, Assert.Single(journal.CheckIns).Fatigue);
        Assert.Equal(Ldn.Core.Journal.JournalEventKind.MedicationChange, Assert.Single(journal.Events).Kind);
        Assert.Equal("Levothyroxine", Assert.Single(journal.Medications).Name);
        Assert.Single(journal.SideEffects);
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => JournalSnapshot.FromJson("""{"format":"ldn-workbench-journal","version":2,"journal":{}}""")));
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => JournalSnapshot.FromJson("""{"format":"something else"}""")));
    }

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
