using System.Globalization;

namespace Ldn.Core.Compounding;

/// <summary>
/// An oral syringe: how much it holds and the spacing of its printed marks. A dose volume can only be
/// read to the nearest mark, which is where the rounding in <see cref="LiquidDosing"/> comes from.
/// </summary>
public sealed record Syringe(decimal CapacityMl, decimal GraduationMl)
{
    /// <summary>
    /// Typical manufacturer graduations of oral syringes. ASSUMED: no source in the project's research
    /// documents gives them, and brands differ (some 3 mL syringes are marked every 0.05 mL, some 5 mL
    /// every 0.1 mL, some 10 mL every 0.2 mL). Where two spacings are common the coarser is listed, so
    /// the rounding error is not understated; the CLI's <c>--graduation</c> overrides this table.
    /// </summary>
    private static readonly (decimal CapacityMl, decimal GraduationMl)[] TypicalGraduations =
    [
        (0.5m, 0.01m),
        (1m, 0.01m),
        (3m, 0.1m),
        (5m, 0.2m),
        (10m, 0.5m),
    ];

    /// <summary>A 1 mL oral syringe marked every 0.01 mL: the finest common one, and the usual choice for LDN liquid.</summary>
    public static Syringe Default { get; } = new(1m, 0.01m);

    /// <summary>The capacities that have a typical graduation in the table.</summary>
    public static IReadOnlyList<decimal> KnownCapacitiesMl { get; } = [.. TypicalGraduations.Select(t => t.CapacityMl)];

    /// <summary>The syringe of the given capacity with its typical (assumed) graduation.</summary>
    public static Syringe ForCapacity(decimal capacityMl)
    {
        foreach (var (capacity, graduation) in TypicalGraduations)
        {
            if (capacity == capacityMl)
            {
                return new Syringe(capacity, graduation);
            }
        }

        throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
            $"No typical graduation is known for a {capacityMl.Normalize()} mL syringe (known: {string.Join(", ", KnownCapacitiesMl.Select(c => c.Normalize().ToString(CultureInfo.InvariantCulture)))} mL); give its graduation, e.g. --graduation 0.1mL."));
    }

    /// <summary>
    /// Throws unless the syringe can be used: both figures positive, and the capacity a whole number of
    /// marks, because a full syringe is itself a reading (and multi-draw doses rely on it).
    /// </summary>
    public Syringe Validated()
    {
        if (CapacityMl <= 0m || GraduationMl <= 0m)
        {
            throw new InvalidInputException("A syringe's capacity and graduation must both be greater than zero.");
        }

        if (CapacityMl > CompoundingLimits.LargestSyringeMl)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"A {CapacityMl.Normalize()} mL syringe is larger than the largest this tool accepts ({CompoundingLimits.LargestSyringeMl} mL)."));
        }

        if (GraduationMl > CapacityMl || CapacityMl % GraduationMl != 0m)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"A {CapacityMl.Normalize()} mL syringe cannot be marked every {GraduationMl.Normalize()} mL: the capacity must be a whole number of graduations."));
        }

        return this;
    }
}
