using Ldn.Core.Pharmacology.Fitting;

namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// Akaike weights of the adequate structure fits (Burnham &amp; Anderson 2002, §2.9): w_i = exp(−Δ_i/2) / Σ_j exp(−Δ_j/2)
/// with Δ_i = AIC_i − min AIC, over the fits whose <see cref="StructureFit.Adequate"/> flag is set. Inadequate fits get
/// no weight at all: a structure that misses the data is not a candidate, however its AIC compares.
/// </summary>
public static class AkaikeWeights
{
    /// <summary>
    /// The adequate fits with their weights, best AIC first; the replicate counts are 0 (see <see cref="ReplicateDraw"/>).
    /// </summary>
    /// <exception cref="InvalidInputException">No fit is adequate, in one sentence.</exception>
    public static IReadOnlyList<StructureWeight> Of(IReadOnlyList<StructureFit> fits)
    {
        ArgumentNullException.ThrowIfNull(fits);
        var adequate = fits.Where(f => f.Adequate && double.IsFinite(f.Aic)).OrderBy(f => f.Aic).ToList();
        if (adequate.Count == 0)
        {
            throw new InvalidInputException("No blockade structure passes its fit's goodness-of-fit test, so there is nothing to average; choose one with --structure.");
        }

        var best = adequate[0].Aic;
        var raw = adequate.Select(f => Math.Exp(-(f.Aic - best) / 2)).ToList();
        var total = raw.Sum();
        return [.. adequate.Select((f, i) => new StructureWeight(f.Structure, f.Aic, f.Aic - best, raw[i] / total, 0))];
    }
}
