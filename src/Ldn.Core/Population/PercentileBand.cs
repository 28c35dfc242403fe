namespace Ldn.Core.Population;

/// <summary>The 5th, 50th and 95th percentile of one quantity across a population at one time.</summary>
public readonly record struct PercentileBand(double P5, double P50, double P95);
