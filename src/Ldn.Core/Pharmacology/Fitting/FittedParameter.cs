namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// One estimated parameter of a structure fit (<c>ldn fit</c>, issue 12): its maximum-likelihood estimate
/// and profile-likelihood 95% interval in <paramref name="Unit"/>, and whether the data determine it
/// (a finite profile interval on both sides).
/// </summary>
/// <param name="Name">The parameter's key in data/parameters/naltrexone.yaml (e.g. <c>twoSiteDirectFraction</c>) or a nuisance name (<c>rabinerScanTime</c>).</param>
/// <param name="Estimate">Maximum-likelihood estimate.</param>
/// <param name="Unit">Unit of the three numbers, as written in the parameter file (e.g. <c>1/h</c>, <c>nM</c>, <c>1</c>).</param>
/// <param name="Low">Lower end of the profile-likelihood 95% interval (χ²₁ 3.84 drop); −∞ when the profile never rises that far.</param>
/// <param name="High">Upper end, +∞ likewise.</param>
/// <param name="Identifiable">Both ends finite.</param>
public sealed record FittedParameter(string Name, double Estimate, string Unit, double Low, double High, bool Identifiable);
