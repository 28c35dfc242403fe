namespace Ldn.Core.Pharmacology;

/// <summary>
/// The receptor-blockade structures: hypotheses about how opioid-receptor blockade follows naltrexone in
/// plasma (docs/model.md §5). Only a PET time course at LDN doses could decide between them; none exists,
/// so the model reports them side by side. A and B are the original scenarios; the other three are the
/// competing structures of issue 12. Every structure is computed in every integration.
/// </summary>
public enum OccupancyScenario
{
    /// <summary>
    /// Blockade follows plasma directly: the brief daily block the source documents assume (a premise
    /// from rodent studies). Fits Rabiner 2011 but not the days-long human blockade of Lee 1988.
    /// </summary>
    A,

    /// <summary>
    /// One slow effect site (t½ ≈ 25 h) between plasma and receptors. It implies sustained partial blockade
    /// on daily LDN, but its one rate also slows the onset. The default.
    /// </summary>
    B,

    /// <summary>A slow pool fed from the absorbed dose, holding the receptors' drug and giving the slow terminal plasma phase.</summary>
    SlowPool,

    /// <summary>Two sites: a fraction of receptors in equilibrium with plasma, the rest behind a slow effect site.</summary>
    TwoSite,

    /// <summary>Slow binding with association and dissociation rate constants (kon/koff).</summary>
    SlowBinding,
}
