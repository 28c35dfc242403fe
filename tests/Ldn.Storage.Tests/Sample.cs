using Ldn.Core.Advice;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using NodaTime;
using Xunit;

namespace Ldn.Storage.Tests;

/// <summary>Journal entries for the tests; every instant is whole milliseconds, as the stores keep them.</summary>
internal static class Sample
{
    public const string Zone = "Europe/London";

    public static readonly Instant T0 = Instant.FromUtc(2024, 3, 1, 21, 30);

    public static JournalProfile Profile { get; } = new()
    {
        Name = "Alex Example",
        TimeZoneId = Zone,
        Conditions = ["fibromyalgia", "long-covid"],
        HepaticImpairment = true,
        Breastfeeding = true,
        PlannedSurgery = new LocalDate(2024, 9, 1),
    };

    public static Instant Day(double days) => T0 + Duration.FromMilliseconds((long)(days * 86_400_000));

    public static DoseEntry Dose(double day, decimal mg = 1.5m, bool skipped = false, string? note = null) =>
        new(0, Day(day), Zone, mg, Formulation.Liquid, skipped, note);

    public static CheckInEntry CheckIn(double day, int? fatigue = 5, string? note = null) =>
        new(0, Day(day), "America/New_York", fatigue, 4, null, 7, 10, note);

    public static SideEffectEntry SideEffect(double from, double? to = null, string kind = SideEffectKinds.VividDreams) =>
        new(0, kind, SideEffectSeverity.Moderate, Day(from), to is { } t ? Day(t) : null, Zone, "woke at 3");

    public static EventEntry Event(double day, JournalEventKind kind = JournalEventKind.Flare) => new(0, Day(day), "Asia/Kolkata", kind, "after a long walk");

    public static MedicationEntry Medication(string name, double since, double? until = null) =>
        new(0, name, Day(since), until is { } u ? Day(u) : null);

    /// <summary>A plan version from <paramref name="from"/> (a day of November 2026 or later), made by <paramref name="adjustment"/>.</summary>
    public static PlanVersion PlanFrom(LocalDate from, string adjustment, decimal doseMg = 3m) => new(
        0, from, Day(1), string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $$"""{"protocol":"{{adjustment}}","steps":[{"step":1,"from":"{{from:uuuu-MM-dd}}","doseMg":{{doseMg}},"at":"08:00"}]}"""), adjustment);

    public static SymptomScale Scale(string label, bool higherIsWorse = true) => new("", label, "none", "worst", higherIsWorse);

    public static PlanVersion Plan(string protocol) => PlanVersion.Initial(
        $$"""{"protocol":"{{protocol}}","steps":[{"step":1,"from":"2026-11-01","to":"2026-11-14","doseMg":0.5,"at":"22:00"},{"step":2,"from":"2026-11-15","doseMg":1.5,"at":"22:00"}]}""",
        Day(0));

    /// <summary>A journal of <paramref name="days"/> days: a dose and a check-in each day, an event a week, a side effect a month.</summary>
    public static JournalData Journal(int days) => new()
    {
        Profile = Profile,
        Plans = [Plan("standard")],
        Doses = [.. Enumerable.Range(0, days).Select(d => Dose(d, 0.5m + (d % 9) * 0.5m, skipped: d % 17 == 16, note: d % 5 == 0 ? $"day {d}" : null))],
        CheckIns = [.. Enumerable.Range(0, days).Select(d => CheckIn(d + 0.5, d % 11, d % 3 == 0 ? "tired but ok" : null))],
        SideEffects = [.. Enumerable.Range(0, days / 30).Select(m => SideEffect(m * 30 + 1, m * 30 + 4))],
        Events = [.. Enumerable.Range(0, days / 7).Select(w => Event(w * 7 + 2, (JournalEventKind)(w % 4)))],
        Medications = [Medication("Levothyroxine", -100), Medication("Tramadol", -30, -10)],
    };

    public static void AssertSameProfile(JournalProfile expected, JournalProfile actual)
    {
        Assert.Equal(expected with { Conditions = [] }, actual with { Conditions = [] });
        Assert.Equal(expected.Conditions, actual.Conditions);
    }

    /// <summary>The same journal, ids aside (a store assigns its own).</summary>
    public static void AssertSameJournal(JournalData expected, JournalData actual)
    {
        AssertSameProfile(expected.Profile, actual.Profile);
        Assert.Equal(expected.Plan?.PlanJson, actual.Plan?.PlanJson);
        Assert.Equal(expected.Plan?.SetAt, actual.Plan?.SetAt);
        Assert.Equal(expected.Doses.Select(d => d with { Id = 0 }), actual.Doses.Select(d => d with { Id = 0 }));
        Assert.Equal(expected.CheckIns.Select(c => c with { Id = 0 }), actual.CheckIns.Select(c => c with { Id = 0 }));
        Assert.Equal(expected.SideEffects.Select(s => s with { Id = 0 }), actual.SideEffects.Select(s => s with { Id = 0 }));
        Assert.Equal(expected.Events.Select(e => e with { Id = 0 }), actual.Events.Select(e => e with { Id = 0 }));
        Assert.Equal(expected.Medications.Select(m => m with { Id = 0 }), actual.Medications.Select(m => m with { Id = 0 }));
    }

    /// <summary>An <see cref="Ldn.Core.InvalidInputException"/> whose message is one sentence for the user.</summary>
    public static void AssertOneSentence(Exception? e)
    {
        Assert.IsAssignableFrom<Ldn.Core.InvalidInputException>(e);
        Assert.NotNull(e);
        Assert.DoesNotContain('\n', e.Message);
        Assert.EndsWith(".", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 600, e.Message);
    }
}

/// <summary>A clock the test moves: every change it stamps is at a known instant.</summary>
internal sealed class TestClock(Instant start) : IClock
{
    public Instant Now { get; set; } = start;

    public Instant GetCurrentInstant() => Now;

    public void Advance(Duration by) => Now += by;
}
