namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// The result of fitting one blockade structure to the human data (<c>ldn fit</c>, issue 12), as shipped in
/// data/fits/ and as produced by the fitter: what other commands need to average structures by AIC and to
/// draw a band from parameter uncertainty.
/// </summary>
/// <param name="Structure">The structure fitted.</param>
/// <param name="Minus2LogLikelihood">−2 log-likelihood at the estimate.</param>
/// <param name="Aic">Akaike information criterion, −2LL + 2k (k = estimated parameters, nuisance included).</param>
/// <param name="Adequate">Whether the fit passes <paramref name="AdequacyTest"/>: only adequate structures enter the AIC-weighted average.</param>
/// <param name="AdequacyTest">The goodness-of-fit test applied, in one sentence (what it compares and its threshold).</param>
/// <param name="Parameters">Each estimated parameter with its profile interval.</param>
/// <param name="Estimate">The full model parameter set at the estimate (status <c>fitted</c>).</param>
/// <param name="Replicates">Parameter sets of the parametric bootstrap (≥ 500 when fitted; may be empty), for uncertainty bands.</param>
public sealed record StructureFit(
    OccupancyScenario Structure,
    double Minus2LogLikelihood,
    double Aic,
    bool Adequate,
    string AdequacyTest,
    IReadOnlyList<FittedParameter> Parameters,
    Parameters.ModelParameters Estimate,
    IReadOnlyList<Parameters.ModelParameters> Replicates);
