using Ldn.Core.Pharmacology;
using Ldn.Core.Trials;
using Xunit;

namespace Ldn.Core.Tests.Trials;

/// <summary>
/// The calibrated conditions against the trials they were fitted to, at 40 repetitions (a subset of
/// the 200 repetitions, seed 42, that the fit used: the same subjects, so the fit residual carries over
/// and the extra Monte-Carlo error is about 1–2 points of responder rate or 0.05 NRS points).
/// </summary>
public sealed class TrialSimulatorTests
{
    private const int Repetitions = 40;

    [Fact]
    public void Smith_2011_is_reproduced_under_scenario_A_and_not_under_B()
    {
        var result = TrialSimulator.Run(TrialPresets.Find("smith-2011"), [OccupancyScenario.A, OccupancyScenario.B], Repetitions);
        var drugA = result.Arm("LDN 4.5 mg", OccupancyScenario.A);
        var placeboA = result.Arm("Placebo", OccupancyScenario.A);

        // Placebo: fitted exactly (bisection on placeboMaximum); ±6 points covers the Monte-Carlo error at
        // 40 repetitions (SE ≈ 11%/√40 ≈ 1.7 points) three times over.
        Assert.InRange(placeboA.ResponderRate, 0.34, 0.46);

        // LDN: 88% cannot be reached with I_max ≤ 1 (the fit stops at 1 with ≈83%), so the tolerance
        // is the 5-point fit residual plus 3 Monte-Carlo SEs (≈ 4 points): ±9 points.
        Assert.InRange(drugA.ResponderRate, 0.79, 0.97);
        Assert.True(drugA.ResponderRate - placeboA.ResponderRate > 0.3);

        // Scenario B: blockade never lets signalling overshoot at 4.5 mg, so LDN ≈ placebo: only subjects
        // whose individual PK, sensitivity or missed doses let S exceed 1 gain anything.
        var difference = result.Difference(OccupancyScenario.B)!;
        Assert.InRange(difference.ResponderRate, -0.12, 0.12);
        Assert.True(difference.ResponderRate < result.Difference(OccupancyScenario.A)!.ResponderRate - 0.25);
    }

    [Fact]
    public void FINAL_stays_compatible_with_its_null_result()
    {
        var result = TrialSimulator.Run(TrialPresets.Find("final-2024"), [OccupancyScenario.A], Repetitions);
        var difference = result.Difference(OccupancyScenario.A)!;
        Assert.InRange(difference.MeanChange, -0.95, 0.27);
        Assert.True(difference.MeanChange < 0);
    }

    [Fact]
    public void A_trial_does_not_depend_on_the_number_of_threads()
    {
        var design = TrialPresets.Find("final-2024");
        design = design with { Arms = [.. design.Arms.Select(a => a with { N = 5 })] };
        var one = TrialSimulator.Run(design, [OccupancyScenario.A, OccupancyScenario.B], 3, 7, maxDegreeOfParallelism: 1);
        var many = TrialSimulator.Run(design, [OccupancyScenario.A, OccupancyScenario.B], 3, 7, maxDegreeOfParallelism: 4);
        Assert.Equal(one.Arms, many.Arms);
        Assert.Equal(one.Differences, many.Differences);
    }

    [Fact]
    public void A_crossover_gives_both_arms_the_same_subjects()
    {
        var design = TrialPresets.Find("younger-2013");
        design = design with { Arms = [.. design.Arms.Select(a => a with { N = 4, DoseMg = 0, Weeks = 4 })] };
        var result = TrialSimulator.Run(design, [OccupancyScenario.A], 3);
        Assert.Equal(result.Arms[0].MeanChange, result.Arms[1].MeanChange, 12);
    }

    [Fact]
    public void Percentiles_interpolate()
    {
        Assert.Equal(2.5, TrialSimulator.Percentile([1, 2, 3, 4], 0.5));
        Assert.Equal(1, TrialSimulator.Percentile([4, 1, 3, 2], 0));
    }
}
