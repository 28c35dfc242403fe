namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>One data point at the estimate.</summary>
/// <param name="Source">The dataset's source (e.g. "Rabiner 2011").</param>
/// <param name="TimeHours">Time after the dose (h); for Rabiner the estimated scan time.</param>
/// <param name="DoseMg">Single dose (mg).</param>
/// <param name="Observed">Published value, in <paramref name="Unit"/>.</param>
/// <param name="Predicted">The structure's value at the estimate.</param>
/// <param name="WeightedResidual">(observed − predicted)/sd.</param>
/// <param name="Unit">Unit of the two values.</param>
public sealed record FitResidual(string Source, double TimeHours, double DoseMg, double Observed, double Predicted, double WeightedResidual, string Unit);
