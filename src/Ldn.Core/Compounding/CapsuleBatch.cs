using System.Globalization;

namespace Ldn.Core.Compounding;

/// <summary>
/// The arithmetic of a capsule batch made from whole tablets: crush enough tablets for
/// <see cref="Count"/> capsules of <see cref="DoseMg"/>, blend with filler, and fill. Tablets come whole,
/// so there is nearly always active left over: the pharmacist either uses only
/// <see cref="FractionOfBlendToUse"/> of the blend (discarding <see cref="ExcessActiveMg"/>) or scales
/// the batch up to <see cref="CapsulesFromWholeTablets"/> capsules.
/// </summary>
public sealed record CapsuleBatch
{
    // Private: every batch goes through Plan, so no property below can divide by zero or overflow.
    private CapsuleBatch(decimal doseMg, int count, decimal tabletMg, decimal tolerancePercent)
    {
        DoseMg = doseMg;
        Count = count;
        TabletMg = tabletMg;
        TolerancePercent = tolerancePercent;
    }

    /// <summary>
    /// ±10 %: the acceptance range each capsule must meet. This is the project's requirement (issue 4),
    /// and the range commonly used for compounded preparations (the USP assay limit of 90–110 % of label
    /// cited in the research notes; Cote et al. 2018 reported LDN capsules staying within 90–110 %). It is an
    /// assumption here, not a USP content-uniformity test (USP &lt;905&gt; is not in the research documents).
    /// </summary>
    public const decimal DefaultTolerancePercent = 10m;

    public decimal DoseMg { get; }

    public int Count { get; }

    public decimal TabletMg { get; }

    /// <summary>The acceptance range each capsule must meet, ± this percentage of the dose.</summary>
    public decimal TolerancePercent { get; }

    /// <summary>dose × count.</summary>
    public decimal TotalActiveMg => DoseMg * Count;

    /// <summary>ceiling(total / tablet): tablets are used whole.</summary>
    public int TabletsNeeded => (int)Math.Ceiling(TotalActiveMg / TabletMg);

    /// <summary>The active in the whole tablets crushed.</summary>
    public decimal WholeTabletsMg => TabletsNeeded * TabletMg;

    /// <summary>Active crushed but not needed for <see cref="Count"/> capsules.</summary>
    public decimal ExcessActiveMg => WholeTabletsMg - TotalActiveMg;

    /// <summary>total / whole tablets: the share of the blend that holds exactly the active for <see cref="Count"/> capsules.</summary>
    public decimal FractionOfBlendToUse => TotalActiveMg / WholeTabletsMg;

    /// <summary>floor(whole tablets / dose): how many capsules the whole tablets would make instead.</summary>
    public int CapsulesFromWholeTablets => (int)Math.Floor(WholeTabletsMg / DoseMg);

    /// <summary>Each capsule's labelled amount: the dose.</summary>
    public decimal PerCapsuleMg => DoseMg;

    public decimal PerCapsuleMinMg => DoseMg * (100m - TolerancePercent) / 100m;

    public decimal PerCapsuleMaxMg => DoseMg * (100m + TolerancePercent) / 100m;

    /// <summary>Plans a batch, checking the inputs; the tolerance defaults to <see cref="DefaultTolerancePercent"/>.</summary>
    /// <exception cref="InvalidInputException">A figure is not positive, or the count is beyond the limit.</exception>
    public static CapsuleBatch Plan(decimal doseMg, int count, decimal tabletMg, decimal tolerancePercent = DefaultTolerancePercent)
    {
        // The lower limits keep tablets-needed and capsule counts far inside int and decimal.
        if (doseMg < CompoundingLimits.SmallestDoseMg || doseMg > CompoundingLimits.LargestDoseMg)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"The dose per capsule must be from {CompoundingLimits.SmallestDoseMg} mg to {CompoundingLimits.LargestDoseMg} mg."));
        }

        if (tabletMg < CompoundingLimits.SmallestDoseMg || tabletMg > CompoundingLimits.LargestSourceMg)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"The tablet strength must be from {CompoundingLimits.SmallestDoseMg} mg to {CompoundingLimits.LargestSourceMg} mg."));
        }

        if (count < 1 || count > CompoundingLimits.LargestCapsuleCount)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"The number of capsules must be a whole number from 1 to {CompoundingLimits.LargestCapsuleCount}."));
        }

        if (tolerancePercent is < 0m or >= 100m)
        {
            throw new InvalidInputException("The capsule tolerance must be at least 0 % and below 100 %.");
        }

        return new CapsuleBatch(doseMg, count, tabletMg, tolerancePercent);
    }
}
