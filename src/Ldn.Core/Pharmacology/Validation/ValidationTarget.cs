namespace Ldn.Core.Pharmacology.Validation;

/// <summary>
/// A published human measurement the model is checked against, with the tolerance we accept and why.
/// </summary>
/// <param name="Id">Short stable identifier, e.g. <c>pk-50mg-parent-cmax</c>.</param>
/// <param name="Quantity">What is compared, in words.</param>
/// <param name="Scenario">The blockade structure, or null for PK shared by every structure except the slow pool
/// (whose own plasma PK has its rows with <see cref="OccupancyScenario.SlowPool"/>).</param>
/// <param name="Published">The published value.</param>
/// <param name="Unit">Unit of <paramref name="Published"/> and of the tolerance.</param>
/// <param name="Tolerance">Largest accepted |simulated − published|.</param>
/// <param name="Source">Citation.</param>
/// <param name="Justification">Why this tolerance.</param>
/// <param name="Calibrated">True when a parameter was fitted to this very value, so agreement checks
/// the implementation rather than the model.</param>
/// <param name="ExpectedToFit">False for a comparison the model is documented to fail (scenario A
/// against the days-long human blockade): it is reported, and a test checks that it still fails.</param>
/// <param name="Dataset">The dataset the target belongs to (<see cref="ValidationDatasets"/>).</param>
/// <param name="AtLeast">True for a one-sided target: the simulated value must be at least
/// <paramref name="Published"/> (the tolerance is then 0).</param>
public sealed record ValidationTarget(
    string Id,
    string Quantity,
    OccupancyScenario? Scenario,
    double Published,
    string Unit,
    double Tolerance,
    string Source,
    string Justification,
    bool Calibrated,
    bool ExpectedToFit = true,
    string Dataset = ValidationDatasets.Pk50,
    bool AtLeast = false);

/// <summary>One comparison: the target and what the model gave.</summary>
public sealed record ValidationOutcome(ValidationTarget Target, double Simulated)
{
    public double Difference => Simulated - Target.Published;

    public bool WithinTolerance => Target.AtLeast ? Simulated >= Target.Published : Math.Abs(Difference) <= Target.Tolerance;

    /// <summary>
    /// How far outside its tolerance the value lies, in tolerances (|difference|/tolerance; ≤ 1 passes). For a
    /// one-sided target, the shortfall in percentage points, as there is no tolerance to divide by.
    /// </summary>
    public double Miss => Target.AtLeast ? Math.Max(0, -Difference) : Math.Abs(Difference) / Target.Tolerance;

    /// <summary>True when the outcome is what the documentation says it is.</summary>
    public bool AsDocumented => WithinTolerance == Target.ExpectedToFit;
}
