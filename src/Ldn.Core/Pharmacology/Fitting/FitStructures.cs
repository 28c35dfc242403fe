using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// Which parameters each structure's fit estimates (docs/model.md, Fitting). Everything else is fixed at its
/// value in the parameter file: the plasma PK at the 50 mg label calibration (so the PK data test only the slow
/// pool, whose own terminal phase depends on its parameters), DOR/KOR multipliers (no human data), and the slow
/// pool's fraction f_s: blockade depends on f_s only through f_s/A50, and the one half-life point bounds f_s from
/// above only, so a free f_s ran to 0 with A50 (unidentifiable); it stays at 2%, "low" (Crabtree 1984).
/// </summary>
public static class FitStructures
{
    private static readonly double Infinity = double.PositiveInfinity;

    /// <summary>The model parameters estimated for <paramref name="structure"/>, in output order.</summary>
    public static IReadOnlyList<FreeParameter> Estimated(OccupancyScenario structure) => structure switch
    {
        OccupancyScenario.A => [Positive("directEc50", "nM", p => p.DirectEc50.Nanomolar, (p, v) => p with { DirectEc50 = MolarConcentration.FromNanomolar(v) })],
        OccupancyScenario.B =>
        [
            Positive("effectSiteLossRate", "1/h", p => p.EffectSiteLoss.PerHour, (p, v) => p with { EffectSiteLoss = RateConstant.FromPerHour(v) }),
            Positive("effectSiteEc50", "nM", p => p.EffectSiteEc50.Nanomolar, (p, v) => p with { EffectSiteEc50 = MolarConcentration.FromNanomolar(v) }),
        ],
        OccupancyScenario.SlowPool =>
        [
            Positive("slowPoolReleaseRate", "1/h", p => p.Structures.PoolRelease.PerHour, (p, v) => p with { Structures = p.Structures with { PoolRelease = RateConstant.FromPerHour(v) } }),
            Positive("slowPoolHalfBlockadeAmount", "mg", p => p.Structures.PoolHalfBlockadeMg, (p, v) => p with { Structures = p.Structures with { PoolHalfBlockadeMg = v } }),
        ],
        OccupancyScenario.TwoSite =>
        [
            Fraction("twoSiteDirectFraction", p => p.Structures.DirectFraction, (p, v) => p with { Structures = p.Structures with { DirectFraction = v } }),
            Positive("twoSiteDirectEc50", "nM", p => p.Structures.DirectSiteEc50.Nanomolar, (p, v) => p with { Structures = p.Structures with { DirectSiteEc50 = MolarConcentration.FromNanomolar(v) } }),
            Positive("twoSiteSlowRate", "1/h", p => p.Structures.SlowSiteRate.PerHour, (p, v) => p with { Structures = p.Structures with { SlowSiteRate = RateConstant.FromPerHour(v) } }),
            Positive("twoSiteSlowEc50", "nM", p => p.Structures.SlowSiteEc50.Nanomolar, (p, v) => p with { Structures = p.Structures with { SlowSiteEc50 = MolarConcentration.FromNanomolar(v) } }),
        ],
        _ =>
        [
            Positive("bindingAssociationRate", "1/(nM*h)", p => p.Structures.AssociationPerNanomolarHour, (p, v) => p with { Structures = p.Structures with { AssociationPerNanomolarHour = v } }),
            Positive("bindingDissociationRate", "1/h", p => p.Structures.Dissociation.PerHour, (p, v) => p with { Structures = p.Structures with { Dissociation = RateConstant.FromPerHour(v) } }),
        ],
    };

    private static FreeParameter Positive(string name, string unit, Func<ModelParameters, double> get, Func<ModelParameters, double, ModelParameters> set) =>
        new(name, unit, 0, Infinity, get, set);

    private static FreeParameter Fraction(string name, Func<ModelParameters, double> get, Func<ModelParameters, double, ModelParameters> set) =>
        new(name, "1", 0, 1, get, set);
}
