using System.Text.Json;
using Ldn.Cli.Commands.Journal;
using Ldn.Storage.Tests;
using NodaTime;
using Xunit;

namespace Ldn.Cli.Tests;

/// <summary>
/// Issue 10 end to end, on SQLite and on PostgreSQL (the partial class runs for both stores): corrections
/// with history and undo, questions before suspicious entries, travel times, plan versions and
/// adjustments, the settling time of advice, and the journal's own scales. The clock is fixed in December
/// 2026 so that the dates are in the past.
/// </summary>
public abstract partial class JournalCommandBehaviour
{
    private static readonly Instant December10 = Instant.FromUtc(2026, 12, 10, 12, 0);

    /// <summary>Runs with the clock fixed at <paramref name="now"/> (default 10 Dec 2026, 13:00 in Oslo).</summary>
    protected (int ExitCode, string Stdout, string Stderr) At(string db, Instant? now, params string[] args)
    {
        using (JournalContext.UseClock(now ?? December10))
        {
            return Run(db, args);
        }
    }

    protected string OkAt(string db, params string[] args) => OkAt(db, null, args);

    protected string OkAt(string db, Instant? now, params string[] args)
    {
        var (code, stdout, stderr) = At(db, now, args);
        Assert.True(code == 0, $"ldn {string.Join(' ', args)} exited {code}: {stderr}");
        return stdout + stderr;
    }

    /// <summary>Refused: exit 2, one line on stderr containing <paramref name="expected"/>, and the journal unchanged.</summary>
    protected string Refused(string db, string expected, params string[] args)
    {
        var before = OkAt(db, "journal", "show", "--json");
        var (code, stdout, stderr) = At(db, null, args);
        Assert.True(code == 2, $"ldn {string.Join(' ', args)} exited {code}: {stdout} {stderr}");
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Equal(before, OkAt(db, "journal", "show", "--json"));
        return stderr;
    }

    protected JsonElement Show(string db) => JsonDocument.Parse(OkAt(db, "journal", "show", "--json")).RootElement;

    protected void Oslo(string db, string? protocol = null, string start = "2026-12-01")
    {
        OkAt(db, "journal", "init", "--tz", "Europe/Oslo");
        if (protocol is not null)
        {
            var plan = PathOf(protocol + ".json");
            File.WriteAllText(plan, CliRunner.Run("plan", "--protocol", protocol, "--start", start, "--tz", "Europe/Oslo", "--json").Stdout);
            OkAt(db, "journal", "plan", "set", plan);
        }
    }

    [StoreFact]
    public void An_iso_time_with_an_offset_is_stored_at_its_instant_and_keeps_the_offset_as_its_zone()
    {
        Oslo("t.db");
        OkAt("t.db", "journal", "dose", "4.5mg", "--at", "2026-12-01T22:00+01:00");
        OkAt("t.db", "journal", "dose", "4.5mg", "--at", "2026-12-02T22:00:00-08:00");
        OkAt("t.db", "journal", "dose", "4.5mg", "--at", "2026-12-04T21:00:00Z", "--tz", "Europe/Oslo");
        var doses = Show("t.db").GetProperty("doses").EnumerateArray().ToList();
        Assert.Equal(["2026-12-01T22:00:00+01:00", "2026-12-02T22:00:00-08:00", "2026-12-04T22:00:00+01:00"], doses.Select(d => d.GetProperty("at").GetString()));
        Assert.Equal(["UTC+01:00", "UTC-08:00", "Europe/Oslo"], doses.Select(d => d.GetProperty("timeZone").GetString()));
        Assert.Equal(Instant.FromUtc(2026, 12, 1, 21, 0), NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(doses[0].GetProperty("at").GetString()!).Value.ToInstant());
    }

    [StoreFact]
    public void A_dose_in_los_angeles_counts_on_its_own_day_and_the_next_is_not_a_second_dose()
    {
        Oslo("la.db", "fixed-4.5");
        OkAt("la.db", "journal", "dose", "4.5mg", "--at", "2026-12-01 22:00");
        OkAt("la.db", "journal", "dose", "4.5mg", "--at", "2026-12-02T22:00:00-08:00");
        // 22:00 in Oslo on 3 Dec is 13 hours after the Los Angeles dose: not the same dose day.
        OkAt("la.db", "journal", "dose", "4.5mg", "--at", "2026-12-03 22:00");
        using var analysis = JsonDocument.Parse(OkAt("la.db", Instant.FromUtc(2026, 12, 4, 7, 0), "journal", "analyse", "--today", "2026-12-03"));
        var adherence = analysis.RootElement.GetProperty("adherence");
        Assert.Equal(3, adherence.GetProperty("expected").GetInt32());
        Assert.Equal(3, adherence.GetProperty("taken").GetInt32());
        Assert.Equal(0, adherence.GetProperty("offPlanDays").GetInt32());
    }

    [StoreFact]
    public void A_dose_above_ten_mg_or_a_second_dose_that_night_is_asked_about_and_yes_records_it()
    {
        Oslo("q.db", "fixed-4.5");
        var high = Refused("q.db", "45 mg is above the 10 mg ceiling", "journal", "dose", "45mg", "--at", "2026-12-01 22:00");
        Assert.Contains("add --yes", high, StringComparison.Ordinal);
        OkAt("q.db", "journal", "dose", "4.5mg", "--at", "2026-12-01 22:00");
        Refused("q.db", "second dose on 2026-12-01", "journal", "dose", "4.5mg", "--at", "2026-12-01 23:30");
        // After midnight is still that night.
        Refused("q.db", "second dose on 2026-12-01", "journal", "dose", "4.5mg", "--at", "2026-12-02 01:00");
        OkAt("q.db", "journal", "dose", "4.5mg", "--at", "2026-12-01 23:30", "--yes");
        Refused("q.db", "more than twice the plan's 4.5 mg", "journal", "dose", "9.5mg", "--at", "2026-12-02 22:00");
        Assert.Equal(2, Show("q.db").GetProperty("doses").GetArrayLength());
    }

    [StoreFact]
    public void An_alias_is_recorded_under_its_kind_with_the_typed_words_and_an_ongoing_kind_is_asked_about()
    {
        Oslo("s.db");
        var first = OkAt("s.db", "journal", "side-effect", "nightmares", "--from", "2026-12-01 07:00");
        Assert.Contains("recorded as vivid-dreams", first, StringComparison.Ordinal);
        var effect = Assert.Single(Show("s.db").GetProperty("sideEffects").EnumerateArray());
        Assert.Equal(("vivid-dreams", "nightmares"), (effect.GetProperty("kind").GetString(), effect.GetProperty("typedName").GetString()));
        Refused("s.db", "vivid-dreams is already recorded then", "journal", "side-effect", "nightmares", "--from", "2026-12-03 07:00");
        Refused("s.db", "'nightmres' is not a known name, only close to vivid-dreams", "journal", "side-effect", "nightmres", "--from", "2026-12-09 07:00", "--to", "2026-12-09 08:00");
        Refused("s.db", "is neither a side-effect kind nor a name for one", "journal", "side-effect", "sneezing");
        OkAt("s.db", "journal", "side-effect", "nightmares", "--from", "2026-12-03 07:00", "--yes");
        Assert.Equal(2, Show("s.db").GetProperty("sideEffects").GetArrayLength());
    }

    [StoreFact]
    public void Edits_deletes_and_restores_keep_every_revision_and_undo_walks_back()
    {
        Oslo("c.db");
        OkAt("c.db", "journal", "dose", "4.5mg", "--at", "2026-12-01 22:00", "--note", "first");
        var id = Show("c.db").GetProperty("doses")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        OkAt("c.db", "journal", "edit", "dose", id, "--dose", "3mg", "--reason", "typo");
        OkAt("c.db", "journal", "delete", "dose", id);
        Assert.Equal(0, Show("c.db").GetProperty("doses").GetArrayLength());
        OkAt("c.db", "journal", "restore", "dose", id);
        var dose = Show("c.db").GetProperty("doses")[0];
        Assert.Equal((3m, 4), (dose.GetProperty("doseMg").GetDecimal(), dose.GetProperty("revision").GetInt32()));

        using var history = JsonDocument.Parse(OkAt("c.db", "journal", "history", "dose", id, "--json"));
        var changes = history.RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["add", "edit", "delete", "restore"], changes.Select(c => c.GetProperty("change").GetString()));
        Assert.Equal([1, 2, 3, 4], changes.Select(c => c.GetProperty("revision").GetInt32()));
        Assert.Equal(4.5m, changes[1].GetProperty("before").GetProperty("doseMg").GetDecimal());
        Assert.Equal(3m, changes[1].GetProperty("after").GetProperty("doseMg").GetDecimal());
        Assert.Equal("typo", changes[1].GetProperty("reason").GetString());
        Assert.All(changes, c => Assert.Equal("dose", c.GetProperty("kind").GetString()));

        OkAt("c.db", "journal", "undo");   // the restore: deleted again
        Assert.Equal(0, Show("c.db").GetProperty("doses").GetArrayLength());
        OkAt("c.db", "journal", "undo");   // the delete: back
        OkAt("c.db", "journal", "undo");   // the edit: 4.5 mg again
        Assert.Equal(4.5m, Show("c.db").GetProperty("doses")[0].GetProperty("doseMg").GetDecimal());
        OkAt("c.db", "journal", "undo");   // the add: gone
        Assert.Equal(0, Show("c.db").GetProperty("doses").GetArrayLength());
        Refused("c.db", "nothing", "journal", "undo");
        using var all = JsonDocument.Parse(OkAt("c.db", "journal", "history", "--json"));
        var undos = all.RootElement.GetProperty("changes").EnumerateArray().Skip(4).ToList();
        Assert.Equal(4, undos.Count);
        Assert.All(undos, u => Assert.Equal("undo", u.GetProperty("reason").GetString()));
        Assert.Equal(["delete", "restore", "edit", "delete"], undos.Select(u => u.GetProperty("change").GetString()));
    }

    [StoreFact]
    public void A_stale_revision_unknown_ids_and_invalid_edits_are_one_sentence_and_change_nothing()
    {
        Oslo("r.db");
        OkAt("r.db", "journal", "dose", "4.5mg", "--at", "2026-12-01 22:00");
        var id = Show("r.db").GetProperty("doses")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        OkAt("r.db", "journal", "edit", "dose", id, "--note", "a", "--revision", "1");
        Refused("r.db", "revision", "journal", "edit", "dose", id, "--note", "b", "--revision", "1");
        Refused("r.db", "no dose with id 999", "journal", "edit", "dose", "999", "--dose", "3mg");
        Refused("r.db", "no dose with id 999", "journal", "delete", "dose", "999");
        Refused("r.db", "no event with id 999", "journal", "restore", "event", "999");
        Refused("r.db", "not a kind of journal entry", "journal", "delete", "dosage", id);
        Refused("r.db", "is not a valid dose", "journal", "edit", "dose", id, "--dose", "-3mg");
        Refused("r.db", "is not a time", "journal", "edit", "dose", id, "--at", "25:00");
        Refused("r.db", "not deleted", "journal", "restore", "dose", id);
    }

    [StoreFact]
    public void Plan_versions_are_kept_and_an_adjustment_holds_advances_and_moves_the_dose()
    {
        Oslo("p.db", "standard");
        OkAt("p.db", "journal", "plan", "adjust", "hold", "--from", "2026-12-10");
        var held = Show("p.db").GetProperty("plans").EnumerateArray().ToList();
        Assert.Equal(2, held.Count);
        OkAt("p.db", "journal", "plan", "adjust", "advance", "--from", "2026-12-20");
        OkAt("p.db", "journal", "plan", "adjust", "move-to-morning", "--from", "2026-12-22");
        var text = OkAt("p.db", Instant.FromUtc(2026, 12, 23, 12, 0), "journal", "plan");
        Assert.Contains("1.5 mg at 22:00 from 2026-12-10", text, StringComparison.Ordinal);          // held at the first step
        Assert.Contains("3 mg at 22:00 from 2026-12-20", text, StringComparison.Ordinal);            // advanced, 10 days late
        Assert.Contains("3 mg at 08:00 from 2026-12-22", text, StringComparison.Ordinal);            // moved
        Assert.Contains("4.5 mg at 08:00 from 2027-01-03", text, StringComparison.Ordinal);          // the rest follows, in the morning
        Refused("p.db", "before the journal's first plan", "journal", "plan", "adjust", "hold", "--from", "2026-11-01");
        OkAt("p.db", "journal", "undo");
        Assert.Equal(3, Show("p.db").GetProperty("plans").GetArrayLength());
        var ics = PathOf("plan.ics");
        OkAt("p.db", Instant.FromUtc(2026, 12, 23, 12, 0), "journal", "plan", "--ics", ics);
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20261220T220000", File.ReadAllText(ics), StringComparison.Ordinal);
    }

    [StoreFact]
    public void The_morning_after_a_move_to_the_morning_advise_does_not_step_down()
    {
        Oslo("m.db", "fixed-4.5", "2026-11-20");
        for (var day = 20; day <= 30; day++)
        {
            OkAt("m.db", "journal", "dose", "--at", $"2026-11-{day} 22:00");
        }

        OkAt("m.db", "journal", "side-effect", "insomnia", "--severity", "mild", "--from", "2026-11-26 07:00");
        using (var before = JsonDocument.Parse(OkAt("m.db", Instant.FromUtc(2026, 12, 1, 7, 0), "journal", "advise", "--json")))
        {
            Assert.Equal("move-to-morning", before.RootElement.GetProperty("action").GetString());
        }

        OkAt("m.db", Instant.FromUtc(2026, 12, 1, 7, 0), "journal", "plan", "adjust", "move-to-morning");
        OkAt("m.db", Instant.FromUtc(2026, 12, 2, 7, 0), "journal", "dose", "--at", "2026-12-02 08:00");
        using var after = JsonDocument.Parse(OkAt("m.db", Instant.FromUtc(2026, 12, 2, 7, 30), "journal", "advise", "--json"));
        Assert.Equal("hold", after.RootElement.GetProperty("action").GetString());
        Assert.Equal("settling", after.RootElement.GetProperty("ruleId").GetString());
        Assert.Contains("move-to-morning", after.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        using var later = JsonDocument.Parse(OkAt("m.db", Instant.FromUtc(2026, 12, 5, 7, 30), "journal", "advise", "--json"));
        Assert.Equal("step-down", later.RootElement.GetProperty("action").GetString());
    }

    [StoreFact]
    public void A_scale_of_ones_own_flows_through_check_in_show_and_history()
    {
        Oslo("sc.db");
        OkAt("sc.db", "journal", "scale", "add", "brain fog", "--higher-is-worse");
        Refused("sc.db", "already has a scale", "journal", "scale", "add", "Brain-Fog");
        Refused("sc.db", "already has a scale", "journal", "scale", "add", "pain");
        OkAt("sc.db", "journal", "check-in", "--score", "brain fog=6", "--pain", "3", "--at", "2026-12-01 09:00");
        Refused("sc.db", "not a scale of this journal", "journal", "check-in", "--score", "brian fgo=6");
        var root = Show("sc.db");
        var checkIn = root.GetProperty("checkIns")[0];
        Assert.Equal(6, checkIn.GetProperty("scores").GetProperty("brain-fog").GetInt32());
        Assert.Equal(3, checkIn.GetProperty("scores").GetProperty("pain").GetInt32());
        Assert.Equal(3, checkIn.GetProperty("pain").GetInt32());
        var scale = root.GetProperty("scales").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "brain-fog");
        Assert.True(scale.GetProperty("higherIsWorse").GetBoolean());
        Assert.Equal(6, root.GetProperty("scales").GetArrayLength());
    }

    [StoreFact]
    public void Mistakes_a_new_user_made_are_asked_about_or_refused()
    {
        Oslo("n.db", "fixed-4.5");
        Refused("n.db", "The time is empty", "journal", "dose", "4.5mg", "--at", "");
        Refused("n.db", "before the journal's first plan starts (2026-12-01)", "journal", "dose", "4.5mg", "--at", "2025-12-01 22:00");
        OkAt("n.db", "journal", "dose", "4.5mg", "--at", "2026-12-01 22:00");
        Refused("n.db", "already recorded as taken on 2026-12-01", "journal", "dose", "--skipped", "--at", "2026-12-01 23:00");
        Refused("n.db", "close to the opioid tramadol", "journal", "medication", "add", "tramadl");
        Assert.Contains("was not checked", OkAt("n.db", "journal", "medication", "add", "vitamin D"), StringComparison.Ordinal);
        Refused("n.db", "given twice", "journal", "check-in", "--pain", "4", "--score", "pain=5");
        Refused("n.db", "given twice", "journal", "check-in", "--score", "Pain=4", "--score", "pain=5");
        OkAt("n.db", "journal", "side-effect", "headache", "--from", "2026-12-02 08:00");
        var effect = Show("n.db").GetProperty("sideEffects")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Refused("n.db", "takes nothing else", "journal", "side-effect", "--end", effect, "--severity", "severe");
        var dose = Show("n.db").GetProperty("doses")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Refused("n.db", "changes nothing", "journal", "edit", "dose", dose, "--dose", "4.5mg");
        Refused("n.db", "is at revision 1, not the 5 you read", "journal", "edit", "dose", dose, "--dose", "45mg", "--revision", "5");
        Assert.Equal(2, Run("n.db", "journal", "init", "--tz", "UTC").ExitCode);
        var fresh = "m" + Guid.NewGuid().ToString("N")[..6] + ".db";
        Assert.Contains("close to the opioid tramadol", At(fresh, null, "journal", "init", "--tz", "UTC", "--medication", "tramadl").Stderr, StringComparison.Ordinal);
    }

    [StoreFact]
    public void The_calendar_ends_each_version_where_the_next_begins()
    {
        Oslo("ics.db", "fixed-4.5");
        OkAt("ics.db", "journal", "plan", "adjust", "move-to-morning", "--from", "2026-12-05");
        OkAt("ics.db", "journal", "plan", "adjust", "move-to-evening", "--from", "2026-12-20");
        var ics = PathOf("v.ics");
        OkAt("ics.db", "journal", "plan", "--ics", ics);
        var text = File.ReadAllText(ics);
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20261205T080000", text, StringComparison.Ordinal);
        Assert.Contains("RRULE:FREQ=DAILY;COUNT=15", text, StringComparison.Ordinal);          // 5–19 December in the morning
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20261220T220000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("20261201T220000", text, StringComparison.Ordinal);               // the version before today's is over
        var listing = OkAt("ics.db", "journal", "plan");
        Assert.Contains("2026-12-05 to 2026-12-19 [in force today]", listing, StringComparison.Ordinal);
        Assert.Contains("from 2026-12-20, open-ended", listing, StringComparison.Ordinal);
    }
}
