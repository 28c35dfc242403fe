using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology.Parameters;

/// <summary>
/// How one formulation enters the body: first-order absorption from the gut depot, and the
/// bioavailability of parent and metabolite relative to the reference tablet.
/// </summary>
public sealed record FormulationParameters(RateConstant AbsorptionRate, double ParentRelativeBioavailability, double MetaboliteRelativeBioavailability);
