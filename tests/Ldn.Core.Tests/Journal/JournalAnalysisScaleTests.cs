using Ldn.Core.Advice;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;
using NodaTime;
using Xunit;
using static Ldn.Core.Tests.Journal.JournalAnalysisTestJournals;

namespace Ldn.Core.Tests.Journal;

/// <summary>Issue 10 items 5–7 in the analysis: the patient's own scale flows through everything, the baseline status, the chart series.</summary>
public sealed class JournalAnalysisScaleTests
{
    private static readonly LocalDate Start = new(2024, 1, 1);

    private static readonly SymptomScale BrainFog = new("brain-fog", "Brain fog", "clear", "cannot think", HigherIsWorse: true);

    /// <summary>28 baseline days of brain fog around 7, then 56 days of 4.5 mg around 4 (pain not recorded).</summary>
    private static JournalData BrainFogJournal(int seed = 11)
    {
        var random = new Random(seed);
        var noise = Ar1(84, 0.5, random);
        var checkIns = new List<CheckInEntry>();
        var doses = new List<DoseEntry>();
        for (var d = 0; d < 84; d++)
        {
            var date = Start.PlusDays(d);
            if (d >= 28)
            {
                doses.Add(Dose(date, 4.5m));
            }

            var fog = (int)Math.Clamp(Math.Round((d < 28 ? 7 : 4) + noise[d]), 0, 10);
            checkIns.Add(CheckInEntry.WithScores(0, At(date, 9), London, new Dictionary<string, int> { ["brain-fog"] = fog, [SymptomScales.Mood] = 5 }));
        }

        return new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = London },
            Scales = [.. SymptomScales.BuiltIn, BrainFog],
            Doses = doses,
            CheckIns = checkIns,
        };
    }

    [Fact]
    public void A_scale_the_patient_added_is_compared_trended_and_charted_like_the_built_in_ones()
    {
        var data = BrainFogJournal();
        var analysis = JournalAnalyzer.Analyze(data, Start.PlusDays(83));

        Assert.Equal([.. SymptomScales.BuiltInIds, "brain-fog"], analysis.Scales.Select(s => s.Scale.Id));
        var fog = analysis.Scales[^1];
        Assert.Equal((84, 28, null), (fog.CheckInDays, fog.BaselineDays, fog.Reason));
        var atDose = fog.Comparisons.Single(c => c.Window == ComparisonWindow.DoseLevel);
        Assert.Equal((ComparisonStatus.Estimated, true, 56 - 4), (atDose.Status, atDose.LowerIsBetter, atDose.WindowDays));
        Assert.InRange(-3.0, atDose.Lower!.Value, atDose.Upper!.Value);
        Assert.Equal(ChangeVerdict.Improved, atDose.Verdict); // lower is better on this scale
        Assert.Contains(analysis.Comparisons, c => c.ScaleId == "brain-fog");

        // 4.5 mg against 0 mg: the true slope is −3/4.5 per mg.
        Assert.Equal((ComparisonStatus.Estimated, ChangeVerdict.Improved), (fog.Trend.Status, fog.Trend.Verdict));
        Assert.InRange(-3.0 / 4.5, fog.Trend.Lower!.Value, fog.Trend.Upper!.Value);

        // A constant mood gives no change, and scales without check-ins say so once.
        var mood = analysis.Scales.Single(s => s.Scale.Id == SymptomScales.Mood);
        Assert.All(mood.Comparisons, c => Assert.Equal(0.0, c.MeanChange!.Value, 9));
        Assert.Equal("no pain check-ins up to the as-of day", analysis.Scales.Single(s => s.Scale.Id == SymptomScales.Pain).Reason);

        var chart = JournalChartSeries.Build(data, analysis);
        var line = chart.Symptoms.Scales.Single(s => s.Id == "brain-fog");
        Assert.Equal(("Brain fog", true, 84), (line.Label, line.HigherIsWorse, line.Values.Count));
        Assert.Equal(analysis.Days[0].Score("brain-fog"), line.Values[0]!.Value, 5);
        Assert.Equal(analysis.Days.Skip(77).Average(d => d.Score("brain-fog")), line.Values[83]!.Value, 5); // trailing 7-day mean
        Assert.All(chart.Symptoms.Scales.Where(s => s.Id == SymptomScales.Pain).Single().Values, v => Assert.Null(v));
    }

    [Fact]
    public void Scores_on_a_scale_missing_from_the_catalogue_are_left_out_with_a_note()
    {
        var data = BrainFogJournal() with { Scales = SymptomScales.BuiltIn };

        var analysis = JournalAnalyzer.Analyze(data, Start.PlusDays(83));

        Assert.Equal(5, analysis.Scales.Count);
        Assert.Contains("Scores on scales not in the journal's catalogue (brain-fog) are left out.", analysis.Notes);
    }

    [Fact]
    public void The_baseline_status_counts_check_in_days_before_the_first_dose_and_says_what_is_recommended()
    {
        var three = new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = London },
            CheckIns = [CheckIn(Start, 5), CheckIn(Start.PlusDays(1), 5), CheckIn(Start.PlusDays(1), null, fatigue: 3, hour: 20), CheckIn(Start.PlusDays(3), 4)],
        };

        var status = BaselineStatus.Of(three, Start.PlusDays(3));
        Assert.Equal((3, null, false), (status.Days, status.FirstDoseDate, status.Reached));
        Assert.Equal("3 baseline days so far; 14 are recommended before the first dose.", status.Sentence);

        var dosed = three with { Doses = [Dose(Start.PlusDays(3), 1.5m)] };
        var after = BaselineStatus.Of(dosed, Start.PlusDays(5));
        Assert.Equal((2, Start.PlusDays(3)), (after.Days, after.FirstDoseDate));
        Assert.Equal("Only 2 baseline days before the first dose on 2024-01-04; at least 10 are needed to compare symptoms with the time before LDN, and 14 are recommended.", after.Sentence);

        var full = JournalAnalyzer.Analyze(BrainFogJournal(), Start.PlusDays(83)).Baseline;
        Assert.Equal((28, true), (full.Days, full.Reached));
        Assert.Equal("28 baseline days before the first dose on 2024-01-29: the recommended 14 were reached.", full.Sentence);
        Assert.Equal("14 baseline days so far: the recommended 14 are reached, so the first dose can follow.", BaselineStatus.Of(BrainFogJournal() with { Doses = [] }, Start.PlusDays(13)).Sentence);
    }

    [Fact]
    public void The_chart_series_follow_the_plan_version_in_force_and_mark_skips_events_and_side_effects()
    {
        const string first = """{"protocol":"test","steps":[{"step":1,"from":"2024-01-01","to":"2024-01-14","doseMg":1.5,"at":"22:00"},{"step":2,"from":"2024-01-15","to":null,"doseMg":3,"at":"22:00"}]}""";
        const string morning = """{"protocol":"test","steps":[{"step":1,"from":"2024-01-20","to":null,"doseMg":3,"at":"08:00"}]}""";
        var data = new JournalData
        {
            Profile = new JournalProfile { TimeZoneId = London },
            Plans = [PlanVersion.Initial(first, At(Start, 8)), new PlanVersion(2, Start.PlusDays(19), At(Start.PlusDays(19), 7), morning, "move-to-morning")],
            Doses = [.. Enumerable.Range(0, 25).Select(d => Dose(Start.PlusDays(d), d < 14 ? 1.5m : 3m, skipped: d == 3))],
            Events = [new EventEntry(0, At(Start.PlusDays(5), 18), London, JournalEventKind.Flare)],
            SideEffects = [new SideEffectEntry(0, "vivid-dreams", SideEffectSeverity.Mild, At(Start.PlusDays(1), 7), null, London)],
        };

        var chart = JournalChartSeries.Build(data, JournalAnalyzer.Analyze(data, Start.PlusDays(24)));

        Assert.Equal((Start, 25, 1), (chart.StartDate, chart.Days, chart.BinDays));
        Assert.Equal([(0, 13, 1.5m, "22:00"), (14, 18, 3m, "22:00"), (19, 24, 3m, "08:00")], chart.Dose.Plan.Select(p => (p.From, p.To, p.DoseMg, p.At)));
        Assert.Equal([3], chart.Dose.Skipped);
        Assert.Null(chart.Dose.Taken[3]);
        Assert.Equal(new ChartEvent(5, "flare"), Assert.Single(chart.Events));
        var episode = Assert.Single(chart.SideEffects);
        Assert.Equal((1, 25, true), (episode.From, episode.To, episode.Ongoing));
    }
}
