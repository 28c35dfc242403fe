using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>What <see cref="Simulator"/> returns: the regimen, the parameters and one result per scenario.</summary>
public sealed record SimulationResult(Regimen Regimen, ModelParameters Parameters, Duration OutputStep, IReadOnlyList<ScenarioResult> Scenarios);

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

    public int Count => TimeHours.Length;
}
