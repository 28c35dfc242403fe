using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology.Structures;

/// <summary>
/// Scenario B, one slow effect site (docs/model.md §3.4), C_e in plasma-equivalent nM:
/// <code>
/// dC_e/dt = k_e0·(C_eq − C_e)
/// O       = C_e/(C_e + m·EC50_B)
/// </code>
/// One linear compartment has one time constant, so k_e0 sets both the rise and the fall of blockade. The
/// earlier form dC_e/dt = k_in·C_eq − k_out·C_e with K = (k_in/k_out)·EC50_B is this one with C_e scaled by
/// k_in/k_out: k_in cancelled out of every output, which is why it was removed (issue 12, item 1).
/// </summary>
internal readonly struct EffectSiteBlockade(ModelParameters parameters, int state)
{
    private readonly double _rate = parameters.EffectSiteLoss.PerHour;
    private readonly double _ec50 = parameters.EffectSiteEc50.Nanomolar;

    public void Derivatives(double driverNanomolar, ReadOnlySpan<double> y, Span<double> dydt) =>
        dydt[state] = _rate * (driverNanomolar - y[state]);

    public double Blockade(ReadOnlySpan<double> y, double multiplier) => Occupancy.Saturation(y[state], _ec50 * multiplier);
}
