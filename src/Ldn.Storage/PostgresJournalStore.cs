using System.Data;
using System.Data.Common;
using Dapper;
using Ldn.Core;
using Npgsql;
using NodaTime;

namespace Ldn.Storage;

/// <summary>
/// The journal in PostgreSQL, in the first schema of the connection's search path. Writes are READ
/// COMMITTED transactions that first take a transaction-scoped advisory lock for the schema, so writers
/// queue exactly as they do on SQLite; reads are REPEATABLE READ snapshots.
/// </summary>
internal sealed class PostgresJournalStore : JournalStore
{
    public PostgresJournalStore(string connectionString, int? migrateTo, IClock clock)
        : base(new NpgsqlConnection(connectionString), Dialect.Postgres, PostgresConnection.Describe(connectionString),
            PostgresConnection.Describe(connectionString)["PostgreSQL ".Length..], clock)
    {
        try
        {
            Connection.Open();
            Upgrade(migrateTo);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            Dispose();
            throw new InvalidInputException($"Cannot open the journal at {Description} ({e.Message.TrimEnd('.')}).", e);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>A JSON snapshot (<see cref="JournalSnapshot"/>: the ldn-journal/2 document) of one consistent read of the whole journal, history included.</summary>
    public override void Backup(string path) => JournalSnapshot.Write(path, Load(withHistory: true));

    protected override DbTransaction BeginWrite()
    {
        var transaction = ((NpgsqlConnection)Connection).BeginTransaction(IsolationLevel.ReadCommitted);
        try
        {
            Connection.Execute("SELECT pg_advisory_xact_lock(hashtext('ldn-journal:' || COALESCE(current_schema(), '')))", transaction: transaction);
            return transaction;
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    protected override DbTransaction BeginRead() => ((NpgsqlConnection)Connection).BeginTransaction(IsolationLevel.RepeatableRead);

    protected override bool TableExists(string name, DbTransaction? transaction) =>
        Connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @name",
            new { name }, transaction) > 0;

    protected override long CountTables(DbTransaction transaction) =>
        Connection.ExecuteScalar<long>(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()", transaction: transaction);

    protected override object DecimalValue(decimal value) => value;

    /// <summary>setval so the next generated value follows the largest one imported (1 for an empty table).</summary>
    protected override void ResetIdentity(DbTransaction transaction, string table, string column) =>
        Connection.Execute(
            $"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), COALESCE(MAX({column}), 0) + 1, false) FROM {table}",
            transaction: transaction);
}
