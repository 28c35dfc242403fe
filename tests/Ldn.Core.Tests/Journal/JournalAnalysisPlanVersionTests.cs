using System.Text.Json;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using Ldn.Core.Protocols;
using NodaTime;
using Xunit;
using static Ldn.Core.Tests.Journal.JournalAnalysisTestJournals;

namespace Ldn.Core.Tests.Journal;

/// <summary>Issue 10 items 3 and 4 in the analysis: the plan version in force on each day, each entry's own local day, and a dose missed only once due.</summary>
public sealed class JournalAnalysisPlanVersionTests
{
    private static readonly LocalDate Jan1 = new(2024, 1, 1);

    private static string Plan(string at, decimal mg = 4.5m, string from = "2024-01-01") =>
        $$"""{"protocol":"test","steps":[{"step":1,"from":"{{from}}","to":null,"doseMg":{{mg}},"at":"{{at}}"}]}""";

    private static JournalData Journal(IReadOnlyList<PlanVersion> plans, IEnumerable<DoseEntry> doses) => new()
    {
        Profile = new JournalProfile { TimeZoneId = London },
        Plans = plans,
        Doses = [.. doses],
    };

    [Fact]
    public void A_dose_moved_to_the_morning_is_judged_against_the_morning_plan_from_that_date_and_earlier_days_against_the_earlier_plan()
    {
        var evening = PlanVersion.Initial(Plan("22:00"), At(Jan1, 8));
        var morning = new PlanVersion(2, Jan1.PlusDays(9), At(Jan1.PlusDays(9), 7), Plan("08:00"), "move-to-morning");
        var doses = Enumerable.Range(0, 9).Select(d => Dose(Jan1.PlusDays(d), 4.5m))
            .Concat(Enumerable.Range(9, 5).Select(d => Dose(Jan1.PlusDays(d), 4.5m, hour: 8)));

        var adherence = JournalAnalyzer.Analyze(Journal([evening, morning], doses), Jan1.PlusDays(13)).Adherence;

        Assert.Equal((14, 14, 0, 0), (adherence.Expected, adherence.Taken, adherence.OffPlanDays, adherence.OffTimeDays));
        Assert.Equal([(0L, 9), (2L, 5)], adherence.Versions.Select(v => (v.PlanVersionId, v.Expected)));
        Assert.Equal([Jan1.PlusDays(8), Jan1.PlusDays(13)], adherence.Versions.Select(v => v.To));
        Assert.Equal("move-to-morning", adherence.Versions[1].Adjustment);

        // Bedtime doses on the morning plan's days are off its time of day; the evening plan's days are not.
        var late = Enumerable.Range(0, 14).Select(d => Dose(Jan1.PlusDays(d), 4.5m));
        var judged = JournalAnalyzer.Analyze(Journal([evening, morning], late), Jan1.PlusDays(13)).Adherence;
        Assert.Equal((14, 5), (judged.Taken, judged.OffTimeDays));
        Assert.All(judged.OffPlan, o => Assert.True(o.OffTime && !o.OffDose && o.Date >= morning.From));
    }

    [Fact]
    public void After_plan_set_the_earlier_plans_days_still_count()
    {
        // 20 days on the first plan with 2 missed, then a new plan set on the as-of day.
        var first = PlanVersion.Initial(Plan("22:00", 3m), At(Jan1, 8));
        var set = new PlanVersion(2, Jan1.PlusDays(20), At(Jan1.PlusDays(20), 9), Plan("22:00", 4.5m, "2024-01-21"), "set");
        var doses = Enumerable.Range(0, 21).Where(d => d is not (4 or 11)).Select(d => Dose(Jan1.PlusDays(d), d < 20 ? 3m : 4.5m));

        var adherence = JournalAnalyzer.Analyze(Journal([first, set], doses), Jan1.PlusDays(20)).Adherence;

        Assert.Equal((21, 19, 0), (adherence.Expected, adherence.Taken, adherence.OffPlanDays)); // not "100%, 1 of 1"
        Assert.Equal([20, 1], adherence.Versions.Select(v => v.Expected));
        Assert.Equal([3m, 4.5m], adherence.Steps.Select(s => s.PlannedMg));
        var table = DayTable.Build(Journal([first, set], doses), Jan1.PlusDays(20));
        Assert.Equal((0L, 3m), (table[Jan1.PlusDays(19)]!.PlanVersionId!.Value, table[Jan1.PlusDays(19)]!.PlannedStep!.DoseMg));
        Assert.Equal((2L, 4.5m), (table[Jan1.PlusDays(20)]!.PlanVersionId!.Value, table[Jan1.PlusDays(20)]!.PlannedStep!.DoseMg));
    }

    /// <summary>The input: fixed-4.5 from 2026-12-01 in Oslo, the second night's dose taken at 22:00 in Los Angeles (kept as UTC-08:00).</summary>
    [Fact]
    public void A_dose_taken_abroad_falls_on_its_own_local_day()
    {
        const string oslo = "Europe/Oslo";
        var zone = DateTimeZoneProviders.Tzdb[oslo];
        var built = PlanBuilder.Build(new PlanRequest { Protocol = ProtocolCatalog.Find("fixed-4.5"), Start = new DateOnly(2026, 12, 1), TimeZone = zone });
        var json = JsonSerializer.Serialize(PlanDocument.From(built, "test plan"), JournalDocument.Options);
        var (abroad, fixedZone) = JournalTime.ParseWithZone("2026-12-02T22:00:00-08:00", zone, Instant.FromUtc(2026, 12, 5, 0, 0), zoneNamed: false);
        Assert.Equal("UTC-08:00", fixedZone.Id);
        var journal = new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = oslo },
            Plans = [PlanVersion.Initial(json, Instant.FromUtc(2026, 11, 30, 12, 0))],
            Doses =
            [
                Dose(new LocalDate(2026, 12, 1), 4.5m, zone: oslo),
                new DoseEntry(0, abroad, fixedZone.Id, 4.5m, Formulation.Capsule, false),
                Dose(new LocalDate(2026, 12, 3), 4.5m, zone: oslo),
            ],
        };

        var analysis = JournalAnalyzer.Analyze(journal, new LocalDate(2026, 12, 3));

        // Placed in Oslo time the second dose would be 07:00 on 3 December: 2 of 3, and a 9 mg day.
        Assert.Equal((3, 3, 0, 0), (analysis.Adherence.Expected, analysis.Adherence.Taken, analysis.Adherence.OffPlanDays, analysis.Adherence.OffTimeDays));
        var second = analysis.Days.Single(d => d.Date == new LocalDate(2026, 12, 2));
        Assert.Equal((DoseStatus.Taken, 4.5m, DoseTiming.Bedtime, new LocalTime(22, 0)), (second.Dose, second.DoseMg, second.Timing, second.DoseTime!.Value));
        Assert.All(analysis.Days, d => Assert.Equal(4.5m, d.DoseMg));
        Assert.DoesNotContain(analysis.Notes, n => n.Contains("Unknown time zone", StringComparison.Ordinal));
    }

    /// <summary>The input: a report made at 08:00 must not count that evening's dose as missed (87.5% before, 100% after).</summary>
    [Fact]
    public void A_dose_counts_as_missed_only_once_its_time_and_the_grace_period_have_passed()
    {
        var plan = PlanVersion.Initial(Plan("22:00"), At(Jan1, 8));
        var journal = Journal([plan], Enumerable.Range(0, 7).Select(d => Dose(Jan1.PlusDays(d), 4.5m)));
        var day8 = Jan1.PlusDays(7);

        var morning = JournalAnalyzer.Analyze(journal, day8, now: At(day8, 8)).Adherence;
        var wholeDay = JournalAnalyzer.Analyze(journal, day8).Adherence;
        var nextMorning = JournalAnalyzer.Analyze(journal, day8, now: At(day8.PlusDays(1), 7)).Adherence;
        var inTheNight = JournalAnalyzer.Analyze(journal, day8, now: At(day8.PlusDays(1), 5)).Adherence;

        Assert.Equal((7, 7, 1.0, 1), (morning.Expected, morning.Taken, morning.Share!.Value, morning.NotYetDueDays));
        Assert.Equal((8, 7, 0.875, 0), (wholeDay.Expected, wholeDay.Taken, wholeDay.Share!.Value, wholeDay.NotYetDueDays));
        Assert.Equal((8, 7), (nextMorning.Expected, nextMorning.Taken)); // 22:00 + 8 h = 06:00: missed
        Assert.Equal((7, 7), (inTheNight.Expected, inTheNight.Taken)); // 05:00: may still be taken tonight
        Assert.Equal(At(day8.PlusDays(1), 6), AdherenceCalculator.Due(day8, plan.Steps[0].At, DateTimeZoneProviders.Tzdb[London], AnalysisOptions.Default));

        // A dose taken early that day counts, and a logged skip is missed at once.
        var taken = journal with { Doses = [.. journal.Doses, Dose(day8, 4.5m, hour: 7)] };
        Assert.Equal((8, 8), Pair(JournalAnalyzer.Analyze(taken, day8, now: At(day8, 8)).Adherence));
        var skipped = journal with { Doses = [.. journal.Doses, Dose(day8, 4.5m, hour: 7, skipped: true)] };
        Assert.Equal((8, 7), Pair(JournalAnalyzer.Analyze(skipped, day8, now: At(day8, 8)).Adherence));
    }

    private static (int Expected, int Taken) Pair(Adherence a) => (a.Expected, a.Taken);
}
