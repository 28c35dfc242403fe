namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// One adequate structure's share of the model average.
/// </summary>
/// <param name="Structure">The blockade structure.</param>
/// <param name="Aic">Its AIC from the shipped fit (data/fits/{structure}.yaml).</param>
/// <param name="DeltaAic">AIC minus the smallest AIC among the adequate structures (≥ 0).</param>
/// <param name="Weight">Akaike weight exp(−ΔAIC/2) normalised over the adequate structures (0–1, summing to 1).</param>
/// <param name="Replicates">How many of its bootstrap replicates the band draws (proportional to <paramref name="Weight"/>).</param>
public sealed record StructureWeight(OccupancyScenario Structure, double Aic, double DeltaAic, double Weight, int Replicates);
