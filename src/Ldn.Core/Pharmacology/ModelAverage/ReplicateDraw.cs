using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>One drawn parameter set: the structure it belongs to and its bootstrap replicate.</summary>
public readonly record struct DrawnReplicate(OccupancyScenario Structure, ModelParameters Parameters);

/// <summary>
/// A deterministic draw of bootstrap replicates across structures in proportion to their Akaike weights, so that the
/// pooled draw is a sample of the weighted mixture of the structures' parameter-uncertainty distributions. Counts are
/// the weights times the total, rounded by largest remainder (they sum to the total exactly); within a structure the
/// replicates are a seeded partial Fisher–Yates shuffle of its list. The draw happens once, before any parallel
/// work, so the band cannot depend on the thread count.
/// </summary>
public static class ReplicateDraw
{
    /// <summary>
    /// Draws <paramref name="total"/> replicates. Returns the drawn sets (structure order of <paramref name="weights"/>)
    /// and the weights with their replicate counts filled in.
    /// </summary>
    /// <exception cref="InvalidInputException">A weighted structure has no fit or fewer bootstrap replicates than its share.</exception>
    public static (IReadOnlyList<DrawnReplicate> Draw, IReadOnlyList<StructureWeight> Weights) Draw(
        IReadOnlyList<StructureWeight> weights, IReadOnlyList<StructureFit> fits, int total, int seed)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(fits);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, 2);
        var counts = Apportion(weights.Select(w => w.Weight).ToList(), total);
        var random = new Random(seed);
        var draw = new List<DrawnReplicate>(total);
        var filled = new List<StructureWeight>(weights.Count);
        for (var s = 0; s < weights.Count; s++)
        {
            var structure = weights[s].Structure;
            var replicates = fits.FirstOrDefault(f => f.Structure == structure)?.Replicates ?? [];
            if (replicates.Count < counts[s])
            {
                throw new InvalidInputException(
                    $"The fit of {structure.Name()} holds {replicates.Count} bootstrap replicates, fewer than the {counts[s]} its weight needs; refit it with 'ldn fit --structure {structure.Name()}'.");
            }

            var order = Enumerable.Range(0, replicates.Count).ToArray();
            for (var i = 0; i < counts[s]; i++)
            {
                var j = random.Next(i, order.Length);
                (order[i], order[j]) = (order[j], order[i]);
                draw.Add(new DrawnReplicate(structure, replicates[order[i]]));
            }

            filled.Add(weights[s] with { Replicates = counts[s] });
        }

        return (draw, filled);
    }

    /// <summary>Largest-remainder rounding of weight·total: non-negative counts summing to <paramref name="total"/>.</summary>
    public static int[] Apportion(IReadOnlyList<double> weights, int total)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var exact = weights.Select(w => w * total).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = total - counts.Sum();
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - counts[i]).ThenBy(i => i).Take(left))
        {
            counts[i]++;
        }

        return counts;
    }
}
