namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>A value with a 95% interval (e.g. a bootstrap 2.5–97.5 percentile interval).</summary>
/// <param name="Estimate">The value at the maximum-likelihood estimate.</param>
/// <param name="Low">2.5th percentile.</param>
/// <param name="High">97.5th percentile.</param>
public sealed record FitInterval(double Estimate, double Low, double High);
