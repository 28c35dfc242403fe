using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology.Structures;

/// <summary>
/// Two sites (docs/model.md §5c.2): a fraction φ of the receptors is in equilibrium with plasma, the rest
/// sits behind a slow effect site C_s (plasma-equivalent nM). The direct fraction gives the fast onset
/// the PET data show within hours, the slow site the days-long tail of Lee 1988:
/// <code>
/// dC_s/dt = k_s·(C_eq − C_s)
/// O       = φ·C_eq/(C_eq + m·EC50_d) + (1 − φ)·C_s/(C_s + m·EC50_s)
/// </code>
/// </summary>
internal readonly struct TwoSiteBlockade(ModelParameters parameters, int state)
{
    private readonly double _fraction = parameters.Structures.DirectFraction;
    private readonly double _directEc50 = parameters.Structures.DirectSiteEc50.Nanomolar;
    private readonly double _rate = parameters.Structures.SlowSiteRate.PerHour;
    private readonly double _slowEc50 = parameters.Structures.SlowSiteEc50.Nanomolar;

    public void Derivatives(double driverNanomolar, ReadOnlySpan<double> y, Span<double> dydt) =>
        dydt[state] = _rate * (driverNanomolar - y[state]);

    public double Blockade(double driverNanomolar, ReadOnlySpan<double> y, double multiplier) =>
        (_fraction * Occupancy.Saturation(driverNanomolar, _directEc50 * multiplier))
        + ((1 - _fraction) * Occupancy.Saturation(y[state], _slowEc50 * multiplier));
}
