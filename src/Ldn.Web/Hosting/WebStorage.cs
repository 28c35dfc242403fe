using System.Globalization;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Storage;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;

namespace Ldn.Web.Hosting;

/// <summary>
/// Where the workbench keeps its data. <c>Ldn:Database</c> (also <c>--db</c>) is either a PostgreSQL
/// connection string (<c>Host=…;Database=…</c>: the accounts in its search path, each patient's journal in
/// a schema of its own named <c>{Ldn:JournalSchemaPrefix}{user id}</c>, default prefix <c>ldn_journal_</c>; a postgres:// URI is refused: write key=value pairs)
/// or a folder; without it, the folder <c>web</c> beside the CLI's default journal
/// (<see cref="JournalStores.DefaultSqlitePath"/>). In a folder, the accounts are <c>accounts.db</c> and each
/// patient's journal is <c>journals/{user id}.db</c>: one SQLite file per patient, so journals are
/// isolated by file.
/// </summary>
internal sealed class WebStorage
{
    public const string DatabaseKey = "Ldn:Database";
    public const string SchemaPrefixKey = "Ldn:JournalSchemaPrefix";

    public WebStorage(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var db = configuration[DatabaseKey];
        if (db is not null && db.TrimStart().StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidInputException("Write the PostgreSQL database as a connection string, e.g. --db \"Host=localhost;Database=ldn;Username=ldn;Password=…\".");
        }

        if (IsPostgres(db))
        {
            Postgres = db;
            SchemaPrefix = configuration[SchemaPrefixKey] ?? "ldn_journal_";
            if (!SchemaPrefix.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_') || SchemaPrefix.Length is 0 or > 24)
            {
                throw new InvalidInputException($"{SchemaPrefixKey} '{SchemaPrefix}' must be 1–24 lower-case letters, digits or underscores.");
            }
        }
        else
        {
            Folder = Path.GetFullPath(string.IsNullOrWhiteSpace(db)
                ? Path.Combine(Path.GetDirectoryName(JournalStores.DefaultSqlitePath)!, "web")
                : db);
            SchemaPrefix = "";
        }
    }

    /// <summary>The PostgreSQL connection string, or null on SQLite.</summary>
    public string? Postgres { get; }

    /// <summary>The SQLite folder, or null on PostgreSQL.</summary>
    public string? Folder { get; }

    public string SchemaPrefix { get; }

    /// <summary>For the start-up line: where accounts and journals are (never a password).</summary>
    public string Description => Postgres is { } pg
        ? $"PostgreSQL {new NpgsqlConnectionStringBuilder(pg).Host}/{new NpgsqlConnectionStringBuilder(pg).Database} (journals in schemas {SchemaPrefix}…)"
        : $"SQLite in {Folder} (accounts.db, journals/)";

    public void ConfigureAccounts(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Postgres is { } pg)
        {
            options.UseNpgsql(pg);
        }
        else
        {
            options.UseSqlite($"Data Source={Path.Combine(Folder!, "accounts.db")}");
        }
    }

    /// <summary>Creates the folders (SQLite); PostgreSQL needs nothing before the accounts' tables.</summary>
    public void Prepare()
    {
        if (Folder is { } folder)
        {
            Directory.CreateDirectory(Path.Combine(folder, "journals"));
        }
    }

    /// <summary>Opens (creating on first use) the journal of the patient <paramref name="userId"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is not an account id (a GUID).</exception>
    public IJournalStore OpenJournal(string userId, IClock clock)
    {
        var id = JournalName(userId);
        if (Postgres is not { } pg)
        {
            return JournalStores.Open(Path.Combine(Folder!, "journals", id + ".db"), clock);
        }

        var schema = SchemaPrefix + id;
        Execute(pg, $"CREATE SCHEMA IF NOT EXISTS {schema}");
        return JournalStores.Open(new NpgsqlConnectionStringBuilder(pg) { SearchPath = schema }.ConnectionString, clock);
    }

    /// <summary>
    /// Deletes the journal of <paramref name="userId"/> for good: on SQLite its file with the <c>-wal</c>,
    /// <c>-shm</c> and <c>-journal</c> files beside it, on PostgreSQL its schema (<c>DROP SCHEMA … CASCADE</c>).
    /// Nothing happens when there is none (a clinician's account, or a second call).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is not an account id (a GUID).</exception>
    public void DeleteJournal(string userId)
    {
        var id = JournalName(userId);
        if (Postgres is not { } pg)
        {
            var file = Path.Combine(Folder!, "journals", id + ".db");
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            {
                File.Delete(path);
            }

            return;
        }

        Execute(pg, $"DROP SCHEMA IF EXISTS {SchemaPrefix + id} CASCADE");
    }

    /// <summary>Runs one statement on a journal schema (its name is a configured prefix and a GUID's hex digits).</summary>
    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Only the schema statements above, whose names are checked.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    // The id names a file or a schema: only the GUIDs Identity gives are accepted, never text from a request.
    private static string JournalName(string userId) =>
        Guid.TryParse(userId, out var guid) ? guid.ToString("N", CultureInfo.InvariantCulture) : throw new ArgumentException("Not an account id.", nameof(userId));

    /// <summary>The journal store's test for a connection string: a Host or Server key.</summary>
    private static bool IsPostgres(string? db) =>
        db is not null
        && db.Split(';').Any(part => part.Split('=', 2)[0].Trim() is var key && (key.Equals("host", StringComparison.OrdinalIgnoreCase) || key.Equals("server", StringComparison.OrdinalIgnoreCase)));
}
