namespace Ldn.Core.Pharmacology.Observations;

/// <summary>One published data point a structure is fitted to.</summary>
/// <param name="TimeHours">Hours after the single oral dose (for a half-life, the start of the fitting window).</param>
/// <param name="UntilHours">End of a half-life's fitting window (h); 0 for other kinds.</param>
/// <param name="DoseMg">Single oral tablet dose, mg of naltrexone hydrochloride.</param>
/// <param name="Value">The published value in <paramref name="Unit"/>.</param>
/// <param name="Unit">% for occupancy, "% of 1 h" for Lee's ratios, h for a half-life.</param>
/// <param name="Sd">The standard deviation the likelihood gives this point (the file's <c>sd</c>: an SD, an SEM or a stated weight).</param>
/// <param name="Note">What the point is, if the file says.</param>
public sealed record Observation(double TimeHours, double UntilHours, double DoseMg, double Value, string Unit, double Sd, string? Note);
