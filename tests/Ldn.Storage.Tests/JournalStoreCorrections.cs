using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Journal;
using NodaTime;
using Xunit;

namespace Ldn.Storage.Tests;

/// <summary>Corrections with history (issue 10): edit, delete, restore, undo, history, plan versions, scales, ids kept by import.</summary>
public abstract partial class JournalStoreBehaviour
{
    private static readonly Instant ClockStart = Instant.FromUtc(2026, 12, 1, 9, 0);

    /// <summary>The whole journal as its export document: equal texts mean nothing was lost or changed.</summary>
    private static string Snapshot(IJournalStore store) =>
        JsonSerializer.Serialize(JournalDocument.From(store.Load(withHistory: true)), JournalDocument.Options);

    /// <summary>A journal with one entry of each kind, each added once (six add changes, one minute apart).</summary>
    private (IJournalStore Store, TestClock Clock, Dictionary<JournalEntryKind, long> Ids) OneOfEach()
    {
        var clock = new TestClock(ClockStart);
        var store = Open(clock: clock);
        store.Initialize(Sample.Profile);
        var ids = new Dictionary<JournalEntryKind, long>();
        foreach (var (kind, add) in new (JournalEntryKind, Func<long>)[]
        {
            (JournalEntryKind.Dose, () => store.AddDose(Sample.Dose(1, 4.5m, note: "evening"))),
            (JournalEntryKind.CheckIn, () => store.AddCheckIn(Sample.CheckIn(1.5))),
            (JournalEntryKind.SideEffect, () => store.AddSideEffect(Sample.SideEffect(2) with { TypedName = "nightmares" })),
            (JournalEntryKind.Event, () => store.AddEvent(Sample.Event(3))),
            (JournalEntryKind.Medication, () => store.AddMedication(Sample.Medication("Sertraline", -5))),
            (JournalEntryKind.Plan, () => store.AddPlanVersion(Sample.Plan("standard"))),
        })
        {
            ids[kind] = add();
            clock.Advance(Duration.FromMinutes(1));
        }

        return (store, clock, ids);
    }

    [StoreFact]
    public void Every_add_records_an_add_change_with_the_entry_as_its_json()
    {
        var (store, _, ids) = OneOfEach();
        var history = store.History();
        Assert.Equal(JournalEntryKinds.All, history.Select(c => c.Kind));
        Assert.Equal([1L, 2, 3, 4, 5, 6], history.Select(c => c.Sequence));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => ClockStart + Duration.FromMinutes(i)), history.Select(c => c.At));
        foreach (var change in history)
        {
            Assert.Equal((ids[change.Kind], 1, JournalChangeType.Add, null, null, null), (change.EntryId, change.Revision, change.Change, change.Before, change.Reason, change.Undoes));
            var stored = store.Find(change.Kind, change.EntryId)!;
            Assert.False(stored.Deleted);
            Assert.Equal(1, stored.Entry.Revision);
            Assert.Equal(JournalEntryJson.Write(stored.Entry, Sample.Zone), change.After);
            Assert.Equal(change.After, JournalEntryJson.Write(JournalEntryJson.Read(change.Kind, change.After!), Sample.Zone));
        }

        var side = Assert.Single(store.Load().SideEffects);
        Assert.Equal(("nightmares", 1), (side.TypedName, side.Revision));
        Assert.Null(store.Find(JournalEntryKind.Dose, ids[JournalEntryKind.Dose] + 100));
        Assert.Equal([history[0]], store.History(JournalEntryKind.Dose, ids[JournalEntryKind.Dose]));
        Assert.Equal([history[4]], store.History(JournalEntryKind.Medication));
    }

    [StoreFact]
    public void An_edit_replaces_the_value_keeps_the_old_one_in_the_history_and_counts_the_revision()
    {
        var (store, clock, ids) = OneOfEach();
        var id = ids[JournalEntryKind.Dose];
        var old = (DoseEntry)store.Find(JournalEntryKind.Dose, id)!.Entry;
        clock.Advance(Duration.FromHours(1));
        var edited = old with { DoseMg = 3m, At = Sample.Day(1.1), TimeZoneId = "UTC-08:00", Note = "typo fixed" };
        Assert.Equal(2, store.Edit(edited, expectedRevision: 1, reason: "typed 4.5 for 3"));

        var now = (DoseEntry)store.Find(JournalEntryKind.Dose, id)!.Entry;
        Assert.Equal(edited with { Revision = 2 }, now);
        Assert.Equal(now, Assert.Single(store.Load().Doses));
        var change = store.History(JournalEntryKind.Dose, id)[^1];
        Assert.Equal((JournalChangeType.Edit, 2, "typed 4.5 for 3", clock.Now), (change.Change, change.Revision, change.Reason, change.At));
        Assert.Equal(JournalEntryJson.Write(old), change.Before);
        Assert.Equal(JournalEntryJson.Write(now), change.After);

        // A medication's name and dates, a check-in's scores, a side effect's end.
        var medication = (MedicationEntry)store.Find(JournalEntryKind.Medication, ids[JournalEntryKind.Medication])!.Entry;
        store.Edit(medication with { Name = "Sertraline 50 mg", Since = Sample.Day(-6), Until = Sample.Day(0) });
        Assert.Equal(("Sertraline 50 mg", Sample.Day(-6), (Instant?)Sample.Day(0), 2), Assert.Single(store.Load().Medications) is var m ? (m.Name, m.Since, m.Until, m.Revision) : default);
        var checkIn = (CheckInEntry)store.Find(JournalEntryKind.CheckIn, ids[JournalEntryKind.CheckIn])!.Entry;
        store.Edit(checkIn with { Pain = 9, Sleep = 2 });
        Assert.Equal((9, 2, 2), Assert.Single(store.Load().CheckIns) is var c ? (c.Pain, c.Sleep, c.Revision) : default);
        Assert.True(store.EndSideEffect(ids[JournalEntryKind.SideEffect], Sample.Day(4)));
        var ended = store.History(JournalEntryKind.SideEffect)[^1];
        Assert.Equal((JournalChangeType.Edit, 2), (ended.Change, ended.Revision));
    }

    [StoreFact]
    public void Delete_hides_an_entry_restore_brings_it_back_and_both_are_in_the_history()
    {
        var (store, _, ids) = OneOfEach();
        foreach (var kind in JournalEntryKinds.All)
        {
            Assert.Equal(2, store.Delete(kind, ids[kind], expectedRevision: 1, reason: "wrong journal"));
        }

        var empty = store.Load();
        Assert.Equal(0, empty.Doses.Count + empty.CheckIns.Count + empty.SideEffects.Count + empty.Events.Count + empty.Medications.Count + empty.Plans.Count);
        Assert.Null(empty.Plan);
        Assert.All(JournalEntryKinds.All, kind => Assert.True(store.Find(kind, ids[kind])!.Deleted));
        var deletion = store.History(JournalEntryKind.Event)[^1];
        Assert.Equal((JournalChangeType.Delete, 2, "wrong journal"), (deletion.Change, deletion.Revision, deletion.Reason));
        Assert.Equal(JournalEntryJson.Write(store.Find(JournalEntryKind.Event, ids[JournalEntryKind.Event])!.Entry), deletion.After);

        Assert.Equal(3, store.Restore(JournalEntryKind.Plan, ids[JournalEntryKind.Plan]));
        Assert.Equal(3, store.Restore(JournalEntryKind.Dose, ids[JournalEntryKind.Dose], expectedRevision: 2));
        var back = store.Load();
        Assert.Equal(3, Assert.Single(back.Doses).Revision);
        Assert.Equal(ids[JournalEntryKind.Plan], back.Plan!.Id);
        Assert.Equal(JournalChangeType.Restore, store.History(JournalEntryKind.Dose)[^1].Change);
    }

    [StoreFact]
    public void Undo_walks_back_through_the_history_and_is_recorded_as_the_inverse()
    {
        var (store, clock, ids) = OneOfEach();
        var id = ids[JournalEntryKind.Dose];
        var original = JournalEntryJson.Write(store.Find(JournalEntryKind.Dose, id)!.Entry);
        var original2 = (DoseEntry)store.Find(JournalEntryKind.Dose, id)!.Entry;
        store.Edit(original2 with { DoseMg = 1m });
        store.Delete(JournalEntryKind.Dose, id);
        clock.Advance(Duration.FromMinutes(5));

        var restore = store.Undo();
        Assert.Equal((JournalChangeType.Restore, JournalChange.UndoReason, 8L, 4, clock.Now), (restore.Change, restore.Reason, restore.Undoes, restore.Revision, restore.At));
        Assert.Equal(1m, Assert.Single(store.Load().Doses).DoseMg);
        var back = store.Undo();
        Assert.Equal((JournalChangeType.Edit, 7L, 5), (back.Change, back.Undoes, back.Revision));
        Assert.Equal(original, JournalEntryJson.Write((DoseEntry)store.Find(JournalEntryKind.Dose, id)!.Entry with { Revision = 1 }));
        Assert.Equal(4.5m, Assert.Single(store.Load().Doses).DoseMg);

        // The next undos reach the adds, newest first: the plan version, then the medication, …
        Assert.Equal((JournalEntryKind.Plan, JournalChangeType.Delete, 6L), store.Undo() is var p ? (p.Kind, p.Change, p.Undoes) : default);
        Assert.Empty(store.Load().Plans);
        Assert.Equal(JournalEntryKind.Medication, store.Undo().Kind);
        Assert.Equal(JournalEntryKind.Event, store.Undo().Kind);
        Assert.Equal(JournalEntryKind.SideEffect, store.Undo().Kind);
        Assert.Equal(JournalEntryKind.CheckIn, store.Undo().Kind);
        Assert.Equal((JournalEntryKind.Dose, JournalChangeType.Delete, 1L), store.Undo() is var a ? (a.Kind, a.Change, a.Undoes) : default);
        Assert.Empty(store.Load().Doses);
        var before = Snapshot(store);
        var e = Assert.Throws<InvalidInputException>(() => store.Undo());
        Sample.AssertOneSentence(e);
        Assert.StartsWith("There is nothing to undo", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(store));

        // Every entry's revision is the number of its changes, and the history is a chain of revisions.
        foreach (var kind in JournalEntryKinds.All)
        {
            var changes = store.History(kind, ids[kind]);
            Assert.Equal(changes.Count, store.Find(kind, ids[kind])!.Entry.Revision);
            Assert.Equal(Enumerable.Range(1, changes.Count), changes.Select(c => c.Revision));
        }
    }

    [StoreFact]
    public void A_stale_revision_is_one_sentence_and_nothing_is_written()
    {
        var (store, _, ids) = OneOfEach();
        var id = ids[JournalEntryKind.Dose];
        var dose = (DoseEntry)store.Find(JournalEntryKind.Dose, id)!.Entry;
        store.Edit(dose with { Note = "first writer" });
        store.Edit(dose with { Note = "first writer again" });
        var before = Snapshot(store);
        var e = Assert.Throws<InvalidInputException>(() => store.Edit(dose with { Note = "second writer" }, expectedRevision: 2));
        Sample.AssertOneSentence(e);
        Assert.Equal($"Dose {id} was changed since you read it (revision 3, you had 2); show it again and repeat the edit.", e.Message);
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.Delete(JournalEntryKind.Dose, id, expectedRevision: 1)));
        Assert.Equal(before, Snapshot(store));
        Assert.Equal(4, store.Delete(JournalEntryKind.Dose, id, expectedRevision: 3));
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.Restore(JournalEntryKind.Dose, id, expectedRevision: 3)));
    }

    public static TheoryData<string> BadCorrections => [.. BadCorrection.Keys];

    private static readonly Dictionary<string, Action<IJournalStore, Dictionary<JournalEntryKind, long>>> BadCorrection = new()
    {
        ["edit of an unknown id"] = (s, ids) => s.Edit(Sample.Dose(1) with { Id = ids[JournalEntryKind.Dose] + 1000 }),
        ["delete of an unknown id"] = (s, ids) => s.Delete(JournalEntryKind.Event, 999_999),
        ["restore of an unknown id"] = (s, ids) => s.Restore(JournalEntryKind.CheckIn, 999_999),
        ["restore of a live entry"] = (s, ids) => s.Restore(JournalEntryKind.Dose, ids[JournalEntryKind.Dose]),
        ["edit making a dose of 0 mg"] = (s, ids) => s.Edit(Sample.Dose(1, 0m) with { Id = ids[JournalEntryKind.Dose] }),
        ["edit making a score of 11"] = (s, ids) => s.Edit(Sample.CheckIn(1, 11) with { Id = ids[JournalEntryKind.CheckIn] }),
        ["edit ending a side effect before it starts"] = (s, ids) => s.Edit(Sample.SideEffect(2, 1) with { Id = ids[JournalEntryKind.SideEffect] }),
        ["edit to an unknown side-effect kind"] = (s, ids) => s.Edit(Sample.SideEffect(2, kind: "zombie bite") with { Id = ids[JournalEntryKind.SideEffect] }),
        ["edit emptying a medication name"] = (s, ids) => s.Edit(Sample.Medication(" ", 0) with { Id = ids[JournalEntryKind.Medication] }),
        ["edit to an unknown zone"] = (s, ids) => s.Edit(Sample.Event(3) with { Id = ids[JournalEntryKind.Event], TimeZoneId = "UTC+25:00" }),
        ["edit of a plan version"] = (s, ids) => s.Edit(Sample.Plan("other") with { Id = ids[JournalEntryKind.Plan] }),
        ["edit with a score on a scale the journal lacks"] = (s, ids) => s.Edit(Sample.CheckIn(1) with { Id = ids[JournalEntryKind.CheckIn], OtherScores = new Dictionary<string, int> { ["brain-fog"] = 3 } }),
        ["a plan version before the first plan"] = (s, ids) => s.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 10, 31), "hold")),
        ["a scale named like a built-in one"] = (s, ids) => s.AddScale(Sample.Scale("Sleep quality")),
        ["a scale named like a built-in id"] = (s, ids) => s.AddScale(Sample.Scale(" PAIN ")),
        ["a scale without a letter"] = (s, ids) => s.AddScale(Sample.Scale("!!!")),
        ["a reason with a control character"] = (s, ids) => s.Delete(JournalEntryKind.Dose, ids[JournalEntryKind.Dose], reason: "a\u0007b"),
    };

    [StoreFact]
    public void Bad_corrections_are_one_sentence_and_change_nothing()
    {
        var (store, _, ids) = OneOfEach();
        var before = Snapshot(store);
        foreach (var (name, act) in BadCorrection)
        {
            var e = Record.Exception(() => act(store, ids));
            Assert.True(e is InvalidInputException, $"{name}: {e?.GetType().Name ?? "no exception"} {e?.Message}");
            Sample.AssertOneSentence(e);
            Assert.Equal(before, Snapshot(store));
        }

        store.Delete(JournalEntryKind.Dose, ids[JournalEntryKind.Dose]);
        var deleted = Snapshot(store);
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.Delete(JournalEntryKind.Dose, ids[JournalEntryKind.Dose])));
        var e2 = Assert.Throws<InvalidInputException>(() => store.Edit(Sample.Dose(1) with { Id = ids[JournalEntryKind.Dose] }));
        Sample.AssertOneSentence(e2);
        Assert.Contains("restore it first", e2.Message, StringComparison.Ordinal);
        Assert.Equal(deleted, Snapshot(store));
    }

    [StoreFact]
    public void An_edit_that_fails_before_its_change_is_recorded_leaves_nothing_behind()
    {
        var (store, _, ids) = OneOfEach();
        var before = Snapshot(store);
        Internals(store).BeforeChangeRecorded = () => throw new InvalidOperationException("power cut");
        Assert.Throws<InvalidOperationException>(() => store.Edit(Sample.Dose(1, 2m) with { Id = ids[JournalEntryKind.Dose] }));
        Assert.Throws<InvalidOperationException>(() => store.Delete(JournalEntryKind.Event, ids[JournalEntryKind.Event]));
        Assert.Throws<InvalidOperationException>(() => store.Undo());
        Assert.Equal(before, Snapshot(store));
        Internals(store).BeforeChangeRecorded = null;
        Assert.Equal(JournalEntryKind.Plan, store.Undo().Kind);
    }

    [StoreFact]
    public void Plan_versions_start_on_their_dates_and_load_in_order_with_deleted_ones_left_out()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        var first = store.AddPlanVersion(Sample.Plan("standard"));
        var late = store.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 12, 20), "move-to-morning"));
        var early = store.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 12, 10), "hold", 1.5m));
        var sameDay = store.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 12, 10), "step-down", 0.5m));
        var plans = store.Load().Plans;
        Assert.Equal([first, early, sameDay, late], plans.Select(p => p.Id));
        Assert.Equal(new LocalDate(2026, 11, 1), plans[0].From);
        Assert.Equal(("hold", new LocalDate(2026, 12, 10), Sample.Day(1)), (plans[1].Adjustment, plans[1].From, plans[1].SetAt));
        Assert.Equal("set", plans[0].Adjustment);
        Assert.Equal(sameDay, store.Load().PlanOn(new LocalDate(2026, 12, 15))!.Id);

        store.Delete(JournalEntryKind.Plan, sameDay);
        Assert.Equal(early, store.Load().PlanOn(new LocalDate(2026, 12, 15))!.Id);
        Assert.Equal([first, early, late], store.Load().Plans.Select(p => p.Id));

        // The first version bounds the next ones only while it is there.
        store.Delete(JournalEntryKind.Plan, first);
        store.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 12, 11), "advance"));
        var e = Assert.Throws<InvalidInputException>(() => store.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 12, 9), "hold")));
        Sample.AssertOneSentence(e);
        Assert.Contains("2026-12-10", e.Message, StringComparison.Ordinal);
    }

    [StoreFact]
    public void Scales_join_the_catalogue_in_order_and_check_ins_carry_their_scores()
    {
        var store = Open();
        store.Initialize(Sample.Profile);
        store.AddScale(Sample.Scale("Brain fog"));
        store.AddScale(new SymptomScale("energy-level", "Energy", "none", "plenty", HigherIsWorse: false, "http://example.org/codes", "E1"));
        var catalogue = store.Load().Scales;
        Assert.Equal(["fatigue", "pain", "sleep", "mood", "focus", "brain-fog", "energy-level"], catalogue.Select(s => s.Id));
        Assert.Equal(new SymptomScale("energy-level", "Energy", "none", "plenty", false, "http://example.org/codes", "E1"), catalogue[^1]);
        foreach (var clash in new[] { "brain fog", "BRAIN-FOG", "Energy", "energy level", "Pain", "sleep quality" })
        {
            var e = Assert.Throws<ScaleExistsException>(() => store.AddScale(Sample.Scale(clash)));
            Sample.AssertOneSentence(e);
            Assert.Contains("clashes", e.Message, StringComparison.Ordinal);
        }

        var id = store.AddCheckIn(Sample.CheckIn(1) with { OtherScores = new Dictionary<string, int> { ["brain-fog"] = 6, ["energy-level"] = 0 } });
        var checkIn = Assert.Single(store.Load().CheckIns);
        Assert.Equal((id, 6, 0, 4), (checkIn.Id, checkIn.Score("brain-fog"), checkIn.Score("energy-level"), checkIn.Score("pain")));
        Assert.Equal(["fatigue", "pain", "mood", "focus", "brain-fog", "energy-level"], checkIn.Scores().Keys);
        foreach (var bad in new Dictionary<string, int>[] { new() { ["brain-fog"] = 11 }, new() { ["memory"] = 3 }, new() { ["pain"] = 3 } })
        {
            Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.AddCheckIn(Sample.CheckIn(2) with { OtherScores = bad })));
        }

        for (var i = catalogue.Count; i < SymptomScales.MaxScales; i++)
        {
            store.AddScale(Sample.Scale($"symptom {i}"));
        }

        var full = Assert.Throws<InvalidInputException>(() => store.AddScale(Sample.Scale("one too many")));
        Sample.AssertOneSentence(full);
        Assert.Equal(SymptomScales.MaxScales, store.Load().Scales.Count);
    }

    [StoreFact]
    public void Import_keeps_ids_revisions_plan_versions_scales_deleted_entries_and_history_and_the_next_add_gets_a_new_id()
    {
        var (store, _, ids) = OneOfEach();
        store.AddScale(Sample.Scale("Brain fog"));
        var checkInId = store.AddCheckIn(Sample.CheckIn(5) with { OtherScores = new Dictionary<string, int> { ["brain-fog"] = 7 } });
        store.Edit((DoseEntry)store.Find(JournalEntryKind.Dose, ids[JournalEntryKind.Dose])!.Entry with { Note = "=HYPERLINK(\"http://example.invalid\",\"x\")" }, reason: "note");
        store.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 12, 10), "hold"));
        store.Delete(JournalEntryKind.Event, ids[JournalEntryKind.Event], reason: "duplicate");
        store.Delete(JournalEntryKind.Medication, ids[JournalEntryKind.Medication]);
        store.Undo();   // the medication is back
        var deletedPlan = store.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 12, 12), "advance"));
        store.Delete(JournalEntryKind.Plan, deletedPlan);
        var exported = Snapshot(store);

        // JSON: the document read back and imported into another journal exports the same document.
        var copy = OpenAnother("copy");
        copy.Import(JournalDocument.Read(exported, "export.json"));
        Assert.Equal(exported, Snapshot(copy));
        Assert.True(copy.Find(JournalEntryKind.Event, ids[JournalEntryKind.Event])!.Deleted);
        Assert.True(copy.Find(JournalEntryKind.Plan, deletedPlan)!.Deleted);
        Assert.Equal(store.Find(JournalEntryKind.CheckIn, checkInId)!.Entry.Revision, copy.Find(JournalEntryKind.CheckIn, checkInId)!.Entry.Revision);

        // CSV carries the same.
        var csv = new StringWriter();
        JournalCsv.Write(JournalDocument.From(store.Load(withHistory: true)), csv);
        var fromCsv = OpenAnother("csv");
        fromCsv.Import(JournalCsv.Read(csv.ToString(), "export.csv"));
        Assert.Equal(exported, Snapshot(fromCsv));

        // The copies go on: new ids follow the imported ones, and their history undoes where the original would.
        foreach (var journal in new[] { copy, fromCsv })
        {
            var newDose = journal.AddDose(Sample.Dose(9));
            Assert.True(newDose > ids[JournalEntryKind.Dose]);
            Assert.True(journal.AddPlanVersion(Sample.PlanFrom(new LocalDate(2026, 12, 30), "advance")) > deletedPlan);
            Assert.True(journal.History()[^1].Sequence > store.History()[^1].Sequence);
            Assert.Equal((JournalEntryKind.Plan, JournalChangeType.Delete), journal.Undo() is var u ? (u.Kind, u.Change) : default);
            Assert.Equal((JournalEntryKind.Dose, newDose), journal.Undo() is var v ? (v.Kind, v.EntryId) : default);
            Assert.Equal((JournalEntryKind.Plan, JournalChangeType.Restore, deletedPlan), journal.Undo() is var w ? (w.Kind, w.Change, w.EntryId) : default);
        }
    }

    [StoreFact]
    public void Import_refuses_duplicate_ids_and_an_inconsistent_history_with_one_sentence()
    {
        var store = Open();
        var valid = Sample.Journal(10);
        var twice = valid with { Doses = [valid.Doses[0] with { Id = 4 }, valid.Doses[1] with { Id = 4 }] };
        var e = Assert.Throws<InvalidInputException>(() => store.Import(twice));
        Sample.AssertOneSentence(e);
        Assert.Contains("dose 4", e.Message, StringComparison.Ordinal);
        var ghost = valid with { History = [new JournalChange(1, JournalEntryKind.Event, 77, 1, JournalChangeType.Add, Sample.Day(0), null, null, null)] };
        Sample.AssertOneSentence(Assert.Throws<InvalidInputException>(() => store.Import(ghost)));
        var clash = valid with { Scales = [.. SymptomScales.BuiltIn, Sample.Scale("Pain level") with { Id = "pain-level" }, Sample.Scale("pain level") with { Id = "pain-level-2" }] };
        Sample.AssertOneSentence(Assert.Throws<ScaleExistsException>(() => store.Import(clash)));
        Assert.False(store.IsInitialized);

        // Ids are kept, entries without one get fresh ones after them.
        store.Import(valid with { Doses = [valid.Doses[0] with { Id = 40 }, valid.Doses[1]], Events = [] });
        Assert.Equal([40L, 41], store.Load().Doses.Select(d => d.Id));
        Assert.Equal(42, store.AddDose(Sample.Dose(30)));
    }

    [StoreFact]
    public void Opening_a_schema_2_journal_gives_its_plan_rows_start_dates()
    {
        using (var v2 = OpenStore(migrateTo: 2))
        {
            var raw = Internals(v2);
            raw.ExecuteRaw("INSERT INTO profile (id, name, time_zone, conditions, hepatic_impairment, renal_impairment, pregnant, breastfeeding, transplant_immunosuppression, planned_surgery) VALUES (1, NULL, 'Pacific/Auckland', '[]', 0, 0, 0, 0, 0, NULL)");
            void Plan(long setAtMs, string firstStep) => raw.ExecuteRaw(
                $$"""INSERT INTO plans (set_at_utc_ms, plan_json) VALUES ({{setAtMs}}, '{"steps":[{"from":"{{firstStep}}","doseMg":1.5,"at":"22:00"}]}')""");
            var ms = (int y, int m, int d, int h) => Instant.FromUtc(y, m, d, h, 0).ToUnixTimeMilliseconds();
            Plan(ms(2026, 10, 20, 9), "2026-11-01");    // the first plan: its first step
            Plan(ms(2026, 11, 14, 20), "2026-11-01");   // set on 15 Nov in Auckland (UTC+13), its steps from earlier
            Plan(ms(2026, 11, 16, 9), "2026-11-25");    // set on 16 Nov, but its steps begin on 25 Nov
            Plan(ms(2026, 11, 17, 9), "2026-11-01");    // set after the one above: never before it
        }

        var store = Open();
        var journal = store.Load();
        Assert.Equal(["2026-11-01", "2026-11-15", "2026-11-25", "2026-11-25"], Internals(store).TextsRaw("SELECT from_date FROM plans ORDER BY id"));
        Assert.Equal(["set"], Internals(store).TextsRaw("SELECT DISTINCT adjustment FROM plans"));
        Assert.Equal([1L, 2, 3, 4], journal.Plans.Select(p => p.Id));
        Assert.Equal(4, journal.Plan!.Id);   // the plan set last is still the plan in force at the end
        Assert.Empty(store.History());        // the upgrade invents no history
        Assert.All(journal.Plans, p => Assert.Equal(1, p.Revision));
    }
}
