using System.Globalization;
using Ldn.Core.Journal;
using Microsoft.Data.Sqlite;
using NodaTime;
using Xunit;

namespace Ldn.Storage.Tests;

/// <summary>
/// Journals made by the schema-2 code (the fixtures were written by the previous release: a demo journal and
/// a small hand-made one) upgrade in place to schema 3 with every stored value kept, and then take
/// corrections.
/// </summary>
public sealed class SchemaV2UpgradeTests : IDisposable
{
    private static readonly string[] Tables = ["profile", "doses", "check_ins", "side_effects", "events", "medications", "plans", "schema_version"];
    private static readonly string[] EntryTables = ["doses", "check_ins", "side_effects", "events", "medications", "plans"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ldn-storage-tests", Guid.NewGuid().ToString("N"));

    public SchemaV2UpgradeTests() => Directory.CreateDirectory(_folder);

    [Theory]
    [InlineData("schema-v2-demo.db")]
    [InlineData("schema-v2-small.db")]
    public void A_schema_2_journal_upgrades_in_place_with_nothing_lost_and_then_takes_corrections(string fixture)
    {
        var path = Path.Combine(_folder, fixture);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture), path);
        var before = Tables.ToDictionary(t => t, t => Rows(path, t));
        Assert.Equal([1L, 2], before["schema_version"].Select(r => (long)r["version"]!));
        Assert.NotEmpty(before["doses"]);

        var clock = new TestClock(Instant.FromUtc(2027, 1, 1, 12, 0));
        using (var store = JournalStores.Open(path, clock))
        {
            Assert.Equal(3, store.SchemaVersion);
            var journal = store.Load();
            Assert.Equal(before["doses"].Count, journal.Doses.Count);
            Assert.Equal(before["check_ins"].Count, journal.CheckIns.Count);
            Assert.Equal(before["side_effects"].Count, journal.SideEffects.Count);
            Assert.Equal(before["events"].Count, journal.Events.Count);
            Assert.Equal(before["medications"].Count, journal.Medications.Count);
            Assert.Equal(before["plans"].Count, journal.Plans.Count);
            foreach (var dose in journal.Doses)
            {
                var row = before["doses"].Single(r => (long)r["id"]! == dose.Id);
                Assert.Equal(((long)row["at_utc_ms"]!, (string)row["time_zone"]!, (string)row["dose_mg"]!, row["note"] as string, 1),
                    (dose.At.ToUnixTimeMilliseconds(), dose.TimeZoneId, dose.DoseMg.ToString(CultureInfo.InvariantCulture), dose.Note, dose.Revision));
            }

            Assert.Equal((string)before["plans"][0]["plan_json"]!, journal.Plan!.PlanJson);
            Assert.Equal(LocalDate.FromDateOnly(journal.Plan.Steps[0].From), journal.Plan.From);
            Assert.Empty(store.History());
        }

        // Every value of every row is as it was; the new columns hold their defaults.
        var after = Tables.ToDictionary(t => t, t => Rows(path, t));
        foreach (var table in Tables)
        {
            Assert.True(before[table].Count <= after[table].Count, table);
            foreach (var (old, now) in before[table].Zip(after[table]))
            {
                foreach (var (column, value) in old)
                {
                    Assert.True(Equals(value, now[column]), $"{table}.{column}: {value} became {now[column]}");
                }
            }
        }

        Assert.Equal([1L, 2, 3], after["schema_version"].Select(r => (long)r["version"]!));
        foreach (var table in EntryTables)
        {
            Assert.All(after[table], r => Assert.Equal((1L, 0L), ((long)r["revision"]!, (long)r["deleted"]!)));
        }

        Assert.All(after["check_ins"], r => Assert.Null(r["other_scores"]));
        Assert.All(after["side_effects"], r => Assert.Null(r["typed_name"]));
        Assert.All(after["plans"], r => Assert.Equal("set", r["adjustment"]));

        // Corrections work on the upgraded file, and undo takes them back.
        using (var store = JournalStores.Open(path, clock))
        {
            var original = JournalDocument.From(store.Load(withHistory: true));
            var dose = store.Load().Doses[0];
            Assert.Equal(2, store.Edit(dose with { DoseMg = 0.5m, Note = "corrected" }, expectedRevision: 1, reason: "typo"));
            var checkIn = store.Load().CheckIns[0];
            Assert.Equal(2, store.Delete(JournalEntryKind.CheckIn, checkIn.Id));
            Assert.DoesNotContain(store.Load().CheckIns, c => c.Id == checkIn.Id);
            Assert.Equal(JournalChangeType.Restore, store.Undo().Change);
            Assert.Equal(JournalChangeType.Edit, store.Undo().Change);
            Assert.Equal(dose with { Revision = 3 }, store.Load().Doses[0]);
            Assert.Equal(4, store.History().Count);
            Sample.AssertOneSentence(Assert.Throws<Ldn.Core.InvalidInputException>(() => store.Undo()));
            var restored = JournalDocument.From(store.Load());
            Assert.Equal(original.Doses.Select(d => d with { Revision = 0 }), restored.Doses.Select(d => d with { Revision = 0 }));
            Assert.Equal(original.CheckIns.Count, restored.CheckIns.Count);
        }

        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var integrity = check.CreateCommand();
        integrity.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", integrity.ExecuteScalar());
    }

    /// <summary>Every row of <paramref name="table"/> as column → value, read with plain SQL (not the store).</summary>
    private static List<Dictionary<string, object?>> Rows(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // table names come from the list above
        command.CommandText = $"SELECT * FROM {table} ORDER BY 1";
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless.
        }
    }
}
