using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology.Structures;

/// <summary>
/// Slow pool fed from the absorbed dose (docs/model.md §5c.1). A fraction f_s of the parent input that
/// reaches the body enters a slow pool A_s instead of plasma; the pool releases it to plasma at k_s, which
/// gives the slow, low-amplitude terminal plasma phase of the older PK literature (t½ ≈ 96 h, Crabtree
/// 1984), and the receptors sit in the pool, so blockade rises as fast as absorption and falls at k_s:
/// <code>
/// dA_s/dt  = f_s·In_p − k_s·A_s                       In_p = Σ ka_g·F_p,g·A_g (mg/h)
/// dA_p'/dt = (1 − f_s)·In_p + k_s·A_s − k_p·A_p'      this structure's parent amount (mg)
/// O        = A_s/(A_s + m·A50)                        A50: pool amount at half blockade (mg)
/// </code>
/// All the pool returns to plasma, so the parent AUC to infinity is unchanged (F·D/(V_p·k_p)).
/// </summary>
internal readonly struct SlowPoolBlockade(ModelParameters parameters, StateLayout layout)
{
    private readonly double _fraction = parameters.Structures.PoolFraction;
    private readonly double _release = parameters.Structures.PoolRelease.PerHour;
    private readonly double _halfBlockade = parameters.Structures.PoolHalfBlockadeMg;
    private readonly double _elimination = parameters.ParentElimination.PerHour;

    public void Derivatives(double parentInput, double parentNgPerMlPerMg, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var pool = y[layout.Pool];
        var parent = y[layout.PoolParent];
        dydt[layout.Pool] = (_fraction * parentInput) - (_release * pool);
        dydt[layout.PoolParent] = ((1 - _fraction) * parentInput) + (_release * pool) - (_elimination * parent);
        dydt[layout.PoolParentAuc] = parent * parentNgPerMlPerMg;
    }

    public double Blockade(ReadOnlySpan<double> y, double multiplier) => Occupancy.Saturation(y[layout.Pool], _halfBlockade * multiplier);
}
