using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Population;
using Ldn.Core.Population.Fast;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Population;

public sealed class FastSubjectEngineTests
{
    private static PopulationResult Run(int n, int weeks, PopulationEngine engine, int? threads = null, bool keep = false, OccupancyScenario scenario = OccupancyScenario.B) =>
        PopulationRunner.Run(
            ParameterSets.Default,
            ConditionCatalog.Generic,
            new(n, 42, Mass.FromMilligrams(4.5), weeks) { OutputStep = Duration.FromHours(1), Engine = engine, Threads = threads, KeepSubjects = keep, Scenario = scenario });

    [Theory]
    [InlineData(OccupancyScenario.B)]
    [InlineData(OccupancyScenario.A)]
    [InlineData(OccupancyScenario.SlowPool)]
    [InlineData(OccupancyScenario.TwoSite)]
    public void Fast_percentiles_agree_with_the_reference_engine_for_64_subjects_over_14_days(OccupancyScenario scenario)
    {
        // Both engines fill histograms of 1024 bins, so one percentile can move by at most one bin width when
        // a value crosses a bin edge, plus the engines' own difference. population-accuracy (1,000 subjects ×
        // 84 days, docs/model.md §7b) measured per subject at any hourly time against the rtol 1e-8 reference:
        // fast engine at PopulationRunner.FastMaxStepHours ≤ 2.3e-4 (B), 7.7e-4 (A), 1.2e-3 (slow-pool),
        // 1.0e-3 (two-site); default reference (rtol 1e-5) ≤ 1.2e-4 (B), 6.4e-4 (A), 7.7e-5 (slow-pool),
        // 1.9e-4 (two-site). The allowance is their sum, rounded up.
        var fast = Run(64, 2, PopulationEngine.Fast, scenario: scenario);
        var reference = Run(64, 2, PopulationEngine.Reference, scenario: scenario);
        Assert.Equal(PopulationEngine.Fast, fast.Engine);
        Assert.Equal(PopulationEngine.Reference, reference.Engine);
        var engineError = scenario == OccupancyScenario.B ? 5e-4 : 1.5e-3;
        Assert.Equal(1.0, PopulationRunner.FastMaxStepHours(OccupancyScenario.SlowPool));
        Assert.Equal(0.5, PopulationRunner.FastMaxStepHours(OccupancyScenario.TwoSite));
        foreach (var metric in new[] { PopulationMetric.Mor, PopulationMetric.Signalling, PopulationMetric.Inflammation })
        {
            var tolerance = fast.Histogram.Resolution(metric) + engineError;
            for (var i = 0; i < fast.TimeHours.Count; i++)
            {
                var a = fast.Band(i, metric);
                var b = reference.Band(i, metric);
                Assert.InRange(a.P5 - b.P5, -tolerance, tolerance);
                Assert.InRange(a.P50 - b.P50, -tolerance, tolerance);
                Assert.InRange(a.P95 - b.P95, -tolerance, tolerance);
            }
        }

        // Not trivially equal: the drug moves the median blockade well away from zero.
        Assert.True(Enumerable.Range(0, fast.TimeHours.Count).Max(i => fast.Band(i, PopulationMetric.Mor).P50) > 0.1);
    }

    [Theory]
    [InlineData(OccupancyScenario.B)]
    [InlineData(OccupancyScenario.SlowPool)]
    [InlineData(OccupancyScenario.TwoSite)]
    public void One_and_two_threads_give_bitwise_equal_percentiles_and_subject_records(OccupancyScenario scenario)
    {
        // 300 subjects: batches of 40 on one thread and 20 on two, so different batch compositions.
        Assert.Equal(40, FastBatch.SizeFor(300, 1));
        Assert.Equal(20, FastBatch.SizeFor(300, 2));
        var one = Run(300, 1, PopulationEngine.Fast, threads: 1, keep: true, scenario: scenario);
        var two = Run(300, 1, PopulationEngine.Fast, threads: 2, keep: true, scenario: scenario);
        Assert.Equal(PopulationEngine.Fast, one.Engine);
        for (var i = 0; i < one.TimeHours.Count; i++)
        {
            foreach (var metric in Enum.GetValues<PopulationMetric>())
            {
                Assert.Equal(one.Band(i, metric), two.Band(i, metric));
            }
        }

        Assert.Equal(300, one.Subjects.Count);
        for (var s = 0; s < 300; s++)
        {
            Assert.Equal(s, one.Subjects[s].Index);
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.Subjects[s].MorEnd), BitConverter.DoubleToInt64Bits(two.Subjects[s].MorEnd));
            Assert.Equal(BitConverter.DoubleToInt64Bits(one.Subjects[s].InflammationEnd), BitConverter.DoubleToInt64Bits(two.Subjects[s].InflammationEnd));
            Assert.Equal(one.Subjects[s].Parameters, two.Subjects[s].Parameters);
        }
    }

    [Theory]
    [InlineData(OccupancyScenario.B)]
    [InlineData(OccupancyScenario.SlowPool)]
    public void A_subject_run_allocates_nothing_per_step(OccupancyScenario scenario)
    {
        var model = ParameterSets.Default;
        var condition = ConditionCatalog.Generic;
        var regimen = Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 84, Formulation.Capsule, Duration.FromDays(84));
        var grid = PopulationRunner.Grid(84 * 24, 1.0);
        var schedule = StepSchedule.Create([.. regimen.Administrations.Select(a => a.Time.Hours)], grid, PopulationRunner.FastMaxStepHours(scenario));
        double[] plannedMg = [.. regimen.Administrations.Select(a => a.Amount.Milligrams)];
        var engine = new FastSubjectEngine(schedule, plannedMg.Length, 4);
        var taken = new (int, double)[4];
        VirtualSubject[] subjects = [.. Enumerable.Range(0, 4).Select(i => VirtualSubject.Draw(model, condition, 42, i))];
        var sink = default(CountPoints);
        engine.Run(subjects, plannedMg, Formulation.Capsule, scenario, false, ref sink, taken);

        subjects = [.. Enumerable.Range(4, 4).Select(i => VirtualSubject.Draw(model, condition, 42, i))];
        sink = default;
        var before = GC.GetAllocatedBytesForCurrentThread();
        engine.Run(subjects, plannedMg, Formulation.Capsule, scenario, false, ref sink, taken);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 2,016 steps × 4 subjects: even one 24-byte object per step would be 48 KB. The bound leaves room for
        // nothing but a few per-call objects; the engine is written to allocate none.
        Assert.Equal(2016, schedule.Steps);
        Assert.Equal(grid.Length, sink.Points);
        Assert.InRange(allocated, 0, 1024);
    }

    [Fact]
    public void Slow_binding_stays_on_the_reference_engine()
    {
        // kon·C·(1 − B) is nonlinear in the drug, so it has no matrix exponential: the fast engine refuses it
        // and the runner falls back to the reference engine.
        Assert.False(FastSubjectEngine.Covers(OccupancyScenario.SlowBinding));
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationRunner.FastMaxStepHours(OccupancyScenario.SlowBinding));
        Assert.Equal(PopulationEngine.Reference, Run(8, 1, PopulationEngine.Fast, scenario: OccupancyScenario.SlowBinding).Engine);
    }

    [Fact]
    public void The_schedule_cuts_at_doses_and_grid_times_with_steps_no_longer_than_the_largest()
    {
        // Grid every 6 h over 2 days, doses at 2.5 h and 26.5 h, largest step 1 h.
        var grid = PopulationRunner.Grid(48, 6);
        var schedule = StepSchedule.Create([2.5, 26.5], grid, 1.0);
        var t = 0.0;
        var seen = new List<int>();
        for (var k = 0; k < schedule.Steps; k++)
        {
            if (schedule.DoseAt[k] >= 0)
            {
                Assert.Equal(schedule.DoseAt[k] == 0 ? 2.5 : 26.5, t, 12);
            }

            var h = schedule.Lengths[schedule.LengthOf[k]];
            Assert.True(h <= 1.0 + 1e-12);
            t += h;
            if (schedule.GridAt[k] >= 0)
            {
                Assert.Equal(grid[schedule.GridAt[k]], t, 9);
                seen.Add(schedule.GridAt[k]);
            }
        }

        Assert.Equal(48, t, 9);
        Assert.Equal(Enumerable.Range(1, grid.Length - 1), seen);

        // 0–2.5 in 3 steps of 5/6 h, 2.5–6 in 4 of 7/8 h, then whole hours: three distinct lengths.
        Assert.Equal(3, schedule.Lengths.Count);
    }

    private struct CountPoints : IPointSink
    {
        public int Points;

        public void OnPoint(int point, Span<SubjectSample> samples) => Points++;
    }
}
