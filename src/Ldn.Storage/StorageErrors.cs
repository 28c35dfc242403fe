using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ldn.Storage;

/// <summary>
/// One sentence for a failure of the journal's database that the environment caused, not the program: a busy,
/// read-only, full or damaged SQLite file; a PostgreSQL server that is unreachable, starting up, refusing the
/// password or out of space. Front ends show the sentence and treat it as bad input (CLI exit 2, web 4xx/503);
/// anything this does not recognise is a bug and stays one.
/// </summary>
public static class StorageErrors
{
    // SQLite primary result codes (https://sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>The sentence for <paramref name="error"/> (or an exception inside it), or null if it is no environment failure of a store.</summary>
    public static string? Describe(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite && Sqlite(sqlite) is { } s)
            {
                return s;
            }

            if (e is PostgresException postgres && Postgres(postgres) is { } p)
            {
                return p;
            }

            if (e is NpgsqlException npgsql and not PostgresException && (npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException))
            {
                return "The PostgreSQL server could not be reached (check that it runs, and the host and port): nothing was changed.";
            }
        }

        return null;
    }

    /// <summary>
    /// The kind of environment failure <paramref name="error"/> (or an exception inside it) is, or null exactly when
    /// <see cref="Describe"/> gives no sentence: lets a front end pick its answer (the web's status code) by kind.
    /// </summary>
    public static StorageFailure? Classify(Exception error)
    {
        if (Describe(error) is null)
        {
            return null;
        }

        for (var e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when Sqlite(sqlite) is not null:
                    return (sqlite.SqliteErrorCode & 0xFF) switch
                    {
                        SqliteBusy or SqliteLocked => StorageFailure.Busy,
                        SqliteReadOnly => StorageFailure.ReadOnly,
                        SqliteFull => StorageFailure.Full,
                        SqliteIoError => StorageFailure.DiskError,
                        SqliteCantOpen => StorageFailure.CannotOpen,
                        _ => StorageFailure.Damaged,
                    };
                case PostgresException postgres when Postgres(postgres) is not null:
                    return postgres.SqlState switch
                    {
                        "57P03" => StorageFailure.StartingUp,
                        "57P01" or "57P02" => StorageFailure.ShuttingDown,
                        "53100" => StorageFailure.Full,
                        "53300" => StorageFailure.TooManyConnections,
                        "25006" => StorageFailure.ReadOnly,
                        _ => StorageFailure.Refused,
                    };
                case NpgsqlException npgsql and not PostgresException when npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException:
                    return StorageFailure.Unreachable;
                default:
                    break;
            }
        }

        return null;
    }

    private static string? Sqlite(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch
    {
        SqliteBusy or SqliteLocked => "The journal is busy: another program is writing it; try again in a moment (nothing was changed).",
        SqliteReadOnly => "The journal is read-only (check the file's and its folder's permissions): nothing was written.",
        SqliteFull => "The disk is full: nothing was written to the journal.",
        SqliteIoError => "The journal's disk reported an error (is it full?): nothing was written.",
        SqliteCorrupt or SqliteNotADatabase => "The journal file is damaged or is not a journal; restore it from a backup.",
        SqliteCantOpen => "The journal file cannot be opened (check the path and permissions).",
        _ => null,
    };

    private static string? Postgres(PostgresException e) => e.SqlState switch
    {
        "57P03" => "The PostgreSQL server is starting up; try again in a moment (nothing was changed).",
        "57P01" or "57P02" => "The PostgreSQL server is shutting down: nothing was changed.",
        "28P01" or "28000" => "PostgreSQL refused the user name or password.",
        "3D000" => "The PostgreSQL database does not exist; create it first (createdb).",
        "53100" => "The PostgreSQL server's disk is full: nothing was written.",
        "53300" => "The PostgreSQL server has too many connections; try again in a moment.",
        "25006" => "The PostgreSQL database is read-only: nothing was written.",
        "42501" => "PostgreSQL refused the permission this needs (the user lacks rights on the journal's tables).",
        _ => null,
    };
}
