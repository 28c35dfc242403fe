namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>How hard <see cref="StructureFitter"/> works.</summary>
/// <param name="MaxIterations">Nelder–Mead iterations per optimisation; non-convergence of every start is an error.</param>
/// <param name="Replicates">Parametric bootstrap replicates (0 = none).</param>
/// <param name="Seed">Base seed: replicate r uses seed + r, so results do not depend on the thread count.</param>
/// <param name="Threads">Threads for the bootstrap (≤ 0: all cores).</param>
/// <param name="Profile">Whether to compute the profile-likelihood intervals (the slow part of a fit without bootstrap).</param>
public sealed record FitOptions(int MaxIterations = 4000, int Replicates = 500, int Seed = 12, int Threads = 0, bool Profile = true);
