using Ldn.Core.Dosing;

namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// MOR blockade of a linear structure (A, B, slow pool, two sites) for any regimen in closed form, without an ODE
/// solver: every quantity blockade reads — parent A_p and metabolite A_m (mg), B's effect site or the two-site slow
/// site C_s (nM), the slow pool A_s (mg) — is, after one dose D of formulation g at t_d, D·Σ_λ c_λ·e^(−λ(t − t_d)) over
/// the rates λ ∈ {k_p, k_m, ka_g, k_site}, from the Bateman functions of <see cref="AnalyticSolution"/>:
/// <code>
/// A_p = F_p·ka·(e^(−k_p τ) − e^(−ka τ))/(ka − k_p)        A_m likewise with k_m, F_m
/// C_eq = fu·(pN·A_p + r·mN·A_m) = Σ_j d_j·e^(−λ_j τ)       λ_j ∈ {k_p, k_m, ka}
/// C_s  = k·Σ_j d_j·(e^(−k τ) − e^(−λ_j τ))/(λ_j − k)        dC_s/dt = k·(C_eq − C_s)
/// A_s  = f_s·F_p·ka·(e^(−k_s τ) − e^(−ka τ))/(ka − k_s)     dA_s/dt = f_s·In_p − k_s·A_s
/// </code>
/// Doses superpose, so each formulation keeps one running sum M_λ(t) = Σ_d D_d·e^(−λ(t − t_d)) per rate, advanced
/// from grid time to grid time by one factor e^(−λ·Δt): O(grid points + doses) work per run, exact to rounding, and
/// the blockade itself is read through the model's own <see cref="NaltrexoneModel.Blockade(OccupancyScenario, ReadOnlySpan{double}, OpioidReceptor)"/>.
/// Equal rates are nudged apart by 1e-6 relative, as in the fitting evaluator (the result is continuous in them).
/// </summary>
public sealed class SuperposedBlockade
{
    private const int Rates = 4;
    private readonly NaltrexoneModel _model;
    private readonly OccupancyScenario _structure;
    private readonly double[] _rates;       // [g*Rates + j]
    private readonly double[] _parent;      // coefficients of A_p per unit dose
    private readonly double[] _metabolite;  // coefficients of A_m
    private readonly double[] _extra;       // coefficients of the structure's own state (C_s or A_s)
    private readonly int _extraIndex;

    /// <exception cref="ArgumentOutOfRangeException">Slow binding, which is not linear in the drug.</exception>
    public SuperposedBlockade(NaltrexoneModel model, OccupancyScenario structure)
    {
        if (structure == OccupancyScenario.SlowBinding)
        {
            throw new ArgumentOutOfRangeException(nameof(structure), structure, "Slow binding is not linear; integrate it.");
        }

        _model = model;
        _structure = structure;
        var p = model.Parameters;
        var s = p.Structures;
        var (siteRate, extraIndex) = structure switch
        {
            OccupancyScenario.B => (p.EffectSiteLoss.PerHour, model.Layout.EffectSite),
            OccupancyScenario.TwoSite => (s.SlowSiteRate.PerHour, model.Layout.SlowSite),
            OccupancyScenario.SlowPool => (s.PoolRelease.PerHour, model.Layout.Pool),
            _ => (p.ParentElimination.PerHour * 2, -1),
        };
        _extraIndex = extraIndex;
        var groups = model.Depots.Count;
        _rates = new double[groups * Rates];
        _parent = new double[groups * Rates];
        _metabolite = new double[groups * Rates];
        _extra = new double[groups * Rates];
        var fu = p.UnboundFraction;
        for (var g = 0; g < groups; g++)
        {
            var f = p.For(model.Depots[g]);
            var kp = p.ParentElimination.PerHour;
            var km = p.MetaboliteElimination.PerHour;
            var ka = Apart(f.AbsorptionRate.PerHour, kp, km);
            var k = Apart(Apart(siteRate, kp, km), ka, ka);
            var o = g * Rates;
            _rates[o] = kp;
            _rates[o + 1] = km;
            _rates[o + 2] = ka;
            _rates[o + 3] = k;
            var bp = f.ParentRelativeBioavailability * ka / (ka - kp);
            var bm = f.MetaboliteRelativeBioavailability * ka / (ka - km);
            _parent[o] = bp;
            _parent[o + 2] = -bp;
            _metabolite[o + 1] = bm;
            _metabolite[o + 2] = -bm;
            if (structure == OccupancyScenario.SlowPool)
            {
                var bs = s.PoolFraction * f.ParentRelativeBioavailability * ka / (ka - k);
                _extra[o + 3] = bs;
                _extra[o + 2] = -bs;
            }
            else if (extraIndex >= 0)
            {
                // Driver coefficients d_j on e^(−λ_j τ), then the site's response to each.
                var dp = fu * model.ParentNanomolarPerMg * bp;
                var dm = fu * p.MetaboliteCentralPotency * model.MetaboliteNanomolarPerMg * bm;
                double[] d = [dp, dm, -(dp + dm)];
                for (var j = 0; j < 3; j++)
                {
                    var response = k * d[j] / (_rates[o + j] - k);
                    _extra[o + j] -= response;
                    _extra[o + 3] += response;
                }
            }
        }
    }

    /// <summary>
    /// MOR blockade (0–1) at each of <paramref name="times"/> (hours, ascending) into <paramref name="mor"/>, for the
    /// doses of <paramref name="regimen"/>. Allocates two small buffers per call, nothing per time.
    /// </summary>
    public void Evaluate(Regimen regimen, ReadOnlySpan<double> times, Span<double> mor) => Start(regimen).Fill(times, mor);

    /// <summary>A cursor over <paramref name="regimen"/> from time 0, to evaluate a long grid chunk by chunk.</summary>
    public Cursor Start(Regimen regimen)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        return new Cursor(this, regimen);
    }

    /// <summary>
    /// The running sums at the last time evaluated: <see cref="Fill"/> continues where the previous call stopped, so a
    /// grid evaluated in chunks gives the numbers of one <see cref="Evaluate"/> over the whole grid, bit for bit.
    /// </summary>
    public sealed class Cursor : IMorCursor
    {
        private readonly SuperposedBlockade _owner;
        private readonly IReadOnlyList<Administration> _doses;
        private readonly double[] _sums;
        private readonly double[] _row;
        private double _now;
        private int _next;

        internal Cursor(SuperposedBlockade owner, Regimen regimen)
        {
            _owner = owner;
            _doses = regimen.Administrations;
            _sums = new double[owner._rates.Length];
            _row = new double[owner._model.Dimension];
        }

        /// <inheritdoc/>
        public void Fill(ReadOnlySpan<double> times, Span<double> mor)
        {
            var o0 = _owner;
            var rates = o0._rates;
            var sums = _sums;
            for (var i = 0; i < times.Length; i++)
            {
                var t = times[i];
                for (var r = 0; r < sums.Length; r++)
                {
                    sums[r] *= Math.Exp(-rates[r] * (t - _now));
                }

                while (_next < _doses.Count && _doses[_next].Time.Hours <= t)
                {
                    var o = o0._model.DepotOf(_doses[_next].Formulation) * Rates;
                    var tau = t - _doses[_next].Time.Hours;
                    for (var j = 0; j < Rates; j++)
                    {
                        sums[o + j] += _doses[_next].Amount.Milligrams * Math.Exp(-rates[o + j] * tau);
                    }

                    _next++;
                }

                _now = t;
                double parent = 0, metabolite = 0, extra = 0;
                for (var r = 0; r < sums.Length; r++)
                {
                    parent += o0._parent[r] * sums[r];
                    metabolite += o0._metabolite[r] * sums[r];
                    extra += o0._extra[r] * sums[r];
                }

                _row[o0._model.Layout.Parent] = parent;
                _row[o0._model.Layout.Metabolite] = metabolite;
                if (o0._extraIndex >= 0)
                {
                    _row[o0._extraIndex] = extra;
                }

                mor[i] = o0._model.Blockade(o0._structure, _row, OpioidReceptor.Mu);
            }
        }
    }

    /// <summary><paramref name="rate"/> moved by 1e-6 relative if it equals either other rate (avoids 0/0 in the Bateman terms).</summary>
    private static double Apart(double rate, double a, double b)
    {
        static bool Close(double x, double y) => Math.Abs(x - y) < 1e-9 * Math.Max(x, y);
        return Close(rate, a) || Close(rate, b) ? rate * (1 + 1e-6) : rate;
    }
}
