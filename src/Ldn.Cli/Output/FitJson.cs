using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;

namespace Ldn.Cli.Output;

/// <summary>
/// <c>ldn fit --json</c>. One structure: issue 12's contract object <c>{ structure, data, minus2LogLikelihood, aic,
/// parameters, residuals }</c> plus added fields. Several: <c>{ fits: [ that object… ], ranking: [ { structure, aic,
/// deltaAic, akaikeWeight, adequate } ], notice }</c>, ranked by AIC. An unbounded interval end is null.
/// </summary>
internal static class FitJson
{
    public static object Document(IReadOnlyList<FitReport> reports)
    {
        if (reports.Count == 1)
        {
            return One(reports[0]);
        }

        return new { fits = reports.Select(One), ranking = FitRanking.Of(reports).Select(r => new { structure = r.Structure, aic = r.Aic, deltaAic = r.DeltaAic, akaikeWeight = r.Weight, adequate = r.Adequate }), notice = LdnApp.Notice };
    }

    private static object One(FitReport r) => new
    {
        structure = r.Fit.Structure.Name(),
        data = r.Data.Select(d => new { source = d.Source, n = d.N }),
        minus2LogLikelihood = r.Fit.Minus2LogLikelihood,
        aic = r.Fit.Aic,
        parameters = r.Fit.Parameters.Select((p, i) => new
        {
            name = p.Name,
            estimate = p.Estimate,
            unit = p.Unit,
            low = Finite(p.Low),
            high = Finite(p.High),
            identifiable = p.Identifiable,
            bootstrapLow = Finite(r.Bootstrap[i].Low),
            bootstrapHigh = Finite(r.Bootstrap[i].High),
        }),
        residuals = r.Residuals.Select(x => new { source = x.Source, observed = x.Observed, predicted = x.Predicted, weightedResidual = x.WeightedResidual, timeHours = x.TimeHours, doseMg = x.DoseMg, unit = x.Unit }),
        adequate = r.Fit.Adequate,
        adequacyTest = r.Fit.AdequacyTest,
        chiSquare = r.ChiSquare,
        chiSquareLimit = r.ChiSquareLimit,
        allIdentifiable = r.Fit.Parameters.All(p => p.Identifiable),
        oneHourBlockade50mg = r.OneHourBlockade,
        trough45 = new { estimate = r.Trough45.Estimate, low = Finite(r.Trough45.Low), high = Finite(r.Trough45.High), unit = "%", restsOn = r.Data.Select(d => d.Source) },
        bootstrapReplicates = r.BootstrapReplicates,
        bootstrapRequested = r.BootstrapRequested,
    };

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
