using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;
using Xunit;

namespace Ldn.Storage.Tests;

/// <summary>
/// Every behaviour of <see cref="IJournalStore"/>, run against SQLite (<see cref="SqliteJournalStoreTests"/>)
/// and PostgreSQL (<see cref="PostgresJournalStoreTests"/>): both stores must behave the same.
/// </summary>
public abstract partial class JournalStoreBehaviour : IDisposable
{
    private readonly List<IJournalStore> _opened = [];

    protected JournalStoreBehaviour()
    {
        Folder = Path.Combine(Path.GetTempPath(), "ldn-storage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>A scratch folder for this test, deleted after it.</summary>
    protected string Folder { get; }

    /// <summary>Opens the test's database (the same one on every call), migrated up to <paramref name="migrateTo"/> (null: latest); <paramref name="clock"/> stamps its changes.</summary>
    protected abstract IJournalStore OpenStore(int? migrateTo, IClock? clock = null);

    /// <summary>Opens another database of the same kind, named <paramref name="name"/> (for round trips between two journals).</summary>
    protected abstract IJournalStore OpenAnotherStore(string name);

    /// <summary>Reads what <see cref="IJournalStore.Backup"/> wrote.</summary>
    protected abstract JournalData ReadBackup(string path);

    protected IJournalStore Open(int? migrateTo = null, IClock? clock = null)
    {
        var store = OpenStore(migrateTo, clock);
        _opened.Add(store);
        return store;
    }

    protected IJournalStore OpenAnother(string name)
    {
        var store = OpenAnotherStore(name);
        _opened.Add(store);
        return store;
    }

    private static JournalStore Internals(IJournalStore store) => Assert.IsAssignableFrom<JournalStore>(store);

    private static long Rows(IJournalStore store, string table) => Internals(store).ScalarRaw($"SELECT COUNT(*) FROM {table}");

    private static string RowCounts(IJournalStore store) =>
        string.Join(",", new[] { "profile", "doses", "check_ins", "side_effects", "events", "medications", "plans", "schema_version" }
            .Select(t => $"{t}={Rows(store, t)}"));

    [StoreFact]
    public void A_new_journal_is_at_the_latest_schema_and_not_initialised()
    {
        var store = Open();
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.True(store.SchemaVersion >= 2);
        Assert.False(store.IsInitialized);
        var e = Assert.Throws<InvalidInputException>(store.Profile);
        Assert.StartsWith("The journal at ", e.Message, StringComparison.Ordinal);
        Assert.EndsWith(" is not initialised; run 'ldn journal init'.", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidInputException>(() => store.Load());
        Assert.Throws<InvalidInputException>(() => store.UpdateProfile(Sample.Profile));
        Assert.DoesNotContain("Password", store.Description, StringComparison.OrdinalIgnoreCase);
    }

    [StoreFact]
    public void Initialise_stores_the_profile_once()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        Assert.True(store.IsInitialized);
        Sample.AssertSameProfile(Sample.Profile, store.Profile());
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.Initialize(Sample.Profile)));

        var changed = Sample.Profile with { Name = null, Conditions = [], HepaticImpairment = false, Pregnant = true, RenalImpairment = true, TransplantImmunosuppression = true, PlannedSurgery = null, TimeZoneId = "Pacific/Auckland" };
        store.UpdateProfile(changed);
        using var again = OpenStore(null);
        Sample.AssertSameProfile(changed, again.Profile());
    }

    [StoreFact]
    public void Entries_round_trip_exactly_and_load_in_time_order()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        const string injection = "'); DROP TABLE doses; --";
        var longNote = string.Concat(Enumerable.Repeat("Ünïcödé 💊 ", 1000))[..10_000];
        // Added out of order: Load sorts by time.
        var late = store.AddDose(Sample.Dose(2, 0.1m + 0.2m, note: injection));
        var early = store.AddDose(Sample.Dose(1, 4.50m) with { Id = 999 });
        store.AddDose(Sample.Dose(3, 0m, skipped: true));
        store.AddDose(Sample.Dose(4, 299.9999m, note: longNote));
        store.AddCheckIn(Sample.CheckIn(1, null, "line one\nline two\ttab"));
        store.AddCheckIn(Sample.CheckIn(0.5, 0));
        store.AddSideEffect(Sample.SideEffect(1.2) with { Kind = "Vivid dreams" });
        store.AddSideEffect(Sample.SideEffect(0.2, 0.4, SideEffectKinds.Insomnia) with { Severity = SideEffectSeverity.Severe, Note = null });
        store.AddEvent(Sample.Event(5, JournalEventKind.MedicationChange));
        store.AddEvent(Sample.Event(4, JournalEventKind.Other) with { Note = null });
        store.AddMedication(Sample.Medication("  Sertraline ", 1));
        store.AddMedication(Sample.Medication("Levothyroxine", -10, 0));

        Assert.NotEqual(late, early);
        var journal = Open().Load();
        Assert.Equal([early, late], journal.Doses.Take(2).Select(d => d.Id));
        Assert.Equal([1m, 2m, 3m, 4m], journal.Doses.Select(d => (decimal)(d.At - Sample.T0).TotalDays));
        Assert.Equal(0.3m, journal.Doses[1].DoseMg);
        Assert.Equal("0.3", journal.Doses[1].DoseMg.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("4.50", journal.Doses[0].DoseMg.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(299.9999m, journal.Doses[3].DoseMg);
        Assert.Equal(injection, journal.Doses[1].Note);
        Assert.Equal(longNote, journal.Doses[3].Note);
        Assert.Equal(Sample.Dose(3, 0m, skipped: true), journal.Doses[2] with { Id = 0 });
        Assert.Equal(Formulation.Liquid, journal.Doses[0].Formulation);

        Assert.Equal([Sample.CheckIn(0.5, 0), Sample.CheckIn(1, null, "line one\nline two\ttab")], journal.CheckIns.Select(c => c with { Id = 0 }));
        Assert.Equal(
            [Sample.SideEffect(0.2, 0.4, SideEffectKinds.Insomnia) with { Severity = SideEffectSeverity.Severe, Note = null }, Sample.SideEffect(1.2)],
            journal.SideEffects.Select(s => s with { Id = 0 }));
        Assert.Equal([Sample.Event(4, JournalEventKind.Other) with { Note = null }, Sample.Event(5, JournalEventKind.MedicationChange)], journal.Events.Select(e => e with { Id = 0 }));
        Assert.Equal([Sample.Medication("Levothyroxine", -10, 0), Sample.Medication("Sertraline", 1)], journal.Medications.Select(m => m with { Id = 0 }));
        Assert.Null(journal.Plan);
        Assert.All(journal.Doses, d => Assert.True(d.Id > 0));
        Assert.Equal(4, Rows(store, "doses"));
    }

    [StoreFact]
    public void Load_of_a_window_takes_entries_from_inclusive_to_exclusive()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        for (var day = 0; day < 10; day++)
        {
            store.AddDose(Sample.Dose(day));
            store.AddCheckIn(Sample.CheckIn(day));
            store.AddEvent(Sample.Event(day));
        }

        store.AddSideEffect(Sample.SideEffect(1, 3));   // before the window
        store.AddSideEffect(Sample.SideEffect(2, 4));   // ends on its first day
        store.AddSideEffect(Sample.SideEffect(3));      // still going
        store.AddSideEffect(Sample.SideEffect(7, 8));   // from its end on
        store.AddMedication(Sample.Medication("Sertraline", -50, -40));
        store.AddPlanVersion(Sample.Plan("a"));

        var window = store.Load(Sample.Day(4), Sample.Day(7));
        Assert.Equal([4.0, 5, 6], window.Doses.Select(d => (d.At - Sample.T0).TotalDays));
        Assert.Equal([4.0, 5, 6], window.CheckIns.Select(d => (d.At - Sample.T0).TotalDays));
        Assert.Equal([4.0, 5, 6], window.Events.Select(d => (d.At - Sample.T0).TotalDays));
        Assert.Equal([2.0, 3], window.SideEffects.Select(s => (s.From - Sample.T0).TotalDays));
        Assert.Single(window.Medications);
        Assert.NotNull(window.Plan);
        Assert.Equal(10, store.Load(from: Sample.Day(0)).Doses.Count);
        Assert.Equal(5, store.Load(to: Sample.Day(5)).Doses.Count);
    }

    [StoreFact]
    public void A_side_effect_ends_once()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        var id = store.AddSideEffect(Sample.SideEffect(1));
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.EndSideEffect(id, Sample.Day(0.5))));
        Assert.True(store.EndSideEffect(id, Sample.Day(3)));
        Assert.False(store.EndSideEffect(id, Sample.Day(4)));
        Assert.False(store.EndSideEffect(id + 100, Sample.Day(4)));
        Assert.Equal(Sample.Day(3), Assert.Single(store.Load().SideEffects).To);
    }

    [StoreFact]
    public void Stopping_a_medication_closes_the_open_entry_by_name_ignoring_case()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        store.AddMedication(Sample.Medication("Sertraline", -100, -50));
        store.AddMedication(Sample.Medication("Sertraline", -10));
        store.AddMedication(Sample.Medication("Levothyroxine", -10));
        Assert.False(store.StopMedication("Tramadol", Sample.Day(0)));
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.StopMedication("sertraline", Sample.Day(-20))));
        Assert.True(store.StopMedication(" SERTRALINE ", Sample.Day(0)));
        Assert.False(store.StopMedication("sertraline", Sample.Day(1)));
        var medications = store.Load().Medications;
        Assert.Equal([Sample.Day(-50), Sample.Day(0), (Instant?)null], medications.Select(m => m.Until));
    }

    [StoreFact]
    public void The_latest_plan_is_the_active_one()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        store.AddPlanVersion(Sample.Plan("first"));
        store.AddPlanVersion(Sample.Plan("second") with { SetAt = Sample.Day(-1) });
        Assert.Equal(Sample.Plan("second").PlanJson, store.Load().Plan!.PlanJson);
        Assert.Equal(2, Rows(store, "plans"));
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.AddPlanVersion(PlanVersion.Initial("{not json", Sample.Day(0)))));
    }

    public static TheoryData<string> InvalidEntries => [.. Invalid.Keys];

    private static readonly Dictionary<string, Action<IJournalStore>> Invalid = new()
    {
        ["dose of 0 mg"] = s => s.AddDose(Sample.Dose(0, 0m)),
        ["negative dose"] = s => s.AddDose(Sample.Dose(0, -1m, skipped: true)),
        ["dose over 300 mg"] = s => s.AddDose(Sample.Dose(0, 300.01m)),
        ["unknown formulation"] = s => s.AddDose(Sample.Dose(0) with { Formulation = (Formulation)42 }),
        ["unknown zone"] = s => s.AddDose(Sample.Dose(0) with { TimeZoneId = "Mars/Olympus_Mons" }),
        ["empty zone"] = s => s.AddCheckIn(Sample.CheckIn(0) with { TimeZoneId = "" }),
        ["score 11"] = s => s.AddCheckIn(Sample.CheckIn(0, 11)),
        ["score -1"] = s => s.AddCheckIn(Sample.CheckIn(0) with { Focus = -1 }),
        ["note over 10,000"] = s => s.AddCheckIn(Sample.CheckIn(0, note: new string('a', 10_001))),
        ["NUL in a note"] = s => s.AddEvent(Sample.Event(0) with { Note = "a\0b" }),
        ["unknown side effect"] = s => s.AddSideEffect(Sample.SideEffect(0, kind: "zombie bite")),
        ["side effect ends before it starts"] = s => s.AddSideEffect(Sample.SideEffect(2, 1)),
        ["unknown severity"] = s => s.AddSideEffect(Sample.SideEffect(0) with { Severity = (SideEffectSeverity)9 }),
        ["unknown event kind"] = s => s.AddEvent(Sample.Event(0, (JournalEventKind)9)),
        ["empty medication"] = s => s.AddMedication(Sample.Medication("  ", 0)),
        ["medication name of 201"] = s => s.AddMedication(Sample.Medication(new string('m', 201), 0)),
        ["medication stops before it starts"] = s => s.AddMedication(Sample.Medication("Sertraline", 2, 1)),
        ["profile zone"] = s => s.UpdateProfile(Sample.Profile with { TimeZoneId = "Europe/Londres" }),
        ["empty condition"] = s => s.UpdateProfile(Sample.Profile with { Conditions = ["fibromyalgia", " "] }),
        ["profile name of 201"] = s => s.UpdateProfile(Sample.Profile with { Name = new string('n', 201) }),
    };

    [StoreFact]
    public void Invalid_entries_are_refused_with_one_sentence_and_nothing_is_written()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        var before = RowCounts(store);
        foreach (var (name, add) in Invalid)
        {
            var e = Record.Exception(() => add(store));
            Assert.True(e is InvalidInputException, $"{name}: {e?.GetType().Name ?? "no exception"} {e?.Message}");
            Sample.AssertOneSentence(e);
        }

        Assert.Equal(before, RowCounts(store));
        Sample.AssertSameProfile(Sample.Profile, store.Profile());
    }

    [StoreFact]
    public void Two_stores_on_one_database_see_each_others_writes()
    {
        var first = Open();
        var second = Open();
        first.Initialize(Sample.Profile);
        Assert.True(second.IsInitialized);
        var id = second.AddDose(Sample.Dose(1));
        Assert.Equal(id, Assert.Single(first.Load().Doses).Id);
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => second.Initialize(Sample.Profile)));
    }

    [StoreFact]
    public void Import_into_a_new_journal_loads_back_the_same()
    {
        var store = Open();
        var journal = Sample.Journal(120);
        store.Import(journal);
        Sample.AssertSameJournal(journal, store.Load());
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.Import(journal)));
        Assert.Equal(120, Rows(store, "doses"));
    }

    [StoreFact]
    public void Import_into_an_initialised_journal_replaces_its_profile()
    {
        var store = Open();
        store.Initialize(Sample.Profile with { Name = "Before", Conditions = [] });
        var journal = Sample.Journal(40);
        store.Import(journal);
        Sample.AssertSameJournal(journal, store.Load());
    }

    [StoreFact]
    public void Import_is_all_or_nothing()
    {
        var store = Open();
        var before = RowCounts(store);
        Internals(store).BeforeImportCommit = () => throw new InvalidOperationException("disk gone");
        Assert.Throws<InvalidOperationException>(() => store.Import(Sample.Journal(60)));
        Assert.Equal(before, RowCounts(store));
        Assert.False(store.IsInitialized);

        Internals(store).BeforeImportCommit = null;
        store.Import(Sample.Journal(60));
        Assert.Equal(60, Rows(store, "doses"));
    }

    [StoreFact]
    public void A_hostile_import_is_refused_with_one_sentence_and_changes_nothing()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        var before = RowCounts(store);
        var valid = Sample.Journal(100);
        const string injection = "'); DROP TABLE doses; --";
        var hostile = new List<(string Name, JournalData Data)>
        {
            ("10 MB note", valid with { Doses = [.. valid.Doses, Sample.Dose(200, note: new string('x', 10 * 1024 * 1024))] }),
            ("SQL in a note and a dose of 1 g", valid with { Doses = [Sample.Dose(1, note: injection), .. valid.Doses, Sample.Dose(201, 1000m)] }),
            ("SQL as a medication name and a bad zone", valid with { Medications = [Sample.Medication("x'); DROP TABLE medications; --", 0)], Events = [.. valid.Events, Sample.Event(3) with { TimeZoneId = "'; DROP TABLE events; --" }] }),
            ("score 99", valid with { CheckIns = [.. valid.CheckIns, Sample.CheckIn(300, 99)] }),
            ("unknown side effect", valid with { SideEffects = [.. valid.SideEffects, Sample.SideEffect(1, kind: "'; DELETE FROM side_effects; --")] }),
            ("profile without a zone", valid with { Profile = Sample.Profile with { TimeZoneId = "" } }),

        };
        foreach (var (name, data) in hostile)
        {
            var e = Record.Exception(() => store.Import(data));
            Assert.True(e is InvalidInputException, $"{name}: {e?.GetType().Name ?? "no exception"} {e?.Message}");
            Sample.AssertOneSentence(e);
            Assert.Equal(before, RowCounts(store));
        }

        // The same SQL as plain text in a valid import is only text.
        var harmless = valid with { Doses = [Sample.Dose(-1, note: injection), .. valid.Doses] };
        store.Import(harmless);
        Assert.Equal(injection, store.Load().Doses[0].Note);
        Assert.Equal(101, Rows(store, "doses"));
    }

    [StoreFact]
    public void Opening_upgrades_an_old_database_in_place_without_losing_rows()
    {
        using (var v1 = OpenStore(migrateTo: 1))
        {
            Assert.Equal(1, v1.SchemaVersion);
            var raw = Internals(v1);
            raw.ExecuteRaw("INSERT INTO profile (id, name, time_zone, conditions, hepatic_impairment, renal_impairment, pregnant, breastfeeding, transplant_immunosuppression, planned_surgery) VALUES (1, 'Old', 'Europe/Paris', '[\"ms\"]', 0, 1, 0, 0, 0, '2025-01-31')");
            raw.ExecuteRaw($"INSERT INTO doses (at_utc_ms, time_zone, dose_mg, formulation, skipped) VALUES ({Sample.Day(1).ToUnixTimeMilliseconds()}, 'Europe/Paris', '4.5', 'capsule', 0)");
            raw.ExecuteRaw($"INSERT INTO check_ins (at_utc_ms, time_zone, fatigue, pain, sleep, mood, focus, note) VALUES ({Sample.Day(1).ToUnixTimeMilliseconds()}, 'Europe/Paris', 3, NULL, 4, 5, 6, 'v1')");
            Assert.ThrowsAny<Exception>(() => raw.ScalarRaw("SELECT COUNT(note) FROM doses"));
        }

        var store = Open();
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        var journal = store.Load();
        Assert.Equal("Old", journal.Profile.Name);
        Assert.Equal(["ms"], journal.Profile.Conditions);
        Assert.True(journal.Profile.RenalImpairment);
        Assert.Equal(new LocalDate(2025, 1, 31), journal.Profile.PlannedSurgery);
        Assert.Equal(new DoseEntry(1, Sample.Day(1), "Europe/Paris", 4.5m, Formulation.Capsule, false, null), Assert.Single(journal.Doses));
        Assert.Equal("v1", Assert.Single(journal.CheckIns).Note);
        store.AddDose(Sample.Dose(2, note: "v2 has notes on doses"));
        Assert.Equal("v2 has notes on doses", store.Load().Doses[1].Note);
        Assert.Equal(Migrations.Latest, Rows(store, "schema_version"));
    }

    [StoreFact]
    public void A_database_from_a_newer_version_is_refused()
    {
        using (var store = OpenStore(null))
        {
            Internals(store).ExecuteRaw($"INSERT INTO schema_version (version, applied_at_utc_ms) VALUES ({Migrations.Latest + 1}, 0)");
        }

        var e = Assert.Throws<InvalidInputException>(() => Open());
        Sample.AssertOneSentence(e);
        Assert.Contains("made by a newer LDN Workbench", e.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void A_backup_holds_the_whole_journal()
    {
        var store = Open();
        var journal = Sample.Journal(50);
        store.Import(journal);
        var path = Path.Combine(Folder, "backups", "journal-backup");
        store.Backup(path);
        store.AddDose(Sample.Dose(400));
        store.Backup(path);   // replaces the first
        Sample.AssertSameJournal(journal with { Doses = [.. journal.Doses, Sample.Dose(400)] }, ReadBackup(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [StoreFact]
    public void A_backup_carries_plan_versions_scales_revisions_deleted_entries_and_the_history()
    {
        var (store, _, ids) = OneOfEach();
        store.AddScale(Sample.Scale("Brain fog"));
        store.AddCheckIn(Sample.CheckIn(4) with { OtherScores = new Dictionary<string, int> { ["brain-fog"] = 2 } });
        store.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 12, 10), "step-down", 1.5m));
        store.Edit((EventEntry)store.Find(JournalEntryKind.Event, ids[JournalEntryKind.Event])!.Entry with { Note = "edited" });
        store.Delete(JournalEntryKind.Dose, ids[JournalEntryKind.Dose]);
        var path = Path.Combine(Folder, "backup");
        store.Backup(path);

        var restored = OpenAnother("restored");
        restored.Import(ReadBackup(path));
        Assert.Equal(Snapshot(store), Snapshot(restored));
        Assert.True(restored.Find(JournalEntryKind.Dose, ids[JournalEntryKind.Dose])!.Deleted);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        foreach (var store in _opened)
        {
            store.Dispose();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A scratch folder left in /tmp is harmless.
        }
    }
}
