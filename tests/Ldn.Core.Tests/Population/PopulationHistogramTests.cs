using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Population;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Population;

public sealed class PopulationHistogramTests
{
    /// <summary>The inverse empirical CDF: the ⌈q·n⌉-th smallest value.</summary>
    private static double Exact(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling((q * sorted.Count) - 1e-9) - 1];
    }

    [Fact]
    public void Histogram_percentiles_match_sorted_percentiles_of_simulated_subjects_within_one_bin()
    {
        const int n = 300;
        var model = ParameterSets.Default;
        var condition = ConditionCatalog.Generic;
        var planned = Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 14, Formulation.Capsule).Administrations;
        var grid = PopulationRunner.Grid(336, 12);
        var instrument = condition.Parameters.Instrument;
        var histogram = new PopulationHistogram(grid.Length, instrument.Minimum, instrument.Maximum);
        var simulator = new SubjectSimulator();
        var samples = new SubjectSample[grid.Length];
        var kept = Enumerable.Range(0, grid.Length).Select(_ => new List<SubjectSample>()).ToArray();
        for (var i = 0; i < n; i++)
        {
            simulator.Run(VirtualSubject.Draw(model, condition, 5, i), planned, 336, grid, OccupancyScenario.A, false, samples);
            histogram.Add(samples);
            for (var t = 0; t < grid.Length; t++)
            {
                kept[t].Add(samples[t]);
            }
        }

        Assert.Equal(n, histogram.Subjects);
        Func<SubjectSample, double>[] pick = [s => s.Mor, s => s.Signalling, s => s.Inflammation, s => s.Score];
        var checkedPoints = 0;
        foreach (var t in new[] { 1, 5, 14, 27, grid.Length - 1 })
        {
            foreach (var metric in Enum.GetValues<PopulationMetric>())
            {
                var values = kept[t].Select(pick[(int)metric]).ToList();
                foreach (var q in new[] { 0.05, 0.5, 0.95 })
                {
                    var error = Math.Abs(histogram.Percentile(t, metric, q) - Exact(values, q));
                    Assert.True(error <= histogram.Resolution(metric) * (1 + 1e-9), $"{metric} q={q} at {grid[t]} h off by {error}");
                    checkedPoints++;
                }

                var band = histogram.Band(t, metric);
                Assert.True(band.P5 <= band.P50 && band.P50 <= band.P95);
            }
        }

        Assert.Equal(60, checkedPoints);
    }

    [Fact]
    public void Resolution_is_a_1024th_of_each_range_and_a_point_mass_is_exact()
    {
        var histogram = new PopulationHistogram(1, 0, 600);
        Assert.Equal(1.0 / 1024, histogram.Resolution(PopulationMetric.Mor));
        Assert.Equal(4.0 / 1024, histogram.Resolution(PopulationMetric.Signalling));
        Assert.Equal(2.0 / 1024, histogram.Resolution(PopulationMetric.Inflammation));
        Assert.Equal(600.0 / 1024, histogram.Resolution(PopulationMetric.ClinicalScore));
        for (var i = 0; i < 10; i++)
        {
            histogram.Add([new SubjectSample(0.7321, 1, 1, 250)]);
        }

        Assert.Equal(new PercentileBand(0.7321, 0.7321, 0.7321), histogram.Band(0, PopulationMetric.Mor));
        Assert.Equal(250, histogram.Percentile(0, PopulationMetric.ClinicalScore, 0.5));
    }

    [Fact]
    public void Random_values_give_percentiles_within_one_bin_of_the_sorted_ones()
    {
        var random = new SubjectRandom(3, 0);
        var histogram = new PopulationHistogram(1, 0, 10);
        var values = new List<double>();
        for (var i = 0; i < 500; i++)
        {
            var v = Math.Clamp(0.5 + (0.1 * random.NextGaussian()), 0, 1);
            values.Add(v);
            histogram.Add([new SubjectSample(v, 4 * v, 2 * v, 10 * v)]);
        }

        foreach (var q in new[] { 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0 })
        {
            Assert.InRange(histogram.Percentile(0, PopulationMetric.Mor, q) - Exact(values, q), -1.0 / 1024, 1.0 / 1024);
        }
    }
}
