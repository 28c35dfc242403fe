namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>One row of the AIC ranking of fitted structures.</summary>
/// <param name="Structure">Structure name.</param>
/// <param name="Aic">Its AIC.</param>
/// <param name="DeltaAic">AIC minus the smallest AIC.</param>
/// <param name="Weight">Akaike weight exp(−ΔAIC/2)/Σ among the structures ranked.</param>
/// <param name="Adequate">Whether the fit passes the adequacy test.</param>
public sealed record FitRanking(string Structure, double Aic, double DeltaAic, double Weight, bool Adequate)
{
    /// <summary>The structures ranked by AIC, smallest first.</summary>
    public static IReadOnlyList<FitRanking> Of(IReadOnlyList<FitReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var min = reports.Min(r => r.Fit.Aic);
        var total = reports.Sum(r => Math.Exp(-(r.Fit.Aic - min) / 2));
        return [.. reports.OrderBy(r => r.Fit.Aic).Select(r => new FitRanking(r.Fit.Structure.Name(), r.Fit.Aic, r.Fit.Aic - min, Math.Exp(-(r.Fit.Aic - min) / 2) / total, r.Fit.Adequate))];
    }
}
