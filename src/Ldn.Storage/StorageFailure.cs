namespace Ldn.Storage;

/// <summary>
/// The kind of an environment failure of the journal's database (<see cref="StorageErrors.Classify"/>), for a
/// front end that answers each kind differently (the web: 503 with Retry-After for what passes by itself, 507
/// for a full disk). The sentence for each is <see cref="StorageErrors.Describe"/>'s.
/// </summary>
public enum StorageFailure
{
    /// <summary>SQLite busy or locked: another writer holds it; passes by itself.</summary>
    Busy,

    /// <summary>SQLite or PostgreSQL read-only: needs the operator.</summary>
    ReadOnly,

    /// <summary>The disk (SQLite's or the PostgreSQL server's) is full.</summary>
    Full,

    /// <summary>SQLite's disk reported an I/O error.</summary>
    DiskError,

    /// <summary>The SQLite file is damaged or not a journal.</summary>
    Damaged,

    /// <summary>The SQLite file cannot be opened (path or permissions).</summary>
    CannotOpen,

    /// <summary>The PostgreSQL server cannot be reached; may pass by itself.</summary>
    Unreachable,

    /// <summary>The PostgreSQL server is starting up; passes by itself.</summary>
    StartingUp,

    /// <summary>The PostgreSQL server is shutting down.</summary>
    ShuttingDown,

    /// <summary>PostgreSQL has too many connections; passes by itself.</summary>
    TooManyConnections,

    /// <summary>PostgreSQL refused the user, password or permission, or the database is missing: needs the operator.</summary>
    Refused,
}
