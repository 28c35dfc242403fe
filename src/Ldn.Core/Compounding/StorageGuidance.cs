namespace Ldn.Core.Compounding;

/// <summary>
/// What the project's research says about keeping compounded LDN. Only sourced statements belong here:
/// where there is no source, the text says so and defers to the pharmacist's label instead of inventing
/// a beyond-use date.
/// </summary>
public static class StorageGuidance
{
    /// <summary>The research documents give no stability study or beyond-use date for LDN liquid or drops.</summary>
    public const string Liquid =
        "No sourced beyond-use date is available for LDN liquid (the project's research found no stability study); the pharmacist's label governs.";

    /// <summary>pharmacology.md §2: Cote et al. 2018, Int J Pharm Compd 22:252 (evidence level IV).</summary>
    public const string Capsules =
        "LDN capsules in microcrystalline cellulose (Avicel) stayed within 90–110% of label for 360 days at room temperature, protected from light (Cote et al. 2018, Int J Pharm Compd 22:252); other fillers are unstudied, and the pharmacist's label governs.";
}
