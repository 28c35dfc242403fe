using System.Runtime.Intrinsics;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Population.Fast;

/// <summary>
/// The per-subject constants of up to <see cref="Count"/> subjects side by side, one
/// <see cref="Vector256{T}"/> lane each, converted once to the numbers the step needs (the same
/// conversions as <see cref="NaltrexoneModel"/>): rates per hour, mg → nM factors, EC50s in nM.
/// Unused lanes repeat the last subject so that they compute finite numbers nobody reads.
/// </summary>
internal struct SubjectLanes
{
    public const int Count = 4;

    public Vector256<double> ParentNanomolarPerMg, MetaboliteNanomolarPerMg, Unbound, Potency;
    public Vector256<double> Tlr4Ic50;

    /// <summary>
    /// Blockade O = φ·C_eq/(C_eq + DirectHalf) + (1 − φ)·x/(x + SiteHalf), x the fourth linear state; which
    /// terms a structure uses is in <see cref="FastSubjectEngine"/>. A: DirectHalf = EC50 (nM). B: SiteHalf =
    /// effect-site EC50 (nM). Slow pool: SiteHalf = A50 (mg). Two sites: φ, EC50_d, EC50_s (nM).
    /// </summary>
    public Vector256<double> DirectHalf, SiteHalf, DirectFraction;
    public Vector256<double> ReceptorTurnover, ReceptorGain, SynthesisTurnover, SynthesisGain;
    public Vector256<double> InflammationTurnover, Drive, MaxInhibition, HalfEffect;

    /// <summary>Whether synthesis has the feedback g = max(0, 2 − S) (a model switch, the same for every subject).</summary>
    public bool Feedback;

    /// <summary>
    /// Fills the lanes from <paramref name="subjects"/> (1 to 4) for <paramref name="scenario"/> (A, B,
    /// slow-pool or two-site) and writes each lane's 4×4 linear system into <paramref name="systems"/> (16 per lane).
    /// </summary>
    public void Load(ReadOnlySpan<VirtualSubject> subjects, Formulation formulation, OccupancyScenario scenario, Span<double> systems)
    {
        Span<double> v = stackalloc double[16 * Count];
        for (var lane = 0; lane < Count; lane++)
        {
            var subject = subjects[Math.Min(lane, subjects.Length - 1)];
            var p = subject.Parameters;
            var c = subject.Condition;
            var f = p.For(formulation);
            Feedback = p.SynthesisFeedback;
            var parent = 1000.0 / p.ParentVolume.Litres * 1000.0 / p.ParentMolarMass.GramsPerMole;
            var metabolite = 1000.0 / p.MetaboliteVolume.Litres * 1000.0 / p.MetaboliteMolarMass.GramsPerMole;
            ReadOnlySpan<double> values =
            [
                parent, metabolite, p.UnboundFraction, p.MetaboliteCentralPotency,
                DirectHalfOf(p, scenario), SiteHalfOf(p, scenario), p.Tlr4Ic50.Nanomolar, FractionOf(p, scenario),
                p.ReceptorTurnover.PerHour, p.ReceptorUpregulation, p.SynthesisTurnover.PerHour, p.SynthesisUpregulation,
                c.InflammationTurnover.PerHour, c.DiseaseDrive, c.MaxInhibition, c.SignallingHalfEffect,
            ];
            for (var k = 0; k < values.Length; k++)
            {
                v[(k * Count) + lane] = values[k];
            }

            // x = (depot, parent, metabolite, site): dx/dt = M·x, lower triangular. The site is B's effect
            // site or the two-site slow site (both relax to C_eq, nM), or the slow pool A_s (mg) fed by the
            // fraction f_s of the parent input ka·F_p·depot (SlowPoolBlockade; its own parent A_p' moves no
            // blockade, so it is left out). A's blockade reads plasma only; its site row is B's, unused.
            var ka = f.AbsorptionRate.PerHour;
            var m = systems.Slice(lane * 16, 16);
            m.Clear();
            m[0] = -ka;
            m[4] = ka * f.ParentRelativeBioavailability;
            m[5] = -p.ParentElimination.PerHour;
            m[8] = ka * f.MetaboliteRelativeBioavailability;
            m[10] = -p.MetaboliteElimination.PerHour;
            if (scenario == OccupancyScenario.SlowPool)
            {
                m[12] = p.Structures.PoolFraction * m[4];
                m[15] = -p.Structures.PoolRelease.PerHour;
            }
            else
            {
                var rate = scenario == OccupancyScenario.TwoSite ? p.Structures.SlowSiteRate.PerHour : p.EffectSiteLoss.PerHour;
                m[13] = rate * p.UnboundFraction * parent;
                m[14] = rate * p.UnboundFraction * p.MetaboliteCentralPotency * metabolite;
                m[15] = -rate;
            }
        }

        var i = 0;
        ParentNanomolarPerMg = Next(v, ref i);
        MetaboliteNanomolarPerMg = Next(v, ref i);
        Unbound = Next(v, ref i);
        Potency = Next(v, ref i);
        DirectHalf = Next(v, ref i);
        SiteHalf = Next(v, ref i);
        Tlr4Ic50 = Next(v, ref i);
        DirectFraction = Next(v, ref i);
        ReceptorTurnover = Next(v, ref i);
        ReceptorGain = Next(v, ref i);
        SynthesisTurnover = Next(v, ref i);
        SynthesisGain = Next(v, ref i);
        InflammationTurnover = Next(v, ref i);
        Drive = Next(v, ref i);
        MaxInhibition = Next(v, ref i);
        HalfEffect = Next(v, ref i);
    }

    private static double DirectHalfOf(ModelParameters p, OccupancyScenario scenario) =>
        scenario == OccupancyScenario.TwoSite ? p.Structures.DirectSiteEc50.Nanomolar : p.DirectEc50.Nanomolar;

    private static double SiteHalfOf(ModelParameters p, OccupancyScenario scenario) => scenario switch
    {
        OccupancyScenario.SlowPool => p.Structures.PoolHalfBlockadeMg,
        OccupancyScenario.TwoSite => p.Structures.SlowSiteEc50.Nanomolar,
        _ => p.EffectSiteEc50.Nanomolar,
    };

    private static double FractionOf(ModelParameters p, OccupancyScenario scenario) => scenario switch
    {
        OccupancyScenario.A => 1.0,
        OccupancyScenario.TwoSite => p.Structures.DirectFraction,
        _ => 0.0,
    };

    private static Vector256<double> Next(ReadOnlySpan<double> values, ref int index)
    {
        var vector = Vector256.Create(values.Slice(index * Count, Count));
        index++;
        return vector;
    }
}
