using System.Text.RegularExpressions;
using Ldn.Core;
using Ldn.Core.Journal;
using NodaTime;

namespace Ldn.Storage;

public static partial class JournalStores
{
    /// <summary>The environment variable that names the journal database (a SQLite path or a PostgreSQL connection string).</summary>
    public const string DatabaseVariable = "LDN_JOURNAL_DB";

    /// <summary>
    /// The SQLite file used when no database is named: <c>LDN_JOURNAL_DB</c> if it is set to a file path,
    /// otherwise <c>ldn-workbench/journal.db</c> in the user's local application data folder.
    /// </summary>
    public static string DefaultSqlitePath
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(DatabaseVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment) && !IsPostgres(fromEnvironment))
            {
                return Path.GetFullPath(fromEnvironment);
            }

            var folder = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return Path.GetFullPath(Path.Combine(folder, "ldn-workbench", "journal.db"));
        }
    }

    /// <summary>
    /// Opens (creating or upgrading) a journal. <paramref name="db"/> null: <c>LDN_JOURNAL_DB</c> if set,
    /// else <see cref="DefaultSqlitePath"/>. A connection string with a Host key ("Host=…;Database=…") or a
    /// <c>postgres://</c>/<c>postgresql://</c> URI opens PostgreSQL; anything else is a SQLite file path.
    /// <paramref name="clock"/> stamps the history's changes (<see cref="JournalChange.At"/>); null: the system clock.
    /// </summary>
    public static IJournalStore Open(string? db, IClock? clock = null) => Open(db, migrateTo: null, clock);

    /// <summary>Opens with migrations applied only up to <paramref name="migrateTo"/> (tests build old databases with it).</summary>
    internal static IJournalStore Open(string? db, int? migrateTo, IClock? clock = null)
    {
        clock ??= SystemClock.Instance;
        if (db is not null && db.Any(char.IsControl))
        {
            throw new InvalidInputException("The journal's name (--db) holds a control character; type the file name or connection string again.");
        }

        if (string.IsNullOrWhiteSpace(db))
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(DatabaseVariable);
            db = string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultSqlitePath : fromEnvironment;
        }
        else if (!IsPostgres(db) && ConnectionKey().IsMatch(db))
        {
            // "Password=…;Database=…" without Host= would otherwise become a SQLite file of that name, with the
            // password in its name and in every message that names the file.
            throw new InvalidInputException($"'{PostgresConnection.Redacted(db)}' looks like a PostgreSQL connection string but has no Host= key; add Host=… (a journal file's name has no 'key=' in it).");
        }
        else if (!IsPostgres(db) && Path.GetDirectoryName(Path.GetFullPath(db)) is { Length: > 0 } folder && !Directory.Exists(folder))
        {
            // Only the default location is created on first use; a named file in a missing folder is a typo.
            throw new InvalidInputException($"The folder '{folder}' for the journal '{db}' does not exist.");
        }

        return IsPostgres(db)
            ? new PostgresJournalStore(PostgresConnection.ToConnectionString(db), migrateTo, clock)
            : new SqliteJournalStore(db, migrateTo, clock);
    }

    /// <summary>
    /// The files a SQLite journal named by <paramref name="db"/> (null: the default) lives in, full paths: the
    /// database and its -wal, -shm and -journal companions; empty for PostgreSQL. Output options check against them,
    /// so no report or export can be written over the journal.
    /// </summary>
    public static IReadOnlyList<string> LocalFiles(string? db)
    {
        if (string.IsNullOrWhiteSpace(db))
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(DatabaseVariable);
            db = string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultSqlitePath : fromEnvironment;
        }

        if (IsPostgres(db))
        {
            return [];
        }

        string file;
        try
        {
            file = Path.GetFullPath(db);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidInputException($"'{db}' is not a usable journal file name.", e);
        }

        return [file, file + "-wal", file + "-shm", file + "-journal"];
    }

    internal static bool IsPostgres(string db) =>
        db.TrimStart().StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || db.TrimStart().StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || HostKey().IsMatch(db);

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostKey();

    /// <summary>A key of a PostgreSQL connection string (Npgsql's names and their aliases) followed by '='.</summary>
    [GeneratedRegex(@"(^|;)\s*(password|pwd|user\s*name|user\s*id|user|uid|database|db|port|ssl\s*mode|timeout|search\s*path|pooling)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionKey();

    internal static InvalidInputException NotAJournal(string location, Exception? inner = null) =>
        inner is null
            ? new InvalidInputException($"{location} is not an LDN Workbench journal.")
            : new InvalidInputException($"{location} is not an LDN Workbench journal ({inner.Message.TrimEnd('.')}).", inner);
}
