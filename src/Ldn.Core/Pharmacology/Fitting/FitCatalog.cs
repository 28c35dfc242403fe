namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>The structure fits shipped with the program (data/fits/). Placeholder until <c>ldn fit</c> lands: none yet.</summary>
public static class FitCatalog
{
    /// <summary>Every shipped fit, one per structure that has been fitted; empty until data/fits/ exists.</summary>
    public static IReadOnlyList<StructureFit> Shipped { get; } = [];
}
