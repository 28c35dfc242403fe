using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Ldn.Core;
using Ldn.Core.Journal;
using NodaTime;
using NodaTime.Text;
using static Ldn.Storage.EntryTables;

namespace Ldn.Storage;

/// <summary>
/// What both stores share: the SQL (the same statements run on SQLite and PostgreSQL, with parameters),
/// validation, migrations, the history of changes and the mapping to the journal model. A subclass supplies
/// the connection, transactions and the few dialect differences. One instance holds one connection and is
/// not meant for concurrent use from several threads; open one store per thread or process instead.
/// </summary>
/// <remarks>
/// Every change to an entry (add, edit, delete, restore, and the inverse change an undo records) happens
/// in one write transaction together with its row in <c>changes</c>, so the entry's revision always equals
/// the number of changes recorded for it since the history began (the upgrade to schema 3; entries from
/// before it start at revision 1 with no add recorded).
/// </remarks>
internal abstract class JournalStore : IJournalStore
{
    private const string ProfileValues =
        "(@Name, @Zone, @Conditions, @Hepatic, @Renal, @Pregnant, @Breastfeeding, @Transplant, @Surgery)";
    private const string ProfileColumns =
        "name, time_zone, conditions, hepatic_impairment, renal_impairment, pregnant, breastfeeding, transplant_immunosuppression, planned_surgery";
    private const string ChangeColumns = "sequence, kind, entry_id, revision, change, at_utc_ms, before_json, after_json, reason, undoes";
    private const string ChangeValues = "@Kind, @EntryId, @Revision, @Change, @At, @Before, @After, @Reason, @Undoes";
    private const string ScaleColumns = "id, label, low_anchor, high_anchor, higher_is_worse, code_system, code";

    private readonly Dialect _dialect;
    private readonly IClock _clock;
    private bool _disposed;

    protected JournalStore(DbConnection connection, Dialect dialect, string description, string location, IClock clock)
    {
        Connection = connection;
        _dialect = dialect;
        Description = description;
        Location = location;
        _clock = clock;
    }

    public string Description { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>Where the journal is, for messages: the file path or "host/db".</summary>
    protected string Location { get; }

    protected DbConnection Connection { get; }

    /// <summary>Test hook: runs inside the import transaction just before it commits.</summary>
    internal Action? BeforeImportCommit { get; set; }

    /// <summary>Test hook: runs inside an edit's or undo's transaction after the entry is written and before its change is recorded.</summary>
    internal Action? BeforeChangeRecorded { get; set; }

    public bool IsInitialized
    {
        get
        {
            using var transaction = BeginRead();
            return ReadProfile(transaction) is not null;
        }
    }

    public void Initialize(JournalProfile profile)
    {
        var valid = JournalValidation.Profile(profile);
        Write(transaction =>
        {
            if (ReadProfile(transaction) is not null)
            {
                throw new InvalidInputException($"The journal at {Location} is already initialised.");
            }

            Connection.Execute($"INSERT INTO profile (id, {ProfileColumns}) VALUES (1, {ProfileValues[1..]}", ProfileParameters(valid), transaction);
            return 0;
        });
    }

    public JournalProfile Profile()
    {
        using var transaction = BeginRead();
        return ReadProfile(transaction) ?? throw NotInitialised();
    }

    public void UpdateProfile(JournalProfile profile)
    {
        var valid = JournalValidation.Profile(profile);
        Write(transaction =>
        {
            _ = ReadProfile(transaction) ?? throw NotInitialised();
            WriteProfile(transaction, valid);
            return 0;
        });
    }

    public long AddDose(DoseEntry dose) => Add(dose);

    public long AddCheckIn(CheckInEntry checkIn) => Add(checkIn);

    public long AddSideEffect(SideEffectEntry sideEffect) => Add(sideEffect);

    public long AddEvent(EventEntry journalEvent) => Add(journalEvent);

    public long AddMedication(MedicationEntry medication) => Add(medication);

    public long AddPlanVersion(PlanVersion version) => Add(version);

    public bool EndSideEffect(long id, Instant to) => Write(transaction =>
    {
        if (FindIn(transaction, JournalEntryKind.SideEffect, id) is not { Deleted: false, Entry: SideEffectEntry { To: null } open })
        {
            return false;
        }

        JournalValidation.Ends(open.From, to, $"The side effect {id}");
        Replace(transaction, open, open with { To = to }, null, null);
        return true;
    });

    public bool StopMedication(string name, Instant until)
    {
        var wanted = JournalValidation.Name(name, "A medication name");
        return Write(transaction =>
        {
            // Matched here rather than with SQL lower(), which differs between the databases beyond ASCII.
            var open = Read(transaction, $"SELECT {Medications.Select} FROM medications WHERE until_utc_ms IS NULL AND deleted = 0 ORDER BY id", null, Medications.Entry)
                .Cast<MedicationEntry>()
                .Where(m => string.Equals(m.Name, wanted, StringComparison.OrdinalIgnoreCase))
                .ToList();
            foreach (var medication in open)
            {
                JournalValidation.Ends(medication.Since, until, $"The medication '{medication.Name}'");
            }

            foreach (var medication in open)
            {
                Replace(transaction, medication, medication with { Until = until }, null, null);
            }

            return open.Count > 0;
        });
    }

    public StoredEntry? Find(JournalEntryKind kind, long id)
    {
        using var transaction = BeginRead();
        return FindIn(transaction, kind, id);
    }

    public int Edit(IJournalEntry entry, int? expectedRevision = null, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Kind == JournalEntryKind.Plan)
        {
            throw new InvalidInputException(
                "A plan version is not edited: add a new version with 'ldn journal plan adjust' or 'ldn journal plan set', or undo the last one with 'ldn journal undo'.");
        }

        var why = JournalValidation.Reason(reason);
        return Write(transaction =>
        {
            var stored = FindIn(transaction, entry.Kind, entry.Id) ?? throw Unknown(entry.Kind, entry.Id);
            if (stored.Deleted)
            {
                throw new InvalidInputException(
                    $"{Capitalised(entry.Kind, entry.Id)} is deleted; restore it first ('ldn journal restore {JournalEntryKinds.Name(entry.Kind)} {entry.Id}') to edit it.");
            }

            CheckRevision(stored.Entry, expectedRevision, "edit");
            var valid = Validate(transaction, entry);
            return Replace(transaction, stored.Entry, valid, why, null).Revision;
        });
    }

    public int Delete(JournalEntryKind kind, long id, int? expectedRevision = null, string? reason = null) =>
        SetDeleted(kind, id, true, expectedRevision, reason);

    public int Restore(JournalEntryKind kind, long id, int? expectedRevision = null, string? reason = null) =>
        SetDeleted(kind, id, false, expectedRevision, reason);

    public JournalChange Undo() => Write(transaction =>
    {
        var target = Read(transaction,
                $"""
                SELECT {ChangeColumns} FROM changes c
                WHERE c.undoes IS NULL AND NOT EXISTS (SELECT 1 FROM changes u WHERE u.undoes = c.sequence)
                ORDER BY c.sequence DESC LIMIT 1
                """, null, ReadChange)
            .FirstOrDefault() ?? throw new InvalidInputException($"There is nothing to undo in the journal at {Location}.");
        var stored = FindIn(transaction, target.Kind, target.EntryId)
            ?? throw new InvalidInputException($"The journal's history names {Named(target.Kind, target.EntryId)}, which is not there; nothing was undone.");
        // Undone newest first, a change finds its entry as it left it: deleted after a delete, live otherwise.
        if (stored.Deleted != (target.Change == JournalChangeType.Delete))
        {
            throw new InvalidInputException(
                $"{Capitalised(target.Kind, target.EntryId)} is {(stored.Deleted ? "deleted" : "not deleted")}, so change {target.Sequence} ({JournalChange.Name(target.Change)}) cannot be undone; restore or delete it first.");
        }

        if (target.Change == JournalChangeType.Edit)
        {
            var before = JournalEntryJson.Read(target.Kind, target.Before
                ?? throw new InvalidInputException($"Change {target.Sequence} of the journal's history has no earlier value to go back to."));
            return Replace(transaction, stored.Entry, Validate(transaction, before), JournalChange.UndoReason, target.Sequence);
        }

        return Flip(transaction, stored.Entry, !stored.Deleted, JournalChange.UndoReason, target.Sequence);
    });

    public IReadOnlyList<JournalChange> History(JournalEntryKind? kind = null, long? id = null)
    {
        using var transaction = BeginRead();
        return ReadHistory(transaction, kind, id);
    }

    public void AddScale(SymptomScale scale)
    {
        var valid = JournalValidation.Scale(scale);
        Write(transaction =>
        {
            var catalogue = ReadScales(transaction);
            CheckScale(catalogue, valid);
            Connection.Execute(
                $"INSERT INTO scales (position, {ScaleColumns}) VALUES ((SELECT COALESCE(MAX(position), 0) + 1 FROM scales), @Id, @Label, @LowAnchor, @HighAnchor, @HigherIsWorse, @CodeSystem, @Code)",
                ScaleParameters(valid), transaction);
            return 0;
        });
    }

    public JournalData Load(Instant? from = null, Instant? to = null, bool withHistory = false)
    {
        var window = new
        {
            lo = from?.ToUnixTimeMilliseconds() ?? long.MinValue,
            hi = to?.ToUnixTimeMilliseconds() ?? long.MaxValue,
        };
        using var transaction = BeginRead();
        var profile = ReadProfile(transaction) ?? throw NotInitialised();
        List<T> Entries<T>(EntryTable table, string where) =>
            [.. Read(transaction, $"SELECT {table.Select} FROM {table.Name} WHERE deleted = 0{where} ORDER BY {table.Order}, id", window, table.Entry).Cast<T>()];
        return new JournalData
        {
            Profile = profile,
            Plans = Entries<PlanVersion>(Plans, ""),
            Scales = ReadScales(transaction),
            History = withHistory ? ReadHistory(transaction, null, null) : [],
            Doses = Entries<DoseEntry>(Doses, " AND at_utc_ms >= @lo AND at_utc_ms < @hi"),
            CheckIns = Entries<CheckInEntry>(CheckIns, " AND at_utc_ms >= @lo AND at_utc_ms < @hi"),
            SideEffects = Entries<SideEffectEntry>(SideEffects, " AND from_utc_ms < @hi AND (to_utc_ms IS NULL OR to_utc_ms >= @lo)"),
            Events = Entries<EventEntry>(Events, " AND at_utc_ms >= @lo AND at_utc_ms < @hi"),
            Medications = Entries<MedicationEntry>(Medications, ""),
        };
    }

    public void Import(JournalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var profile = JournalValidation.Profile(data.Profile);
        var ownScales = (data.Scales ?? []).Where(s => !s.BuiltIn).Select(JournalValidation.Scale).ToList();
        var catalogue = SymptomScales.BuiltIn.ToList();
        foreach (var scale in ownScales)
        {
            CheckScale(catalogue, scale);
            catalogue.Add(scale);
        }

        var history = (data.History ?? []).Select(c => c with { Reason = JournalValidation.Reason(c.Reason) }).ToList();
        var rows = ImportRows(data, history, catalogue);

        Write(transaction =>
        {
            var hasEntries = Connection.ExecuteScalar<long>(
                $"SELECT CASE WHEN {string.Join(" OR ", EntryTables.All.Select(t => t.Name).Append("scales").Append("changes").Select(t => $"EXISTS (SELECT 1 FROM {t})"))} THEN 1 ELSE 0 END",
                transaction: transaction);
            if (hasEntries != 0)
            {
                throw new InvalidInputException(
                    $"The journal at {Location} already holds entries; import into a new journal or one that was just initialised.");
            }

            if (ReadProfile(transaction) is null)
            {
                Connection.Execute($"INSERT INTO profile (id, {ProfileColumns}) VALUES (1, {ProfileValues[1..]}", ProfileParameters(profile), transaction);
            }
            else
            {
                WriteProfile(transaction, profile);
            }

            foreach (var (scale, position) in ownScales.Select((s, i) => (s, i + 1)))
            {
                Connection.Execute($"INSERT INTO scales (position, {ScaleColumns}) VALUES (@Position, @Id, @Label, @LowAnchor, @HighAnchor, @HigherIsWorse, @CodeSystem, @Code)",
                    ScaleParameters(scale, position), transaction);
            }

            // Dapper runs one prepared command per list, binding each row in turn. Rows with ids first, then
            // the identity is moved past them, then rows without ids take fresh ones.
            foreach (var table in EntryTables.All)
            {
                var ofTable = rows.Where(r => r.Entry.Kind == table.Kind).ToList();
                Connection.Execute(table.Insert(withId: true), ofTable.Where(r => r.Entry.Id != 0).Select(r => Parameters(r.Entry, r.Deleted, DecimalValue)), transaction);
                ResetIdentity(transaction, table.Name, "id");
                Connection.Execute(table.Insert(withId: false), ofTable.Where(r => r.Entry.Id == 0).Select(r => Parameters(r.Entry, r.Deleted, DecimalValue)), transaction);
            }

            Connection.Execute($"INSERT INTO changes ({ChangeColumns}) VALUES (@Sequence, {ChangeValues})", history.Select(ChangeParameters), transaction);
            ResetIdentity(transaction, "changes", "sequence");
            BeforeImportCommit?.Invoke();
            return 0;
        });
    }

    public abstract void Backup(string path);

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            Connection.Dispose();
        }
    }

    /// <summary>Runs SQL as it is, outside the store's rules: for tests that build old or damaged databases.</summary>
    internal int ExecuteRaw(string sql) => Connection.Execute(sql);

    internal long ScalarRaw(string sql) => Connection.ExecuteScalar<long>(sql);

    internal List<string?> TextsRaw(string sql) => [.. Connection.Query<string?>(sql)];

    /// <summary>A write transaction that other writers wait for (SQLite BEGIN IMMEDIATE; PostgreSQL an advisory lock).</summary>
    protected abstract DbTransaction BeginWrite();

    /// <summary>A read transaction that sees one consistent snapshot.</summary>
    protected abstract DbTransaction BeginRead();

    protected abstract bool TableExists(string name, DbTransaction? transaction);

    protected abstract long CountTables(DbTransaction transaction);

    /// <summary>How a decimal is bound: TEXT on SQLite (exact, unlike its REAL), NUMERIC on PostgreSQL.</summary>
    protected abstract object DecimalValue(decimal value);

    /// <summary>After rows were inserted with explicit ids: makes the next generated id follow the largest (PostgreSQL identity columns; SQLite needs nothing).</summary>
    protected virtual void ResetIdentity(DbTransaction transaction, string table, string column)
    {
    }

    /// <summary>
    /// Brings the schema to <paramref name="migrateTo"/> (default: the latest), applying the missing
    /// migrations in one write transaction; refuses a database from a newer version or one that is not a journal.
    /// </summary>
    protected void Upgrade(int? migrateTo)
    {
        var target = migrateTo ?? Migrations.Latest;
        if (TableExists("schema_version", null))
        {
            var found = CurrentVersion(null);
            CheckNotNewer(found);
            if (found >= target)
            {
                SchemaVersion = found;
                return;
            }
        }

        SchemaVersion = Write(transaction =>
        {
            if (!TableExists("schema_version", transaction))
            {
                if (CountTables(transaction) > 0)
                {
                    throw JournalStores.NotAJournal(Location);
                }

                Connection.Execute(Migrations.VersionTable, transaction: transaction);
            }

            var current = CurrentVersion(transaction);
            CheckNotNewer(current);
            foreach (var migration in Migrations.All.Where(m => m.Version > current && m.Version <= target))
            {
                Connection.Execute(migration.Script(_dialect), transaction: transaction);
                migration.Step?.Invoke(Connection, transaction);
                Connection.Execute(
                    "INSERT INTO schema_version (version, applied_at_utc_ms) VALUES (@Version, @now)",
                    new { migration.Version, now = _clock.GetCurrentInstant().ToUnixTimeMilliseconds() }, transaction);
                current = migration.Version;
            }

            return current;
        });
    }

    protected T Write<T>(Func<DbTransaction, T> action)
    {
        using var transaction = BeginWrite();
        var result = action(transaction);
        transaction.Commit();
        return result;
    }

    /// <summary>Validates a new entry, adds it (revision 1) and records the add.</summary>
    private long Add(IJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Write(transaction =>
        {
            var valid = With(Validate(transaction, entry), 0, 1);
            if (valid is PlanVersion version)
            {
                var first = Connection.ExecuteScalar<string?>("SELECT MIN(from_date) FROM plans WHERE deleted = 0", transaction: transaction);
                if (first is not null && string.CompareOrdinal(LocalDatePattern.Iso.Format(version.From), first) < 0)
                {
                    throw new InvalidInputException(
                        $"A plan version cannot start on {LocalDatePattern.Iso.Format(version.From)}, before the journal's first plan starts ({first}).");
                }
            }

            var table = EntryTables.Of(valid.Kind);
            var id = Connection.ExecuteScalar<long>(table.Insert(withId: false) + " RETURNING id", Parameters(valid, false, DecimalValue), transaction);
            var added = With(valid, id, 1);
            Record(transaction, added, JournalChangeType.Add, null, Json(transaction, added), null, null);
            return id;
        });
    }

    /// <summary>Validates an entry the way an add does; a check-in against the journal's scale catalogue.</summary>
    private IJournalEntry Validate(DbTransaction transaction, IJournalEntry entry) =>
        JournalValidation.Entry(entry, entry is CheckInEntry ? ReadScales(transaction) : SymptomScales.BuiltIn);

    /// <summary>Writes <paramref name="next"/> over <paramref name="current"/> (one revision on) and records the edit.</summary>
    private JournalChange Replace(DbTransaction transaction, IJournalEntry current, IJournalEntry next, string? reason, long? undoes)
    {
        var stored = With(next, current.Id, current.Revision + 1);
        Connection.Execute(EntryTables.Of(current.Kind).Update, Parameters(stored, false, DecimalValue), transaction);
        BeforeChangeRecorded?.Invoke();
        return Record(transaction, stored, JournalChangeType.Edit, Json(transaction, current), Json(transaction, stored), reason, undoes);
    }

    /// <summary>Deletes or restores <paramref name="current"/> (one revision on) and records it.</summary>
    private JournalChange Flip(DbTransaction transaction, IJournalEntry current, bool deleted, string? reason, long? undoes)
    {
        var stored = With(current, current.Id, current.Revision + 1);
        Connection.Execute(
            $"UPDATE {EntryTables.Of(current.Kind).Name} SET deleted = @deleted, revision = @Revision WHERE id = @Id",
            new { deleted = Flag(deleted), stored.Revision, stored.Id }, transaction);
        BeforeChangeRecorded?.Invoke();
        return Record(transaction, stored, deleted ? JournalChangeType.Delete : JournalChangeType.Restore, Json(transaction, current), Json(transaction, stored), reason, undoes);
    }

    private int SetDeleted(JournalEntryKind kind, long id, bool deleted, int? expectedRevision, string? reason)
    {
        var why = JournalValidation.Reason(reason);
        return Write(transaction =>
        {
            StoredEntry stored;
            try
            {
                stored = FindIn(transaction, kind, id) ?? throw Unknown(kind, id);
            }
            catch (UnreadableEntryException) when (deleted)
            {
                return DeleteUnreadable(transaction, kind, id, why);
            }

            if (stored.Deleted == deleted)
            {
                throw new InvalidInputException(deleted
                    ? $"{Capitalised(kind, id)} is already deleted."
                    : $"{Capitalised(kind, id)} is not deleted, so there is nothing to restore.");
            }

            CheckRevision(stored.Entry, expectedRevision, deleted ? "delete" : "restore");
            return Flip(transaction, stored.Entry, deleted, why, null).Revision;
        });
    }

    /// <summary>
    /// Deletes an entry whose stored values cannot be read (<see cref="UnreadableEntryException"/>): the row is marked
    /// deleted and the change recorded without before/after values, as none can be read. Its data stay in the table.
    /// </summary>
    private int DeleteUnreadable(DbTransaction transaction, JournalEntryKind kind, long id, string? reason)
    {
        var table = EntryTables.Of(kind);
        var revision = Connection.ExecuteScalar<int>($"SELECT revision FROM {table.Name} WHERE id = @id", new { id }, transaction) + 1;
        Connection.Execute($"UPDATE {table.Name} SET deleted = 1, revision = @revision WHERE id = @id", new { revision, id }, transaction);
        BeforeChangeRecorded?.Invoke();
        var change = new JournalChange(0, kind, id, revision, JournalChangeType.Delete, _clock.GetCurrentInstant(), null, null, reason ?? "unreadable entry removed", null);
        Connection.Execute($"INSERT INTO changes ({ChangeColumns[("sequence, ".Length)..]}) VALUES ({ChangeValues})", ChangeParameters(change), transaction);
        return revision;
    }

    private JournalChange Record(DbTransaction transaction, IJournalEntry entry, JournalChangeType change, string? before, string? after, string? reason, long? undoes)
    {
        var recorded = new JournalChange(0, entry.Kind, entry.Id, entry.Revision, change, _clock.GetCurrentInstant(), before, after, reason, undoes);
        var sequence = Connection.ExecuteScalar<long>(
            $"INSERT INTO changes ({ChangeColumns[("sequence, ".Length)..]}) VALUES ({ChangeValues}) RETURNING sequence", ChangeParameters(recorded), transaction);
        // The instant as stored (whole milliseconds), so the change returned equals the one History reads.
        return recorded with { Sequence = sequence, At = Instant.FromUnixTimeMilliseconds(recorded.At.ToUnixTimeMilliseconds()) };
    }

    /// <summary>The entry's document JSON; a medication's times in the profile's zone (UTC before there is a profile).</summary>
    private string Json(DbTransaction transaction, IJournalEntry entry) =>
        JournalEntryJson.Write(entry, entry is MedicationEntry
            ? Connection.ExecuteScalar<string?>("SELECT time_zone FROM profile WHERE id = 1", transaction: transaction) ?? "UTC"
            : "UTC");

    private StoredEntry? FindIn(DbTransaction transaction, JournalEntryKind kind, long id)
    {
        var table = EntryTables.Of(kind);
        return Read(transaction, $"SELECT {table.Select}, deleted FROM {table.Name} WHERE id = @id", new { id },
            r => new StoredEntry(table.Entry(r), Int64(r, r.FieldCount - 1) != 0)).FirstOrDefault();
    }

    private List<JournalChange> ReadHistory(DbTransaction transaction, JournalEntryKind? kind, long? id) =>
        Read(transaction,
            $"SELECT {ChangeColumns} FROM changes WHERE (@kind IS NULL OR kind = @kind) AND (@id IS NULL OR entry_id = @id) ORDER BY sequence",
            new { kind = kind is { } k ? JournalEntryKinds.Name(k) : null, id }, ReadChange);

    private static JournalChange ReadChange(IDataRecord r) => new(
        Int64(r, 0),
        JournalEntryKinds.Parse(r.GetString(1)),
        Int64(r, 2),
        Int32(r, 3),
        Enum.GetValues<JournalChangeType>().First(t => JournalChange.Name(t) == r.GetString(4)),
        Instant.FromUnixTimeMilliseconds(Int64(r, 5)),
        Text(r, 6),
        Text(r, 7),
        Text(r, 8),
        r.IsDBNull(9) ? null : Int64(r, 9));

    private static object ChangeParameters(JournalChange c) => new
    {
        c.Sequence,
        Kind = JournalEntryKinds.Name(c.Kind),
        c.EntryId,
        c.Revision,
        Change = JournalChange.Name(c.Change),
        At = c.At.ToUnixTimeMilliseconds(),
        c.Before,
        c.After,
        c.Reason,
        c.Undoes,
    };

    /// <summary>The built-in scales, then the journal's own in the order added.</summary>
    private List<SymptomScale> ReadScales(DbTransaction transaction) =>
        [.. SymptomScales.BuiltIn, .. Read(transaction, $"SELECT {ScaleColumns} FROM scales ORDER BY position", null,
            r => new SymptomScale(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Int64(r, 4) != 0, Text(r, 5), Text(r, 6)))];

    private static object ScaleParameters(SymptomScale s, int position = 0) =>
        new { s.Id, s.Label, s.LowAnchor, s.HighAnchor, HigherIsWorse = Flag(s.HigherIsWorse), s.CodeSystem, s.Code, Position = position };

    /// <summary>Refuses a scale whose id or label names a scale of <paramref name="catalogue"/>, or one more than the catalogue holds.</summary>
    private static void CheckScale(List<SymptomScale> catalogue, SymptomScale scale)
    {
        if ((SymptomScales.Find(catalogue, scale.Id) ?? SymptomScales.Find(catalogue, scale.Label)) is { } clash)
        {
            throw new ScaleExistsException(
                $"The scale '{scale.Label}' clashes with the scale '{clash.Label}' ({clash.Id}) the journal already has; choose another name.", clash);
        }

        if (catalogue.Count >= SymptomScales.MaxScales)
        {
            throw new InvalidInputException($"The journal already has {catalogue.Count} scales, the most a check-in asks about; no more can be added.");
        }
    }

    /// <summary>
    /// Every entry to import, validated, with whether it is deleted: the live entries of <paramref name="data"/>,
    /// and the deleted ones, which travel in their history (the value of their last change, a delete).
    /// </summary>
    private static List<(IJournalEntry Entry, bool Deleted)> ImportRows(JournalData data, List<JournalChange> history, List<SymptomScale> catalogue)
    {
        IEnumerable<IJournalEntry> live = [.. data.Plans ?? [], .. data.Medications ?? [], .. data.Doses ?? [], .. data.CheckIns ?? [], .. data.SideEffects ?? [], .. data.Events ?? []];
        var rows = live.Select(e => (Entry: JournalValidation.Entry(e, catalogue), Deleted: false)).ToList();
        var liveIds = rows.Where(r => r.Entry.Id != 0).Select(r => (r.Entry.Kind, r.Entry.Id)).ToHashSet();
        if (history.Select(c => c.Sequence).Distinct().Count() != history.Count)
        {
            throw new InvalidInputException("The journal to import has two changes with the same sequence number in its history.");
        }

        foreach (var last in history.GroupBy(c => (c.Kind, c.EntryId)).Select(g => g.MaxBy(c => c.Sequence)!))
        {
            var deleted = last.Change == JournalChangeType.Delete;
            if (deleted == liveIds.Contains((last.Kind, last.EntryId)))
            {
                throw new InvalidInputException(deleted
                    ? $"The journal to import lists {Named(last.Kind, last.EntryId)} as an entry, but its history says it was deleted."
                    : $"The history of the journal to import names {Named(last.Kind, last.EntryId)}, which the journal does not hold.");
            }

            if (deleted)
            {
                var value = JournalEntryJson.Read(last.Kind, last.After ?? last.Before
                    ?? throw new InvalidInputException($"The history of the journal to import deletes {Named(last.Kind, last.EntryId)} without its value."));
                rows.Add((JournalValidation.Entry(With(value, last.EntryId, last.Revision), catalogue), true));
            }
        }

        var duplicate = rows.Where(r => r.Entry.Id != 0).GroupBy(r => (r.Entry.Kind, r.Entry.Id)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidInputException($"The journal to import has two entries named {Named(duplicate.Key.Kind, duplicate.Key.Id)}; ids must differ within a kind.");
        }

        if (rows.FirstOrDefault(r => r.Entry.Revision < 1 || r.Entry.Id < 0) is { Entry: { } bad })
        {
            throw new InvalidInputException($"The journal to import gives {Named(bad.Kind, bad.Id)} the revision {bad.Revision}; ids are 0 or more and revisions start at 1.");
        }

        return rows;
    }

    /// <summary>Optimistic concurrency: the caller's revision must still be the stored one.</summary>
    private static void CheckRevision(IJournalEntry stored, int? expected, string action)
    {
        if (expected is { } mine && mine != stored.Revision)
        {
            throw new InvalidInputException(
                $"{Capitalised(stored.Kind, stored.Id)} was changed since you read it (revision {stored.Revision}, you had {mine}); show it again and repeat the {action}.");
        }
    }

    private InvalidInputException Unknown(JournalEntryKind kind, long id) =>
        new($"There is no {Named(kind, id)} in the journal at {Location}.");

    /// <summary>"dose 12", "check-in 3", "side effect 4", "plan version 2".</summary>
    private static string Named(JournalEntryKind kind, long id) => kind switch
    {
        JournalEntryKind.SideEffect => "side effect",
        JournalEntryKind.Plan => "plan version",
        _ => JournalEntryKinds.Name(kind),
    } + " " + id.ToString(CultureInfo.InvariantCulture);

    private static string Capitalised(JournalEntryKind kind, long id) => Named(kind, id) is var text ? char.ToUpperInvariant(text[0]) + text[1..] : "";

    private int CurrentVersion(DbTransaction? transaction) =>
        Connection.ExecuteScalar<int?>("SELECT MAX(version) FROM schema_version", transaction: transaction) ?? 0;

    private void CheckNotNewer(int version)
    {
        if (version > Migrations.Latest)
        {
            throw new InvalidInputException(
                $"The journal at {Location} was made by a newer LDN Workbench (schema version {version}; this one knows up to {Migrations.Latest}); update LDN Workbench to open it.");
        }
    }

    private InvalidInputException NotInitialised() =>
        new($"The journal at {Location} is not initialised; run 'ldn journal init'.");

    private List<T> Read<T>(DbTransaction transaction, string sql, object? parameters, Func<IDataRecord, T> map)
    {
        using var reader = Connection.ExecuteReader(sql, parameters, transaction);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private JournalProfile? ReadProfile(DbTransaction transaction) =>
        Read(transaction, $"SELECT {ProfileColumns} FROM profile WHERE id = 1", null, r => new JournalProfile
        {
            Name = Text(r, 0),
            TimeZoneId = r.GetString(1),
            Conditions = JsonSerializer.Deserialize<string[]>(r.GetString(2)) ?? [],
            HepaticImpairment = Int64(r, 3) != 0,
            RenalImpairment = Int64(r, 4) != 0,
            Pregnant = Int64(r, 5) != 0,
            Breastfeeding = Int64(r, 6) != 0,
            TransplantImmunosuppression = Int64(r, 7) != 0,
            PlannedSurgery = Text(r, 8) is { } surgery ? LocalDatePattern.Iso.Parse(surgery).Value : null,
        }).FirstOrDefault();

    private void WriteProfile(DbTransaction transaction, JournalProfile profile) =>
        Connection.Execute($"UPDATE profile SET ({ProfileColumns}) = {ProfileValues} WHERE id = 1", ProfileParameters(profile), transaction);

    private static object ProfileParameters(JournalProfile p) => new
    {
        p.Name,
        Zone = p.TimeZoneId,
        Conditions = JsonSerializer.Serialize(p.Conditions),
        Hepatic = Flag(p.HepaticImpairment),
        Renal = Flag(p.RenalImpairment),
        Pregnant = Flag(p.Pregnant),
        Breastfeeding = Flag(p.Breastfeeding),
        Transplant = Flag(p.TransplantImmunosuppression),
        Surgery = p.PlannedSurgery is { } date ? LocalDatePattern.Iso.Format(date) : null,
    };
}
