namespace Ldn.Core.Compounding;

/// <summary>
/// Plausibility limits for compounding inputs. They are not safety limits (those belong to the protocol
/// rules): they catch typos such as a 1e30 mg tablet or a 100 L bottle before any arithmetic is done,
/// and they keep every product and quotient far inside the range of <see cref="decimal"/>.
/// </summary>
public static class CompoundingLimits
{
    /// <summary>10 µg: the simulator's smallest dose (a tenth of the smallest paediatric LDN dose, 0.1 mg).</summary>
    public const decimal SmallestDoseMg = 0.01m;

    /// <summary>300 mg: the simulator's largest dose (the largest daily oral naltrexone dose studied).</summary>
    public const decimal LargestDoseMg = 300m;

    /// <summary>
    /// 1 g of active: naltrexone tablets are 25, 50 or 100 mg; 1 g still covers a weighed amount of bulk
    /// powder for a large batch.
    /// </summary>
    public const decimal LargestSourceMg = 1000m;

    /// <summary>5 L: far more than any dispensed bottle of LDN liquid; a 100 L "batch" is a typo.</summary>
    public const decimal LargestBatchMl = 5000m;

    /// <summary>1 µL: below this no syringe, dropper or balance in a pharmacy can measure.</summary>
    public const decimal SmallestVolumeMl = 0.001m;

    /// <summary>60 mL: the largest common oral/enteral syringe.</summary>
    public const decimal LargestSyringeMl = 60m;

    /// <summary>1 mL: no dropper delivers drops larger than this; typical drops are about 0.05 mL.</summary>
    public const decimal LargestDropMl = 1m;

    /// <summary>1 µg/mL: more dilute than this the dose volume of any LDN dose is impractically large.</summary>
    public const decimal SmallestConcentrationMgPerMl = 0.001m;

    /// <summary>
    /// 100 mg/mL: around the aqueous solubility of naltrexone hydrochloride; LDN liquids are about
    /// 0.5–5 mg/mL, so a larger figure is a typo.
    /// </summary>
    public const decimal LargestConcentrationMgPerMl = 100m;

    /// <summary>10,000 capsules: a large pharmacy batch; more is a typo.</summary>
    public const int LargestCapsuleCount = 10_000;

    /// <summary>The largest rounding error a measured dose may carry (±5 %), per the project's issue 4.</summary>
    public const decimal LargestRoundingErrorPercent = 5m;

    /// <summary>More fills of the syringe than this for one dose is a wrong syringe or a wrong liquid.</summary>
    public const int LargestDraws = 100;

    /// <summary>More drops than this per dose cannot be counted reliably; use a syringe instead.</summary>
    public const int LargestDropsPerDose = 100;
}
