using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology.Parameters;

/// <summary>
/// Parameters of the three competing blockade structures of issue 12 (docs/model.md §5c). The shipped values are
/// `ldn fit` estimates (status <c>fitted</c>, docs/model.md §5d), except the slow pool's fraction, which is fixed.
/// </summary>
/// <param name="PoolFraction">Slow pool: fraction (0–1] of the absorbed parent dose that enters the pool.</param>
/// <param name="PoolRelease">Slow pool: first-order release rate from the pool back to plasma (the terminal phase).</param>
/// <param name="PoolHalfBlockadeMg">Slow pool: pool amount (mg, labelled-dose equivalents) at which MOR blockade is half.</param>
/// <param name="DirectFraction">Two sites: fraction (0–1) of receptors in equilibrium with plasma.</param>
/// <param name="DirectSiteEc50">Two sites: free plasma EC50 of the receptors in equilibrium with plasma.</param>
/// <param name="SlowSiteRate">Two sites: equilibration rate of the slow effect site.</param>
/// <param name="SlowSiteEc50">Two sites: plasma-equivalent free EC50 of the receptors behind the slow site.</param>
/// <param name="AssociationPerNanomolarHour">Slow binding: kon, per nM of free driver per hour.</param>
/// <param name="Dissociation">Slow binding: koff.</param>
public sealed record StructureParameters(
    double PoolFraction,
    RateConstant PoolRelease,
    double PoolHalfBlockadeMg,
    double DirectFraction,
    MolarConcentration DirectSiteEc50,
    RateConstant SlowSiteRate,
    MolarConcentration SlowSiteEc50,
    double AssociationPerNanomolarHour,
    RateConstant Dissociation)
{
    /// <summary>Slow binding: Kd = koff/kon in nM (free), to compare with the in-vitro Ki (0.11–1.1 nM, pharmacology.md §3.3).</summary>
    public double BindingKdNanomolar => Dissociation.PerHour / AssociationPerNanomolarHour;
}
