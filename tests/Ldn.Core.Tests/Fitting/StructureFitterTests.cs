using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Pharmacology.Observations;
using Ldn.Core.Pharmacology.Parameters;
using Xunit;

namespace Ldn.Core.Tests.Fitting;

/// <summary>The fitter on the shipped data with small bootstraps (20 replicates) that can still fail.</summary>
public sealed class StructureFitterTests
{
    [Fact]
    public void Two_site_fit_has_finite_profile_intervals_around_its_estimate()
    {
        var report = StructureFitter.Fit(OccupancyScenario.TwoSite, ObservationCatalog.Shipped, ParameterSets.Default, new FitOptions(Replicates: 20));
        var fit = report.Fit;
        Assert.Equal(12, report.Residuals.Count);
        Assert.Equal(fit.Minus2LogLikelihood + (2 * 5), fit.Aic, 9);
        foreach (var p in fit.Parameters.Where(p => p.Name.StartsWith("twoSite", StringComparison.Ordinal)))
        {
            Assert.True(p.Identifiable, $"{p.Name} {p.Low}–{p.High}");
            Assert.InRange(p.Estimate, p.Low, p.High);
        }

        // The profile ends are where −2LL has risen by 3.84: moving a parameter there and refitting the rest cannot do better.
        var phi = fit.Parameters.Single(p => p.Name == "twoSiteDirectFraction");
        Assert.InRange(phi.Estimate, 0.05, 0.6);
        Assert.Equal(20, report.BootstrapReplicates);
        Assert.Equal(20, fit.Replicates.Count);
        Assert.InRange(report.Trough45.Estimate, report.Trough45.Low - 1e-9, report.Trough45.High + 1e-9);
        Assert.Equal(ParameterStatus.Fitted, fit.Estimate.Entries.Single(e => e.Key == "twoSiteDirectFraction").Status);
    }

    [Fact]
    public void Bootstrap_does_not_depend_on_the_thread_count()
    {
        FitReport Run(int threads) => StructureFitter.Fit(OccupancyScenario.B, ObservationCatalog.Shipped, ParameterSets.Default, new FitOptions(Replicates: 8, Threads: threads, Profile: false));
        var one = Run(1).Fit.Replicates.Select(r => r.EffectSiteEc50.Nanomolar).ToList();
        var two = Run(2).Fit.Replicates.Select(r => r.EffectSiteEc50.Nanomolar).ToList();
        Assert.Equal(one, two);
        Assert.True(one.Distinct().Count() > 4, "replicates should differ from each other");
    }

    [Fact]
    public void Non_convergence_is_one_sentence_saying_what_to_try()
    {
        var e = Assert.Throws<InvalidInputException>(() => StructureFitter.Fit(OccupancyScenario.TwoSite, ObservationCatalog.Shipped, ParameterSets.Default, new FitOptions(MaxIterations: 1, Replicates: 0)));
        Assert.Contains("did not converge within 1 iterations", e.Message, StringComparison.Ordinal);
        Assert.Contains("--max-iterations", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_data_is_refused()
    {
        var e = Assert.Throws<InvalidInputException>(() => StructureFitter.Fit(OccupancyScenario.A, [], ParameterSets.Default, new FitOptions(Replicates: 0)));
        Assert.Contains("no data points", e.Message, StringComparison.Ordinal);
    }
}
