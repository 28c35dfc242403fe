namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// The 95% band of MOR blockade (fractions 0–1) from parameter uncertainty: per output point the 2.5% and 97.5%
/// quantiles over the drawn replicates (<see cref="Low"/>, <see cref="High"/>, parallel to the series' times), and
/// the quantiles of each replicate's summary-window values. The model average's point values are the medians of the
/// same samples, so each lies inside its band.
/// </summary>
public sealed record MorBand(double[] Low, double[] High, BandQuantiles Peak, BandQuantiles Trough, BandQuantiles Mean, BandQuantiles HoursAbove25, BandQuantiles HoursAbove50);
