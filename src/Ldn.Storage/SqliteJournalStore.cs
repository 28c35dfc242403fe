using System.Data.Common;
using Dapper;
using Ldn.Core;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Ldn.Storage;

/// <summary>
/// The journal in a SQLite file. WAL journal mode lets readers go on while one writer commits; every
/// write is BEGIN IMMEDIATE, so writers queue (busy_timeout 10 s) instead of failing on a lock upgrade;
/// synchronous=FULL because a dose the patient was told is recorded must survive a power cut too (in WAL
/// mode NORMAL may lose the last commits then), and a journal writes a few rows a day.
/// </summary>
internal sealed class SqliteJournalStore : JournalStore
{
    private const int BusyTimeoutMs = 10_000;

    private readonly string _path;

    public SqliteJournalStore(string path, int? migrateTo, IClock clock)
        : base(CreateConnection(FullPath(path)), Dialect.Sqlite, $"SQLite file {FullPath(path)}", FullPath(path), clock)
    {
        var fullPath = FullPath(path);
        _path = fullPath;
        try
        {
            Connection.Open();
            Connection.Execute($"PRAGMA busy_timeout = {BusyTimeoutMs}; PRAGMA foreign_keys = ON;");
            var mode = Connection.ExecuteScalar<string>("PRAGMA journal_mode = WAL;");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidInputException($"The journal at {fullPath} cannot use write-ahead logging (journal mode '{mode}').");
            }

            Connection.Execute("PRAGMA synchronous = FULL;");
            Upgrade(migrateTo);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 26)
        {
            Dispose();
            throw JournalStores.NotAJournal(fullPath, e);
        }
        catch (SqliteException e)
        {
            Dispose();
            throw new InvalidInputException($"Cannot open the journal at {fullPath} ({e.Message.TrimEnd('.')}).", e);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>A consistent copy made with VACUUM INTO, written beside the target and then moved over it.</summary>
    public override void Backup(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = Path.GetFullPath(path);
        if (string.Equals(target, _path, StringComparison.Ordinal))
        {
            throw new InvalidInputException($"A backup cannot replace the journal itself ({target}); choose another file.");
        }

        var folder = Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            Connection.Execute("VACUUM INTO @temporary", new { temporary });
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    protected override DbTransaction BeginWrite() => ((SqliteConnection)Connection).BeginTransaction(deferred: false);

    protected override DbTransaction BeginRead() => ((SqliteConnection)Connection).BeginTransaction(deferred: true);

    protected override bool TableExists(string name, DbTransaction? transaction) =>
        Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name", new { name }, transaction) > 0;

    protected override long CountTables(DbTransaction transaction) =>
        Connection.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'", transaction: transaction);

    protected override object DecimalValue(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string FullPath(string path) => Path.GetFullPath(path.Trim());

    private static SqliteConnection CreateConnection(string fullPath)
    {
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // No pooling: the store holds its one connection for its lifetime, and closing it releases the file.
        return new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMs / 1000 * 3,
        }.ConnectionString);
    }
}
