using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// One parameter a fit estimates, with the scale it is estimated on: log for positive values, logit for
/// fractions, a logit between bounds for a nuisance time. Estimating on these scales keeps every trial value
/// in range without constraints, and makes profile steps relative.
/// </summary>
/// <param name="Name">The key in the parameter file, or the nuisance name (e.g. <c>rabinerScanTime</c>).</param>
/// <param name="Unit">Unit of the natural-scale value, as in the parameter file.</param>
/// <param name="Low">Lower bound on the natural scale (0 for log and logit).</param>
/// <param name="High">Upper bound on the natural scale (∞ for log, 1 for logit).</param>
/// <param name="Get">Reads the value from a parameter set; null for a nuisance time.</param>
/// <param name="Set">Writes the value into a parameter set; null for a nuisance time.</param>
public sealed record FreeParameter(
    string Name,
    string Unit,
    double Low,
    double High,
    Func<ModelParameters, double>? Get,
    Func<ModelParameters, double, ModelParameters>? Set)
{
    /// <summary>True for a nuisance time (not part of the model's parameters).</summary>
    public bool IsNuisance => Set is null;

    /// <summary>Natural value → estimation scale.</summary>
    public double ToScale(double value) => double.IsPositiveInfinity(High)
        ? Math.Log(value)
        : Math.Log((value - Low) / (High - value));

    /// <summary>Estimation scale → natural value.</summary>
    public double FromScale(double u) => double.IsPositiveInfinity(High)
        ? Math.Exp(u)
        : Low + ((High - Low) / (1 + Math.Exp(-u)));
}
