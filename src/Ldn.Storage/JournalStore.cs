using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Storage;

/// <summary>
/// What both stores share: the SQL (the same statements run on SQLite and PostgreSQL, with parameters),
/// validation, migrations and the mapping to the journal model. A subclass supplies the connection,
/// transactions and the few dialect differences. One instance holds one connection and is not meant for
/// concurrent use from several threads; open one store per thread or process instead.
/// </summary>
internal abstract class JournalStore : IJournalStore
{
    private const string DoseColumns = "id, at_utc_ms, time_zone, CAST(dose_mg AS TEXT), formulation, skipped, note";
    private const string CheckInColumns = "id, at_utc_ms, time_zone, fatigue, pain, sleep, mood, focus, note";
    private const string SideEffectColumns = "id, kind, severity, from_utc_ms, to_utc_ms, time_zone, note";
    private const string EventColumns = "id, at_utc_ms, time_zone, kind, note";

    private const string InsertDose =
        "INSERT INTO doses (at_utc_ms, time_zone, dose_mg, formulation, skipped, note) VALUES (@At, @Zone, @DoseMg, @Formulation, @Skipped, @Note)";
    private const string InsertCheckIn =
        "INSERT INTO check_ins (at_utc_ms, time_zone, fatigue, pain, sleep, mood, focus, note) VALUES (@At, @Zone, @Fatigue, @Pain, @Sleep, @Mood, @Focus, @Note)";
    private const string InsertSideEffect =
        "INSERT INTO side_effects (kind, severity, from_utc_ms, to_utc_ms, time_zone, note) VALUES (@Kind, @Severity, @From, @To, @Zone, @Note)";
    private const string InsertEvent =
        "INSERT INTO events (at_utc_ms, time_zone, kind, note) VALUES (@At, @Zone, @Kind, @Note)";
    private const string InsertMedication =
        "INSERT INTO medications (name, since_utc_ms, until_utc_ms) VALUES (@Name, @Since, @Until)";
    private const string InsertPlan =
        "INSERT INTO plans (set_at_utc_ms, plan_json) VALUES (@SetAt, @PlanJson)";

    private const string ProfileValues =
        "(@Name, @Zone, @Conditions, @Hepatic, @Renal, @Pregnant, @Breastfeeding, @Transplant, @Surgery)";
    private const string ProfileColumns =
        "name, time_zone, conditions, hepatic_impairment, renal_impairment, pregnant, breastfeeding, transplant_immunosuppression, planned_surgery";

    private readonly Dialect _dialect;
    private bool _disposed;

    protected JournalStore(DbConnection connection, Dialect dialect, string description, string location)
    {
        Connection = connection;
        _dialect = dialect;
        Description = description;
        Location = location;
    }

    public string Description { get; }

    public int SchemaVersion { get; private set; }

    /// <summary>Where the journal is, for messages: the file path or "host/db".</summary>
    protected string Location { get; }

    protected DbConnection Connection { get; }

    /// <summary>Test hook: runs inside the import transaction just before it commits.</summary>
    internal Action? BeforeImportCommit { get; set; }

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

    public long AddDose(DoseEntry dose)
    {
        var valid = JournalValidation.Dose(dose);
        return Write(transaction => Insert(transaction, InsertDose, DoseParameters(valid)));
    }

    public long AddCheckIn(CheckInEntry checkIn)
    {
        var valid = JournalValidation.CheckIn(checkIn);
        return Write(transaction => Insert(transaction, InsertCheckIn, CheckInParameters(valid)));
    }

    public long AddSideEffect(SideEffectEntry sideEffect)
    {
        var valid = JournalValidation.SideEffect(sideEffect);
        return Write(transaction => Insert(transaction, InsertSideEffect, SideEffectParameters(valid)));
    }

    public bool EndSideEffect(long id, Instant to) => Write(transaction =>
    {
        var from = Connection.ExecuteScalar<long?>(
            "SELECT from_utc_ms FROM side_effects WHERE id = @id AND to_utc_ms IS NULL", new { id }, transaction);
        if (from is not { } fromMs)
        {
            return false;
        }

        JournalValidation.Ends(Instant.FromUnixTimeMilliseconds(fromMs), to, $"The side effect {id}");
        return Connection.Execute(
            "UPDATE side_effects SET to_utc_ms = @to WHERE id = @id AND to_utc_ms IS NULL",
            new { id, to = to.ToUnixTimeMilliseconds() }, transaction) == 1;
    });

    public long AddEvent(EventEntry journalEvent)
    {
        var valid = JournalValidation.Event(journalEvent);
        return Write(transaction => Insert(transaction, InsertEvent, EventParameters(valid)));
    }

    public long AddMedication(MedicationEntry medication)
    {
        var valid = JournalValidation.Medication(medication);
        return Write(transaction => Insert(transaction, InsertMedication, MedicationParameters(valid)));
    }

    public bool StopMedication(string name, Instant until)
    {
        var wanted = JournalValidation.Name(name, "A medication name");
        return Write(transaction =>
        {
            // Matched here rather than with SQL lower(), which differs between the databases beyond ASCII.
            var open = Connection.Query<(long Id, string Name, long Since)>(
                    "SELECT id, name, since_utc_ms FROM medications WHERE until_utc_ms IS NULL", transaction: transaction)
                .Where(m => string.Equals(m.Name, wanted, StringComparison.OrdinalIgnoreCase))
                .ToList();
            foreach (var medication in open)
            {
                JournalValidation.Ends(Instant.FromUnixTimeMilliseconds(medication.Since), until, $"The medication '{medication.Name}'");
            }

            var stopped = 0;
            foreach (var medication in open)
            {
                stopped += Connection.Execute(
                    "UPDATE medications SET until_utc_ms = @until WHERE id = @Id AND until_utc_ms IS NULL",
                    new { medication.Id, until = until.ToUnixTimeMilliseconds() }, transaction);
            }

            return stopped > 0;
        });
    }

    public long AddPlanVersion(PlanVersion version)
    {
        var valid = JournalValidation.Plan(version);
        return Write(transaction => Insert(transaction, InsertPlan, PlanParameters(valid)));
    }

    // Issue 10 (corrections with history): implemented in the storage work that follows.
    public StoredEntry? Find(JournalEntryKind kind, long id) => throw new NotImplementedException();

    public int Edit(IJournalEntry entry, int? expectedRevision = null, string? reason = null) => throw new NotImplementedException();

    public int Delete(JournalEntryKind kind, long id, int? expectedRevision = null, string? reason = null) => throw new NotImplementedException();

    public int Restore(JournalEntryKind kind, long id, int? expectedRevision = null, string? reason = null) => throw new NotImplementedException();

    public JournalChange Undo() => throw new NotImplementedException();

    public IReadOnlyList<JournalChange> History(JournalEntryKind? kind = null, long? id = null) => throw new NotImplementedException();

    public void AddScale(SymptomScale scale) => throw new NotImplementedException();

    public JournalData Load(Instant? from = null, Instant? to = null, bool withHistory = false)
    {
        var window = new
        {
            lo = from?.ToUnixTimeMilliseconds() ?? long.MinValue,
            hi = to?.ToUnixTimeMilliseconds() ?? long.MaxValue,
        };
        using var transaction = BeginRead();
        var profile = ReadProfile(transaction) ?? throw NotInitialised();
        return new JournalData
        {
            Profile = profile,
            Plans = Read(transaction, "SELECT id, set_at_utc_ms, plan_json FROM plans ORDER BY id DESC LIMIT 1", null,
                r => PlanVersion.Initial(r.GetString(2), Instant.FromUnixTimeMilliseconds(Int64(r, 1))) with { Id = Int64(r, 0) }),
            Doses = Read(transaction,
                $"SELECT {DoseColumns} FROM doses WHERE at_utc_ms >= @lo AND at_utc_ms < @hi ORDER BY at_utc_ms, id", window, ReadDose),
            CheckIns = Read(transaction,
                $"SELECT {CheckInColumns} FROM check_ins WHERE at_utc_ms >= @lo AND at_utc_ms < @hi ORDER BY at_utc_ms, id", window, ReadCheckIn),
            SideEffects = Read(transaction,
                $"SELECT {SideEffectColumns} FROM side_effects WHERE from_utc_ms < @hi AND (to_utc_ms IS NULL OR to_utc_ms >= @lo) ORDER BY from_utc_ms, id",
                window, ReadSideEffect),
            Events = Read(transaction,
                $"SELECT {EventColumns} FROM events WHERE at_utc_ms >= @lo AND at_utc_ms < @hi ORDER BY at_utc_ms, id", window, ReadEvent),
            Medications = Read(transaction,
                "SELECT id, name, since_utc_ms, until_utc_ms FROM medications ORDER BY since_utc_ms, id", null,
                r => new MedicationEntry(Int64(r, 0), r.GetString(1), Instant.FromUnixTimeMilliseconds(Int64(r, 2)), OptionalInstant(r, 3))),
        };
    }

    public void Import(JournalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var profile = JournalValidation.Profile(data.Profile);
        var doses = (data.Doses ?? []).Select(JournalValidation.Dose).Select(DoseParameters).ToList();
        var checkIns = (data.CheckIns ?? []).Select(JournalValidation.CheckIn).Select(CheckInParameters).ToList();
        var sideEffects = (data.SideEffects ?? []).Select(JournalValidation.SideEffect).Select(SideEffectParameters).ToList();
        var events = (data.Events ?? []).Select(JournalValidation.Event).Select(EventParameters).ToList();
        var medications = (data.Medications ?? []).Select(JournalValidation.Medication).Select(MedicationParameters).ToList();
        var plan = data.Plan is null ? null : JournalValidation.Plan(data.Plan);

        Write(transaction =>
        {
            var hasEntries = Connection.ExecuteScalar<long>(
                """
                SELECT CASE WHEN EXISTS (SELECT 1 FROM doses) OR EXISTS (SELECT 1 FROM check_ins)
                    OR EXISTS (SELECT 1 FROM side_effects) OR EXISTS (SELECT 1 FROM events)
                    OR EXISTS (SELECT 1 FROM medications) THEN 1 ELSE 0 END
                """, transaction: transaction);
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

            // Dapper runs one prepared command per list, binding each row in turn.
            Connection.Execute(InsertDose, doses, transaction);
            Connection.Execute(InsertCheckIn, checkIns, transaction);
            Connection.Execute(InsertSideEffect, sideEffects, transaction);
            Connection.Execute(InsertEvent, events, transaction);
            Connection.Execute(InsertMedication, medications, transaction);
            if (plan is not null)
            {
                Connection.Execute(InsertPlan, PlanParameters(plan), transaction);
            }

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

    /// <summary>A write transaction that other writers wait for (SQLite BEGIN IMMEDIATE; PostgreSQL an advisory lock).</summary>
    protected abstract DbTransaction BeginWrite();

    /// <summary>A read transaction that sees one consistent snapshot.</summary>
    protected abstract DbTransaction BeginRead();

    protected abstract bool TableExists(string name, DbTransaction? transaction);

    protected abstract long CountTables(DbTransaction transaction);

    /// <summary>How a decimal is bound: TEXT on SQLite (exact, unlike its REAL), NUMERIC on PostgreSQL.</summary>
    protected abstract object DecimalValue(decimal value);

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
                Connection.Execute(
                    "INSERT INTO schema_version (version, applied_at_utc_ms) VALUES (@Version, @now)",
                    new { migration.Version, now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() }, transaction);
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

    private long Insert(DbTransaction transaction, string insert, object parameters) =>
        Connection.ExecuteScalar<long>(insert + " RETURNING id", parameters, transaction);

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

    private object DoseParameters(DoseEntry d) => new
    {
        At = d.At.ToUnixTimeMilliseconds(),
        Zone = d.TimeZoneId,
        DoseMg = DecimalValue(d.DoseMg),
        Formulation = d.Formulation.Name(),
        Skipped = Flag(d.Skipped),
        d.Note,
    };

    private static object CheckInParameters(CheckInEntry c) => new
    {
        At = c.At.ToUnixTimeMilliseconds(),
        Zone = c.TimeZoneId,
        c.Fatigue,
        c.Pain,
        c.Sleep,
        c.Mood,
        c.Focus,
        c.Note,
    };

    private static object SideEffectParameters(SideEffectEntry s) => new
    {
        s.Kind,
        Severity = Codes.Of(s.Severity),
        From = s.From.ToUnixTimeMilliseconds(),
        To = s.To?.ToUnixTimeMilliseconds(),
        Zone = s.TimeZoneId,
        s.Note,
    };

    private static object EventParameters(EventEntry e) => new
    {
        At = e.At.ToUnixTimeMilliseconds(),
        Zone = e.TimeZoneId,
        Kind = Codes.Of(e.Kind),
        e.Note,
    };

    private static object MedicationParameters(MedicationEntry m) => new
    {
        m.Name,
        Since = m.Since.ToUnixTimeMilliseconds(),
        Until = m.Until?.ToUnixTimeMilliseconds(),
    };

    private static object PlanParameters(PlanVersion p) => new { SetAt = p.SetAt.ToUnixTimeMilliseconds(), p.PlanJson };

    private static DoseEntry ReadDose(IDataRecord r) => new(
        Int64(r, 0),
        Instant.FromUnixTimeMilliseconds(Int64(r, 1)),
        r.GetString(2),
        decimal.Parse(r.GetString(3), NumberStyles.Number, CultureInfo.InvariantCulture),
        Formulations.Parse(r.GetString(4)),
        Int64(r, 5) != 0,
        Text(r, 6));

    private static CheckInEntry ReadCheckIn(IDataRecord r) => new(
        Int64(r, 0),
        Instant.FromUnixTimeMilliseconds(Int64(r, 1)),
        r.GetString(2),
        OptionalInt32(r, 3),
        OptionalInt32(r, 4),
        OptionalInt32(r, 5),
        OptionalInt32(r, 6),
        OptionalInt32(r, 7),
        Text(r, 8));

    private static SideEffectEntry ReadSideEffect(IDataRecord r) => new(
        Int64(r, 0),
        r.GetString(1),
        Codes.Parse<SideEffectSeverity>(r.GetString(2)),
        Instant.FromUnixTimeMilliseconds(Int64(r, 3)),
        OptionalInstant(r, 4),
        r.GetString(5),
        Text(r, 6));

    private static EventEntry ReadEvent(IDataRecord r) => new(
        Int64(r, 0),
        Instant.FromUnixTimeMilliseconds(Int64(r, 1)),
        r.GetString(2),
        Codes.Parse<JournalEventKind>(r.GetString(3)),
        Text(r, 4));

    private static int Flag(bool value) => value ? 1 : 0;

    private static long Int64(IDataRecord r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static int? OptionalInt32(IDataRecord r, int i) => r.IsDBNull(i) ? null : Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static Instant? OptionalInstant(IDataRecord r, int i) => r.IsDBNull(i) ? null : Instant.FromUnixTimeMilliseconds(Int64(r, i));

    private static string? Text(IDataRecord r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
