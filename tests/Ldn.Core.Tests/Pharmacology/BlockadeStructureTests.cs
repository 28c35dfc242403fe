using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;
using Xunit;

namespace Ldn.Core.Tests.Pharmacology;

/// <summary>
/// The blockade structures of docs/model.md §3.4 and §5c (issue 12): no parameter is inert (scenario B's
/// former uptake rate cancelled out of every output), each structure's rates act where they should, and the
/// slow pool keeps the parent's AUC while adding a terminal phase.
/// </summary>
public sealed class BlockadeStructureTests
{
    private static readonly ModelParameters Default = ParameterSets.Default;

    /// <summary>MOR blockade of <paramref name="structure"/> at the given hours after one 50 mg tablet.</summary>
    private static double[] MorAfter50Mg(ModelParameters parameters, OccupancyScenario structure, params double[] hours)
    {
        var regimen = Regimen.Repeated(Mass.FromMilligrams(50), ClockTime.FromHoursAndMinutes(8, 0), Duration.FromHours(24), 1, Formulation.Tablet, Duration.FromHours(170));
        var series = Simulator.Run(regimen, parameters, Duration.FromMinutes(15), [structure]).Scenarios[0].Series;
        return [.. hours.Select(h => series.Mor[Array.FindIndex(series.TimeHours, t => Math.Abs(t - h) < 1e-9)])];
    }

    /// <summary>Every parameter of every structure, doubled: one of these acting on nothing is the bug of issue 12 item 1.</summary>
    public static TheoryData<OccupancyScenario, string> StructureParameters() => new()
    {
        { OccupancyScenario.A, "directEc50" },
        { OccupancyScenario.B, "effectSiteLossRate" },
        { OccupancyScenario.B, "effectSiteEc50" },
        { OccupancyScenario.SlowPool, "slowPoolFraction" },
        { OccupancyScenario.SlowPool, "slowPoolReleaseRate" },
        { OccupancyScenario.SlowPool, "slowPoolHalfBlockadeAmount" },
        { OccupancyScenario.TwoSite, "twoSiteDirectFraction" },
        { OccupancyScenario.TwoSite, "twoSiteDirectEc50" },
        { OccupancyScenario.TwoSite, "twoSiteSlowRate" },
        { OccupancyScenario.TwoSite, "twoSiteSlowEc50" },
        { OccupancyScenario.SlowBinding, "bindingAssociationRate" },
        { OccupancyScenario.SlowBinding, "bindingDissociationRate" },
    };

    [Theory]
    [MemberData(nameof(StructureParameters))]
    public void Every_structure_parameter_changes_the_blockade(OccupancyScenario structure, string name)
    {
        var before = MorAfter50Mg(Default, structure, 1, 4, 48, 120);
        var after = MorAfter50Mg(Doubled(name), structure, 1, 4, 48, 120);
        var largest = before.Zip(after, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(largest > 0.005, $"Doubling {name} moves {structure}'s MOR blockade by at most {largest:G3} (at 1, 4, 48, 120 h after 50 mg): it has no effect.");
    }

    [Fact]
    public void Scenario_B_rate_sets_the_early_blockade()
    {
        // The only rate B has left must act on onset: faster equilibration gives more blockade 1 h after 50 mg.
        // With the shipped k_e0 (t½ 25 h) blockade is 67% at 1 h (issue 12's own number); 10× faster gives far more.
        var slow = MorAfter50Mg(Default, OccupancyScenario.B, 1)[0];
        var fast = MorAfter50Mg(Default with { EffectSiteLoss = RateConstant.FromPerHour(Default.EffectSiteLoss.PerHour * 10) }, OccupancyScenario.B, 1)[0];
        Assert.InRange(slow, 0.66, 0.68);
        Assert.True(fast > slow + 0.1, $"1-h blockade {fast:P1} with 10× k_e0 vs {slow:P1}");
    }

    [Fact]
    public void A_file_that_still_sets_the_cancelled_uptake_rate_is_rejected_in_one_sentence()
    {
        var text = ParameterSets.DefaultText.Replace(
            "  effectSiteLossRate:\n    value: 0.0277",
            "  effectSiteUptakeRate:\n    value: 2.77\n    unit: 1/h\n    status: assumed\n    source: old file.\n\n  effectSiteLossRate:\n    value: 0.0277",
            StringComparison.Ordinal);
        var e = Assert.Throws<InvalidInputException>(() => ParameterSetReader.Read(text, "old.yaml"));
        Assert.Contains("cancelled out of scenario B", e.Message, StringComparison.Ordinal);
        Assert.Single(e.Message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(5.0)]
    public void Slow_binding_onset_rate_acts_on_early_blockade_at_a_fixed_kd(double factor)
    {
        // kon and koff scaled together keep Kd = koff/kon: the late, near-equilibrium part changes little, the onset a lot.
        var s = Default.Structures;
        var scaled = Default with
        {
            Structures = s with { AssociationPerNanomolarHour = s.AssociationPerNanomolarHour * factor, Dissociation = RateConstant.FromPerHour(s.Dissociation.PerHour * factor) },
        };
        Assert.Equal(s.BindingKdNanomolar, scaled.Structures.BindingKdNanomolar, 12);
        var early = MorAfter50Mg(Default, OccupancyScenario.SlowBinding, 0.5)[0];
        var earlyScaled = MorAfter50Mg(scaled, OccupancyScenario.SlowBinding, 0.5)[0];
        Assert.True(factor > 1 ? earlyScaled > early + 0.1 : earlyScaled < early - 0.1, $"30-min blockade {earlyScaled:P1} vs {early:P1} with kon and koff × {factor}");
    }

    [Fact]
    public void Slow_binding_kd_is_koff_over_kon_and_lies_near_the_in_vitro_ki()
    {
        var s = Default.Structures;
        Assert.Equal(s.Dissociation.PerHour / s.AssociationPerNanomolarHour, s.BindingKdNanomolar, 12);

        // Fitted (ldn fit, data/fits/slow-binding.yaml): 0.01122/h ÷ 0.09336/(nM·h) = 0.120 nM; in-vitro naltrexone
        // MOR Ki 0.11–1.1 nM (pharmacology.md §3.3).
        Assert.Equal(0.120, s.BindingKdNanomolar, 3);
    }

    [Fact]
    public void The_two_site_direct_fraction_gives_onset_the_slow_site_cannot()
    {
        // With no direct fraction the structure is B-like (slow onset); a larger direct fraction raises the 1-h value.
        var s = Default.Structures;
        var none = MorAfter50Mg(Default with { Structures = s with { DirectFraction = 0 } }, OccupancyScenario.TwoSite, 1)[0];
        var half = MorAfter50Mg(Default with { Structures = s with { DirectFraction = 0.5 } }, OccupancyScenario.TwoSite, 1)[0];
        Assert.True(half > none + 0.03, $"1-h blockade {half:P1} with φ = 0.5 vs {none:P1} with φ = 0");
    }

    [Fact]
    public void The_slow_pool_keeps_the_parent_auc_and_adds_a_slow_terminal_phase()
    {
        var regimen = Regimen.Repeated(Mass.FromMilligrams(50), ClockTime.FromHoursAndMinutes(8, 0), Duration.FromHours(24), 1, Formulation.Tablet, Duration.FromHours(240));
        var run = Simulator.Run(regimen, Default, Duration.FromHours(1), [OccupancyScenario.B, OccupancyScenario.SlowPool]);
        var shared = run.Scenarios[0];
        var pool = run.Scenarios[1];

        // All of the pool returns to plasma, so AUC to infinity is F·D/(V_p·k_p) in both: 50 mg / 534 L/h ≈ 93.8 ng·h/mL.
        Assert.Equal(shared.Summary.ParentAuc.NanogramHoursPerMillilitre, pool.Summary.ParentAuc.NanogramHoursPerMillilitre, 4);

        // At 96 h the 4-h phase has fallen 2^-24-fold; the pool's 96-h phase still holds ≈ f_s·D·k_s/(V·(k_p − k_s))·e^(−k_s·95) ≈ 0.005 ng/mL.
        var at96 = Array.IndexOf(pool.Series.TimeHours, 96.0);
        Assert.True(pool.Series.ParentNgPerMl[at96] > 100 * shared.Series.ParentNgPerMl[at96]);
        Assert.InRange(pool.Series.ParentNgPerMl[at96], 0.003, 0.008);

        // Low amplitude: the peak is (1 − f_s) of the shared PK's to within a few percent.
        Assert.InRange(pool.Summary.ParentCmax.NanogramsPerMillilitre / shared.Summary.ParentCmax.NanogramsPerMillilitre, 0.97, 0.99);
    }

    [Theory]
    [InlineData("all", 5)]
    [InlineData("B", 1)]
    [InlineData("slow-pool, Two-Site", 2)]
    [InlineData("slow-binding,slow-binding", 1)]
    public void Structure_names_parse(string text, int count) => Assert.Equal(count, OccupancyScenarios.ParseStructures(text).Count);

    [Theory]
    [InlineData("C")]
    [InlineData("slowpool")]
    [InlineData(",")]
    public void An_unknown_structure_is_one_sentence(string text)
    {
        var e = Assert.Throws<InvalidInputException>(() => OccupancyScenarios.ParseStructures(text));
        Assert.Contains("slow-pool, two-site, slow-binding", e.Message, StringComparison.Ordinal);
    }

    private static ModelParameters Doubled(string name)
    {
        var p = Default;
        var s = p.Structures;
        return name switch
        {
            "directEc50" => p with { DirectEc50 = MolarConcentration.FromNanomolar(p.DirectEc50.Nanomolar * 2) },
            "effectSiteLossRate" => p with { EffectSiteLoss = RateConstant.FromPerHour(p.EffectSiteLoss.PerHour * 2) },
            "effectSiteEc50" => p with { EffectSiteEc50 = MolarConcentration.FromNanomolar(p.EffectSiteEc50.Nanomolar * 2) },
            "slowPoolFraction" => p with { Structures = s with { PoolFraction = s.PoolFraction * 2 } },
            "slowPoolReleaseRate" => p with { Structures = s with { PoolRelease = RateConstant.FromPerHour(s.PoolRelease.PerHour * 2) } },
            "slowPoolHalfBlockadeAmount" => p with { Structures = s with { PoolHalfBlockadeMg = s.PoolHalfBlockadeMg * 2 } },
            "twoSiteDirectFraction" => p with { Structures = s with { DirectFraction = s.DirectFraction * 2 } },
            "twoSiteDirectEc50" => p with { Structures = s with { DirectSiteEc50 = MolarConcentration.FromNanomolar(s.DirectSiteEc50.Nanomolar * 2) } },
            "twoSiteSlowRate" => p with { Structures = s with { SlowSiteRate = RateConstant.FromPerHour(s.SlowSiteRate.PerHour * 2) } },
            "twoSiteSlowEc50" => p with { Structures = s with { SlowSiteEc50 = MolarConcentration.FromNanomolar(s.SlowSiteEc50.Nanomolar * 2) } },
            "bindingAssociationRate" => p with { Structures = s with { AssociationPerNanomolarHour = s.AssociationPerNanomolarHour * 2 } },
            "bindingDissociationRate" => p with { Structures = s with { Dissociation = RateConstant.FromPerHour(s.Dissociation.PerHour * 2) } },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a structure parameter."),
        };
    }
}
