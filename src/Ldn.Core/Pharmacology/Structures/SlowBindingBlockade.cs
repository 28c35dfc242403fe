using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology.Structures;

/// <summary>
/// Slow binding (docs/model.md §5c.3): the bound fraction B of each receptor type follows mass action with
/// the free plasma driver, so onset (kon·C_eq + koff) is fast at high concentration and offset (koff) slow:
/// <code>
/// dB_r/dt = kon·C_eq·(1 − B_r) − m_r·koff·B_r          r = MOR, DOR, KOR;  O_r = B_r
/// Kd      = koff/kon                                    compare with the in-vitro Ki (0.11–1.1 nM)
/// </code>
/// DOR and KOR use the MOR:DOR:KOR affinity ratios m_r (79, 2) as faster dissociation: an assumption, since
/// no kinetic data separate kon and koff for them.
/// </summary>
internal readonly struct SlowBindingBlockade(ModelParameters parameters, int firstState)
{
    private readonly double _kon = parameters.Structures.AssociationPerNanomolarHour;
    private readonly double _koff = parameters.Structures.Dissociation.PerHour;
    private readonly double _dor = parameters.DorEc50Multiplier;
    private readonly double _kor = parameters.KorEc50Multiplier;

    public void Derivatives(double driverNanomolar, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var association = _kon * Math.Max(0.0, driverNanomolar);
        Bind(association, 1.0, firstState, y, dydt);
        Bind(association, _dor, firstState + 1, y, dydt);
        Bind(association, _kor, firstState + 2, y, dydt);
    }

    /// <summary>Bound fraction (0–1) of <paramref name="receptor"/>.</summary>
    public double Blockade(ReadOnlySpan<double> y, OpioidReceptor receptor) => Math.Clamp(y[firstState + (int)receptor], 0.0, 1.0);

    private void Bind(double association, double multiplier, int i, ReadOnlySpan<double> y, Span<double> dydt) =>
        dydt[i] = (association * (1 - y[i])) - (_koff * multiplier * y[i]);
}
