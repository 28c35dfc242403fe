using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// MOR blockade and plasma half-life after single oral tablet doses, and at steady state on a daily dose, for
/// one parameter set: the cheap evaluator <c>ldn fit</c>'s likelihood calls thousands of times. The plasma PK
/// is linear, so after one dose D the free driver has the closed form
/// <code>
/// C_eq(t) = D·[c_p·B(ka, k_p, t) + c_m·B(ka, k_m, t)]     B(a, k, t) = (E(k, t) − E(a, t))/(a − k)
/// </code>
/// with E(λ, t) = e^(−λt) after one dose, and E(λ, t) = e^(−λt)/(1 − e^(−λτ)) at steady state on a dose every τ
/// (the sum of every earlier dose's exponential). Each linear blockade state (B's effect site, the two-site slow
/// site, the slow pool) is the same sum of exponentials passed through its own rate, so A, B, two sites and the
/// slow pool need no integration at all. Slow binding, dB/dt = kon·C_eq·(1 − B) − koff·B, is linear in B for a
/// given C_eq, so each step is an exact exponential update with C_eq at the step's midpoint (steps of 0.05 h in
/// the first 12 h after a dose, 0.5 h after); its steady state is the fixed point of the affine one-day map.
/// Agreement with <c>Simulator.Run</c> is tested (tests/Ldn.Core.Tests/Fitting). Allocates nothing per step.
/// </summary>
public sealed class SingleDoseEvaluator
{
    private const double EarlyStep = 0.05;
    private const double LateStep = 0.5;
    private const double EarlyPhaseHours = 12;

    private readonly ModelParameters _p;
    private readonly double _ka, _kp, _km, _cp, _cm, _parentInputPerMg;

    public SingleDoseEvaluator(ModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _p = parameters;
        var tablet = parameters.For(Formulation.Tablet);
        _ka = tablet.AbsorptionRate.PerHour;
        _kp = parameters.ParentElimination.PerHour;
        _km = parameters.MetaboliteElimination.PerHour;
        var parentNanomolarPerMg = 1000.0 / parameters.ParentVolume.Litres * 1000.0 / parameters.ParentMolarMass.GramsPerMole;
        var metaboliteNanomolarPerMg = 1000.0 / parameters.MetaboliteVolume.Litres * 1000.0 / parameters.MetaboliteMolarMass.GramsPerMole;
        _parentInputPerMg = tablet.ParentRelativeBioavailability * _ka;
        _cp = parameters.UnboundFraction * parentNanomolarPerMg * _parentInputPerMg;
        _cm = parameters.UnboundFraction * parameters.MetaboliteCentralPotency * metaboliteNanomolarPerMg * tablet.MetaboliteRelativeBioavailability * _ka;
    }

    /// <summary>MOR blockade (0–1) of <paramref name="structure"/> <paramref name="hours"/> after one tablet of <paramref name="doseMg"/>.</summary>
    public double MorBlockade(OccupancyScenario structure, double doseMg, double hours)
    {
        Span<double> result = stackalloc double[1];
        MorBlockade(structure, doseMg, [hours], result);
        return result[0];
    }

    /// <summary>MOR blockade (0–1) at each of <paramref name="sortedHours"/> (ascending, ≥ 0) after one tablet of <paramref name="doseMg"/>.</summary>
    public void MorBlockade(OccupancyScenario structure, double doseMg, ReadOnlySpan<double> sortedHours, Span<double> result)
    {
        if (structure == OccupancyScenario.SlowBinding)
        {
            double bound = 0, t = 0;
            for (var i = 0; i < sortedHours.Length; i++)
            {
                bound = Bind(bound, t, sortedHours[i], doseMg, 0);
                t = sortedHours[i];
                result[i] = Math.Clamp(bound, 0, 1);
            }

            return;
        }

        for (var i = 0; i < sortedHours.Length; i++)
        {
            result[i] = LinearBlockade(structure, doseMg, sortedHours[i], 0);
        }
    }

    /// <summary>
    /// MOR blockade (0–1) at steady state on <paramref name="doseMg"/> every <paramref name="intervalHours"/>, just
    /// before the next dose: the trough.
    /// </summary>
    public double SteadyStateTrough(OccupancyScenario structure, double doseMg, double intervalHours)
    {
        if (structure != OccupancyScenario.SlowBinding)
        {
            return LinearBlockade(structure, doseMg, intervalHours, intervalHours);
        }

        // One interval maps B(0) to a·B(0) + b; at steady state B(0) = B(τ).
        var b = Bind(0, 0, intervalHours, doseMg, intervalHours);
        var a = Bind(1, 0, intervalHours, doseMg, intervalHours) - b;
        return Math.Clamp(b / (1 - a), 0, 1);
    }

    /// <summary>
    /// Plasma naltrexone half-life (h) from a least-squares line through ln C every 0.25 h between
    /// <paramref name="fromHours"/> and <paramref name="toHours"/> after one dose, as NCA would: the slow pool's
    /// own parent, which has the pool's terminal phase; every other structure shares the one-compartment parent.
    /// </summary>
    public double ParentHalfLife(OccupancyScenario structure, double doseMg, double fromHours, double toHours)
    {
        var fit = default(LogLinearHalfLife);
        for (var t = fromHours; t <= toHours + 1e-9; t += 0.25)
        {
            fit.Add(t, ParentMg(structure, doseMg, t));
        }

        return fit.HalfLife;
    }

    /// <summary>Plasma parent amount (mg, apparent) <paramref name="hours"/> after one dose.</summary>
    public double ParentMg(OccupancyScenario structure, double doseMg, double hours)
    {
        var input = doseMg * _parentInputPerMg;
        if (structure != OccupancyScenario.SlowPool)
        {
            return input * Bateman(_ka, _kp, hours, 0);
        }

        var s = _p.Structures;
        var ks = s.PoolRelease.PerHour;
        return ((1 - s.PoolFraction) * input * Bateman(_ka, _kp, hours, 0))
            + (ks * s.PoolFraction * input / (_ka - ks) * (Bateman(ks, _kp, hours, 0) - Bateman(_ka, _kp, hours, 0)));
    }

    private double LinearBlockade(OccupancyScenario structure, double doseMg, double t, double period)
    {
        var s = _p.Structures;
        switch (structure)
        {
            case OccupancyScenario.A:
                return Structures.Occupancy.Saturation(Driver(doseMg, t, period), _p.DirectEc50.Nanomolar);
            case OccupancyScenario.B:
                return Structures.Occupancy.Saturation(Site(_p.EffectSiteLoss.PerHour, doseMg, t, period), _p.EffectSiteEc50.Nanomolar);
            case OccupancyScenario.SlowPool:
                var pool = s.PoolFraction * doseMg * _parentInputPerMg * Bateman(_ka, s.PoolRelease.PerHour, t, period);
                return Structures.Occupancy.Saturation(pool, s.PoolHalfBlockadeMg);
            default:
                var direct = Structures.Occupancy.Saturation(Driver(doseMg, t, period), s.DirectSiteEc50.Nanomolar);
                var slow = Structures.Occupancy.Saturation(Site(s.SlowSiteRate.PerHour, doseMg, t, period), s.SlowSiteEc50.Nanomolar);
                return (s.DirectFraction * direct) + ((1 - s.DirectFraction) * slow);
        }
    }

    /// <summary>Free plasma driver C_eq (nM).</summary>
    private double Driver(double doseMg, double t, double period) =>
        doseMg * ((_cp * Bateman(_ka, _kp, t, period)) + (_cm * Bateman(_ka, _km, t, period)));

    /// <summary>A linear site dC/dt = k·(C_eq − C) driven by the closed-form C_eq: each exponential e^(−λt) becomes k·B(λ, k, t).</summary>
    private double Site(double k, double doseMg, double t, double period)
    {
        var ap = _cp / (_ka - _kp);
        var am = _cm / (_ka - _km);
        return doseMg * k * ((ap * Bateman(_kp, k, t, period)) + (am * Bateman(_km, k, t, period)) - ((ap + am) * Bateman(_ka, k, t, period)));
    }

    /// <summary>Slow binding from <paramref name="from"/> to <paramref name="to"/> h after a dose, starting at bound fraction <paramref name="bound"/>.</summary>
    private double Bind(double bound, double from, double to, double doseMg, double period)
    {
        var kon = _p.Structures.AssociationPerNanomolarHour;
        var koff = _p.Structures.Dissociation.PerHour;
        var t = from;
        while (t < to - 1e-12)
        {
            var h = Math.Min(t < EarlyPhaseHours ? EarlyStep : LateStep, to - t);
            var association = kon * Math.Max(0, Driver(doseMg, t + (h / 2), period));
            var rate = association + koff;
            var equilibrium = association / rate;
            bound = equilibrium + ((bound - equilibrium) * Math.Exp(-rate * h));
            t += h;
        }

        return bound;
    }

    /// <summary>(E(k, t) − E(a, t))/(a − k): the response of a compartment eliminated at k to an input e^(−a·t).</summary>
    private static double Bateman(double a, double k, double t, double period)
    {
        if (Math.Abs(a - k) < 1e-9 * Math.Max(a, k))
        {
            // Equal rates: nudge one; the result is continuous in the rates.
            a *= 1 + 1e-6;
        }

        return (E(k, t, period) - E(a, t, period)) / (a - k);
    }

    private static double E(double lambda, double t, double period) =>
        period > 0 ? Math.Exp(-lambda * t) / (1 - Math.Exp(-lambda * period)) : Math.Exp(-lambda * t);
}
