using Ldn.Core;
using Ldn.Core.Journal;
using Microsoft.Data.Sqlite;
using NodaTime;
using Xunit;

namespace Ldn.Storage.Tests;

/// <summary>The behaviour tests on a SQLite file in a temporary folder, and what only SQLite has.</summary>
public sealed class SqliteJournalStoreTests : JournalStoreBehaviour
{
    private string DatabasePath => Path.Combine(Folder, "journal.db");

    protected override IJournalStore OpenStore(int? migrateTo, IClock? clock = null) => JournalStores.Open(DatabasePath, migrateTo, clock);

    protected override IJournalStore OpenAnotherStore(string name) => JournalStores.Open(Path.Combine(Folder, name + ".db"));

    protected override JournalData ReadBackup(string path)
    {
        // The backup is itself a journal database.
        using var backup = JournalStores.Open(path);
        Assert.Equal(Migrations.Latest, backup.SchemaVersion);
        return backup.Load(withHistory: true);
    }

    [Fact]
    public void The_file_uses_WAL_FULL_sync_and_a_busy_timeout()
    {
        var store = Open();
        Assert.Equal($"SQLite file {DatabasePath}", store.Description);
        var raw = (JournalStore)store;
        Assert.Equal(1, raw.ScalarRaw("SELECT COUNT(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"));
        Assert.Equal(2, raw.ScalarRaw("PRAGMA synchronous"));
        Assert.Equal(10_000, raw.ScalarRaw("PRAGMA busy_timeout"));
        Assert.Equal(1, raw.ScalarRaw("PRAGMA foreign_keys"));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_and_left_alone()
    {
        var path = Path.Combine(Folder, "notes.txt");
        File.WriteAllText(path, new string('x', 5000));
        var e = Assert.Throws<InvalidInputException>(() => JournalStores.Open(path));
        Sample.AssertOneSentence(e);
        Assert.Contains("is not an LDN Workbench journal", e.Message, StringComparison.Ordinal);
        Assert.Equal(new string('x', 5000), File.ReadAllText(path));
    }

    [Fact]
    public void Another_programs_SQLite_database_is_refused_and_left_alone()
    {
        var path = Path.Combine(Folder, "other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE accounts (id INTEGER PRIMARY KEY)";
            command.ExecuteNonQuery();
        }

        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => JournalStores.Open(path)));
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var tables = check.CreateCommand();
        tables.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal("accounts", tables.ExecuteScalar());
    }

    [Fact]
    public void Open_refuses_a_named_file_in_a_missing_folder_and_routes_connection_strings_to_PostgreSQL()
    {
        // Only the default location's folder is created on first use; a named file's missing folder is a typo.
        var nested = Path.Combine(Folder, "a", "b", "journal.db");
        Assert.Contains("does not exist", Assert.Throws<InvalidInputException>(() => JournalStores.Open(nested)).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Folder, "a")));
        var here = Path.Combine(Folder, "journal.db");
        using (var store = JournalStores.Open(here))
        {
            Assert.True(File.Exists(here));
        }

        Assert.True(JournalStores.IsPostgres("Host=localhost;Database=ldn"));
        Assert.True(JournalStores.IsPostgres("Username=x; host = db.example;Password=p"));
        Assert.True(JournalStores.IsPostgres("postgres://ldn:secret@localhost/ldn"));
        Assert.True(JournalStores.IsPostgres("postgresql://localhost:5433/ldn?sslmode=require"));
        Assert.False(JournalStores.IsPostgres("/home/alex/journal.db"));
        Assert.False(JournalStores.IsPostgres(@"C:\Users\alex\ghost=1.db"));
        Assert.EndsWith(Path.Combine("ldn-workbench", "journal.db"), JournalStores.DefaultSqlitePath, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_URI_becomes_a_connection_string_and_a_description_without_the_password()
    {
        var connectionString = PostgresConnection.ToConnectionString("postgresql://ldn:s%40cret@db.example:5433/journal?sslmode=require&application_name=ldn");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        Assert.Equal(("db.example", 5433, "ldn", "s@cret", "journal", Npgsql.SslMode.Require), (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database, builder.SslMode));
        Assert.Equal("PostgreSQL db.example:5433/journal", PostgresConnection.Describe(connectionString));
        var e = Assert.Throws<InvalidInputException>(() => PostgresConnection.ToConnectionString("Host=x;Password=hunter2;Bogus Key=1"));
        Assert.DoesNotContain("hunter2", e.Message, StringComparison.Ordinal);
    }
}
