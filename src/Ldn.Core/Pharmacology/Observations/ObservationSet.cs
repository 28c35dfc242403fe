namespace Ldn.Core.Pharmacology.Observations;

/// <summary>
/// One dataset of data/observations/ (schema <c>ldn-observations/1</c>): points of one kind from one source.
/// </summary>
/// <param name="Source">Short name shown in outputs and in the fit's <c>data</c> list, e.g. "Rabiner 2011".</param>
/// <param name="Citation">The full citation.</param>
/// <param name="Kind">What every point measures.</param>
/// <param name="Points">The points, at least one.</param>
/// <param name="ReferenceHours">For <see cref="ObservationKind.MorOccupancyRatio"/>: the time (h) the ratios are relative to.</param>
/// <param name="ScanTime">When the points' times are unknown within bounds: the one nuisance time they share.</param>
public sealed record ObservationSet(
    string Source,
    string Citation,
    ObservationKind Kind,
    IReadOnlyList<Observation> Points,
    double ReferenceHours = 0,
    NuisanceTime? ScanTime = null);

/// <summary>A time shared by a dataset's points and only known to lie in [<paramref name="LowHours"/>, <paramref name="HighHours"/>]; estimated with the fit.</summary>
/// <param name="Name">The nuisance parameter's name in fit outputs (e.g. <c>rabinerScanTime</c>).</param>
/// <param name="LowHours">Lower bound, h (above 0).</param>
/// <param name="HighHours">Upper bound, h.</param>
public sealed record NuisanceTime(string Name, double LowHours, double HighHours);
