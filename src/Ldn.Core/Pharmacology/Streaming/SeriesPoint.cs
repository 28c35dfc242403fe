namespace Ldn.Core.Pharmacology.Streaming;

/// <summary>
/// One time point of a simulation series, as <see cref="SimulationSeries"/> holds it column-wise: time (hours from
/// the first dose), total plasma parent and 6β-naltrexol (ng/mL), MOR/DOR/KOR blockade (0–1), signalling S, receptor
/// density U, synthesis P, inflammation I (1 at baseline) and the clinical score (the condition's unit).
/// <see cref="MorLow"/> and <see cref="MorHigh"/> are the 95% band (0–1), only on the model average.
/// </summary>
public readonly record struct SeriesPoint(
    double TimeHours,
    double ParentNgPerMl,
    double MetaboliteNgPerMl,
    double Mor,
    double Dor,
    double Kor,
    double OpioidSignalling,
    double ReceptorDensity,
    double Synthesis,
    double Inflammation,
    double ClinicalScore)
{
    public double? MorLow { get; init; }

    public double? MorHigh { get; init; }
}
