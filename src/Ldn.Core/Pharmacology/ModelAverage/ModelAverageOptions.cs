namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>How the band is drawn.</summary>
/// <param name="Replicates">
/// Parameter sets drawn across the adequate structures (default 200). The 2.5% quantile of n draws has a Monte Carlo
/// standard error of √(0.025·0.975/n) in probability: 0.011 at 200, so the band's ends sit between roughly the 1.4% and
/// 3.6% true quantiles (±1 SE) — well inside the 0.1-point display of a blockade percentage for these smooth curves —
/// at about a fifth of the cost of all 1,000 shipped replicates.
/// </param>
/// <param name="Seed">Seed of the draw (<see cref="ReplicateDraw"/>); 12 as in the shipped fits.</param>
/// <param name="Threads">Threads for the replicate runs (≤ 0: all cores); results do not depend on it.</param>
public sealed record ModelAverageOptions(int Replicates = 200, int Seed = 12, int Threads = 0);
