using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// One cell of the what-if sensitivity table: for one structure and one synthesis gain α_P, the modelled
/// week-12 inflammation change (relative, −0.1 = 10% less) at the reference dose, and which of the swept
/// doses gives the largest modelled reduction (null when none reaches <see cref="DoseResponse.ZeroBenefit"/>).
/// </summary>
public sealed record DoseSensitivityCell(
    OccupancyScenario Structure,
    double SynthesisUpregulation,
    double ChangeAtReference,
    Mass? LargestReductionDose,
    double? LargestReductionChange);
