using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology.Structures;

/// <summary>
/// Scenario A, blockade follows plasma directly (docs/model.md §3.3). No state:
/// <code>O = C_eq/(C_eq + m·EC50_A)</code>
/// with C_eq the free, potency-weighted plasma driver (nM) and m the receptor's EC50 multiplier (1 for MOR).
/// </summary>
internal readonly struct DirectBlockade(ModelParameters parameters)
{
    private readonly double _ec50 = parameters.DirectEc50.Nanomolar;

    public double Blockade(double driverNanomolar, double multiplier) => Occupancy.Saturation(driverNanomolar, _ec50 * multiplier);
}
