using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Streaming;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>What <see cref="Simulator"/> returns: the regimen, the parameters and one result per scenario.</summary>
public sealed record SimulationResult(Regimen Regimen, ModelParameters Parameters, Duration OutputStep, IReadOnlyList<ScenarioResult> Scenarios)
{
    /// <summary>The condition whose immune parameters and instrument were used.</summary>
    public ConditionParameters Condition { get; init; } = ConditionCatalog.Generic.Parameters;

    /// <summary>Whether the TLR4 term was switched on.</summary>
    public bool Tlr4 { get; init; }

    /// <summary>MOR blockade averaged over the adequate structures with its 95% band; null when not computed (see <see cref="AverageNote"/>).</summary>
    public ModelAverage.ModelAverageResult? Average { get; init; }

    /// <summary>Why there is no average (e.g. user parameters with no fits), in one sentence; null when there is one or none was asked for.</summary>
    public string? AverageNote { get; init; }
}

public sealed record ScenarioResult(OccupancyScenario Scenario, ExposureSummary Summary, SimulationSeries Series);

/// <summary>
/// Summary values over the summary window (the last dosing interval, or the whole horizon for a single
/// dose). Times are hours after the start of the window; blockade values are fractions 0–1.
/// </summary>
public sealed record ExposureSummary
{
    public required Duration WindowStart { get; init; }

    public required Duration WindowEnd { get; init; }

    public required MassConcentration ParentCmax { get; init; }

    public required Duration ParentTmax { get; init; }

    /// <summary>AUC over the window; for a single dose, extrapolated to infinity.</summary>
    public required Exposure ParentAuc { get; init; }

    public required bool ParentAucToInfinity { get; init; }

    public required MassConcentration MetaboliteCmax { get; init; }

    public required Duration MetaboliteTmax { get; init; }

    public required double MorPeak { get; init; }

    public required double MorTrough { get; init; }

    /// <summary>Time-weighted mean MOR blockade over the window.</summary>
    public required double MorMean { get; init; }

    public required Duration MorAbove25Percent { get; init; }

    public required Duration MorAbove50Percent { get; init; }

    /// <summary>Hours per day with net opioid signalling S above its baseline of 1 (over the window).</summary>
    public required double SignallingOvershootHoursPerDay { get; init; }

    /// <summary>Mean S over the last 23:00–07:00 night of the horizon; null if the horizon holds no full night.</summary>
    public required double? NocturnalSignalling { get; init; }

    /// <summary>(I(12 weeks) − I(0)) / I(0); null if the horizon is shorter than 12 weeks.</summary>
    public required double? InflammationChangeWeek12 { get; init; }
}

/// <summary>
/// Time courses on the output grid as parallel arrays (one allocation per quantity, not per row).
/// Concentrations are total plasma ng/mL; blockade is the fraction of receptors occupied, 0–1.
/// </summary>
public sealed class SimulationSeries
{
    public required double[] TimeHours { get; init; }

    public required double[] ParentNgPerMl { get; init; }

    public required double[] MetaboliteNgPerMl { get; init; }

    public required double[] Mor { get; init; }

    public required double[] Dor { get; init; }

    public required double[] Kor { get; init; }

    /// <summary>Net opioid signalling S = P·U·(1 − O), 1 at baseline.</summary>
    public required double[] OpioidSignalling { get; init; }

    /// <summary>Receptor/OGFr density U, 1 at baseline.</summary>
    public required double[] ReceptorDensity { get; init; }

    /// <summary>Opioid-peptide synthesis capacity P, 1 at baseline.</summary>
    public required double[] Synthesis { get; init; }

    /// <summary>Inflammation index I, 1 at baseline.</summary>
    public required double[] Inflammation { get; init; }

    /// <summary>Clinical score on the condition's instrument (includes the mean placebo response).</summary>
    public required double[] ClinicalScore { get; init; }

    public int Count => TimeHours.Length;

    /// <summary>No points: the series of a result whose series is streamed (<see cref="SeriesReplay"/>), not kept.</summary>
    public static SimulationSeries Empty { get; } = new()
    {
        TimeHours = [], ParentNgPerMl = [], MetaboliteNgPerMl = [], Mor = [], Dor = [], Kor = [],
        OpioidSignalling = [], ReceptorDensity = [], Synthesis = [], Inflammation = [], ClinicalScore = [],
    };

    /// <summary>Point <paramref name="row"/> as one value.</summary>
    public SeriesPoint this[int row] => new(
        TimeHours[row], ParentNgPerMl[row], MetaboliteNgPerMl[row], Mor[row], Dor[row], Kor[row],
        OpioidSignalling[row], ReceptorDensity[row], Synthesis[row], Inflammation[row], ClinicalScore[row]);

    internal void Set(int row, in SeriesPoint point)
    {
        ParentNgPerMl[row] = point.ParentNgPerMl;
        MetaboliteNgPerMl[row] = point.MetaboliteNgPerMl;
        Mor[row] = point.Mor;
        Dor[row] = point.Dor;
        Kor[row] = point.Kor;
        OpioidSignalling[row] = point.OpioidSignalling;
        ReceptorDensity[row] = point.ReceptorDensity;
        Synthesis[row] = point.Synthesis;
        Inflammation[row] = point.Inflammation;
        ClinicalScore[row] = point.ClinicalScore;
    }
}
