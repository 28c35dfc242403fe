using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Population;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Population;

public sealed class PopulationRunnerTests
{
    private static PopulationSettings Small(long seed = 42, int? threads = null) =>
        new(24, seed, Mass.FromMilligrams(4.5), 2) { Threads = threads };

    private static PopulationResult Run(PopulationSettings settings) =>
        PopulationRunner.Run(ParameterSets.Default, ConditionCatalog.Generic, settings);

    private static List<double> AllPercentiles(PopulationResult result)
    {
        var values = new List<double>();
        for (var i = 0; i < result.TimeHours.Count; i++)
        {
            foreach (var metric in Enum.GetValues<PopulationMetric>())
            {
                var band = result.Band(i, metric);
                values.AddRange([band.P5, band.P50, band.P95]);
            }
        }

        return values;
    }

    [Fact]
    public void Percentiles_are_bitwise_identical_for_one_two_and_four_threads()
    {
        var one = AllPercentiles(Run(Small(threads: 1)));
        var two = AllPercentiles(Run(Small(threads: 2)));
        var four = AllPercentiles(Run(Small(threads: 4)));
        Assert.Equal((57 * 4 * 3), one.Count);
        Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), two.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(one.Select(BitConverter.DoubleToInt64Bits), four.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Another_seed_gives_another_population()
    {
        var a = AllPercentiles(Run(Small(seed: 42)));
        var b = AllPercentiles(Run(Small(seed: 43)));
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Percentiles_are_ordered_and_the_grid_is_the_output_step()
    {
        var result = Run(Small());
        Assert.Equal(57, result.TimeHours.Count);
        Assert.Equal(336, result.TimeHours[^1]);
        Assert.Equal(6, result.TimeHours[1]);
        Assert.True(result.AcceptedSteps > 0);
        for (var i = 0; i < result.TimeHours.Count; i++)
        {
            foreach (var metric in Enum.GetValues<PopulationMetric>())
            {
                var band = result.Band(i, metric);
                Assert.True(band.P5 <= band.P50 && band.P50 <= band.P95, $"{metric} at {result.TimeHours[i]} h: {band}");
            }
        }

        // The default structure, slow-pool (docs/model.md §5c.1): its pool is linear, so the typical subject's
        // pool 168 h in (24 h after the 7th daily 4.5 mg dose, doses from t = 0) is the sum of one Bateman term
        // f_s·F·D·ka/(ka − k_s)·(e^(−k_s·τ) − e^(−ka·τ)) per dose, and its blockade A_s/(A_s + A50). The median
        // of 24 subjects (EC50s and A50 log-normal with CV 30%, 5% of doses missed) lies within 0.1 of it.
        Assert.Equal(OccupancyScenario.SlowPool, result.Settings.Scenario);
        var model = ParameterSets.Default;
        var capsule = model.For(Formulation.Capsule);
        var ka = capsule.AbsorptionRate.PerHour;
        var ks = model.Structures.PoolRelease.PerHour;
        var pool = Enumerable.Range(1, 7).Sum(k => model.Structures.PoolFraction * capsule.ParentRelativeBioavailability * 4.5 * ka / (ka - ks)
            * (Math.Exp(-ks * 24 * k) - Math.Exp(-ka * 24 * k)));
        var typical = pool / (pool + model.Structures.PoolHalfBlockadeMg);
        Assert.True(typical > 0.3, $"typical trough {typical}");
        Assert.InRange(result.Band(28, PopulationMetric.Mor).P50, typical - 0.1, typical + 0.1);
    }

    [Theory]
    [InlineData(PopulationEngine.Reference)]
    [InlineData(PopulationEngine.Fast)]
    public void Cancelling_stops_the_run_and_says_how_far_it_got(PopulationEngine engine)
    {
        // The fast engine reports progress per batch (128 subjects here); two threads may each finish the
        // batch they are in after the first report, so at most three batches are done.
        var most = engine == PopulationEngine.Reference ? 100 : 3 * Ldn.Core.Population.Fast.FastBatch.SizeFor(2000, 2);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter(5, cancel);
        var settings = new PopulationSettings(2000, 1, Mass.FromMilligrams(4.5), 4) { Threads = 2, Engine = engine };
        var error = Assert.Throws<PopulationCancelledException>(() =>
            PopulationRunner.Run(ParameterSets.Default, ConditionCatalog.Generic, settings, progress, cancel.Token));
        Assert.InRange(error.Completed, 5, most);
        Assert.Equal(2000, error.Total);
    }

    [Theory]
    [InlineData(0, 12, "4.5", "number of subjects must be between 1 and 1,000,000")]
    [InlineData(1_000_000_000, 12, "4.5", "number of subjects")]
    [InlineData(10, -1, "4.5", "number of weeks must be between 1 and 520")]
    [InlineData(10, 521, "4.5", "number of weeks")]
    [InlineData(10, 12, "400", "is above 300 mg")]
    public void Out_of_range_settings_are_refused_with_one_sentence(int n, int weeks, string doseMg, string expected)
    {
        var settings = new PopulationSettings(n, 1, Mass.Parse(doseMg), weeks);
        var error = Assert.Throws<InvalidInputException>(settings.Validate);
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
    }

    private sealed class CancelAfter(int count, CancellationTokenSource source) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value >= count)
            {
                source.Cancel();
            }
        }
    }
}
