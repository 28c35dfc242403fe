using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Pharmacology.Observations;
using Ldn.Core.Pharmacology.Parameters;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Core.Tests.Fitting;

/// <summary>
/// Issue 12's acceptance numbers for the shipped fits (data/fits/), with their sources:
/// Rabiner 2011 (Mol Psychiatry 16:826, pharmacology.md §3.1): every scan within ±15 percentage points (at the fit's
/// estimated scan time); Lee 1988 (J Nucl Med 29:1207, §3.1): every ratio within 2 SEM, and the model's own blockade
/// 1 h after 50 mg at least 85%; every estimated structure parameter identifiable (a finite profile interval).
/// Which structures meet them is stated here, honestly, and a test fails if that changes.
/// </summary>
public sealed class FitAcceptanceTests(ITestOutputHelper output)
{
    private const double RabinerTolerancePoints = 15;
    private const double LeeTolerance = 2;
    private const double LeeOneHourMinimum = 85;

    /// <summary>Which structures meet every acceptance number with the shipped fit.</summary>
    public static TheoryData<OccupancyScenario, bool> Expected() => new()
    {
        { OccupancyScenario.A, false },            // Lee: blockade gone within 2 days.
        { OccupancyScenario.B, false },            // Lee at 72 h 2.1 SEM off.
        { OccupancyScenario.SlowPool, true },
        { OccupancyScenario.TwoSite, false },      // 1 h after 50 mg: 70% < 85%.
        { OccupancyScenario.SlowBinding, false },  // Rabiner 15 mg: 21 points too high.
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Shipped_fit_meets_the_acceptance_numbers_as_stated(OccupancyScenario structure, bool expected)
    {
        var fit = FitCatalog.Shipped.Single(f => f.Structure == structure);
        var evaluator = new SingleDoseEvaluator(fit.Estimate);
        var scan = fit.Parameters.Single(p => p.Name == "rabinerScanTime").Estimate;
        var failures = new List<string>();
        var sets = ObservationCatalog.Shipped.ToDictionary(s => s.Source);
        foreach (var point in sets["Rabiner 2011"].Points)
        {
            var predicted = 100 * evaluator.MorBlockade(structure, point.DoseMg, scan);
            if (Math.Abs(predicted - point.Value) > RabinerTolerancePoints)
            {
                failures.Add($"Rabiner {point.DoseMg} mg: {predicted:0.#}% vs {point.Value}%");
            }
        }

        var oneHour = 100 * evaluator.MorBlockade(structure, 50, 1);
        foreach (var point in sets["Lee 1988"].Points)
        {
            var ratio = 100 * evaluator.MorBlockade(structure, 50, point.TimeHours) / (oneHour / 100);
            if (Math.Abs(ratio - point.Value) > LeeTolerance * point.Sd)
            {
                failures.Add($"Lee {point.TimeHours} h: {ratio:0.#}% vs {point.Value}% (SEM {point.Sd})");
            }
        }

        if (oneHour < LeeOneHourMinimum)
        {
            failures.Add($"1 h after 50 mg: {oneHour:0.#}% < 85%");
        }

        failures.AddRange(fit.Parameters.Where(p => p.Name != "rabinerScanTime" && !p.Identifiable).Select(p => $"{p.Name} not identifiable"));
        output.WriteLine($"{structure.Name()}: {(failures.Count == 0 ? "meets every acceptance number" : string.Join("; ", failures))}");
        Assert.Equal(expected, failures.Count == 0);
    }

    [Fact]
    public void Every_structure_has_a_shipped_fit_with_at_least_500_bootstrap_replicates()
    {
        Assert.Equal(OccupancyScenarios.All, FitCatalog.Shipped.Select(f => f.Structure));
        foreach (var fit in FitCatalog.Shipped)
        {
            Assert.True(fit.Replicates.Count >= 500, $"{fit.Structure.Name()}: {fit.Replicates.Count} replicates");
            Assert.Equal(fit.Minus2LogLikelihood + (2 * fit.Parameters.Count), fit.Aic, 6);
            var first = FitStructures.Estimated(fit.Structure)[0];
            Assert.True(fit.Replicates.Select(r => first.Get!(r)).Distinct().Count() > 100, "replicates carry their own values");
            Assert.Equal(ParameterStatus.Fitted, fit.Estimate.Entries.Single(e => e.Key == first.Name).Status);
        }
    }

    [Fact]
    public void Default_parameters_carry_the_shipped_estimates_of_the_three_new_structures()
    {
        foreach (var fit in FitCatalog.Shipped.Where(f => f.Structure is not (OccupancyScenario.A or OccupancyScenario.B)))
        {
            foreach (var f in FitStructures.Estimated(fit.Structure))
            {
                Assert.Equal(f.Get!(fit.Estimate), f.Get!(ParameterSets.Default), 4);
                Assert.Equal(ParameterStatus.Fitted, ParameterSets.Default.Entries.Single(e => e.Key == f.Name).Status);
            }
        }
    }
}
