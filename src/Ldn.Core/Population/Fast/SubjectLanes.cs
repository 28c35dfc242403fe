using System.Runtime.Intrinsics;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;

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
    public Vector256<double> DirectEc50, EffectSiteEc50, Tlr4Ic50;
    public Vector256<double> ReceptorTurnover, ReceptorGain, SynthesisTurnover, SynthesisGain;
    public Vector256<double> InflammationTurnover, Drive, MaxInhibition, HalfEffect;

    /// <summary>Whether synthesis has the feedback g = max(0, 2 − S) (a model switch, the same for every subject).</summary>
    public bool Feedback;

    /// <summary>Fills the lanes from <paramref name="subjects"/> (1 to 4) and writes each lane's 4×4 linear system into <paramref name="systems"/> (16 per lane).</summary>
    public void Load(ReadOnlySpan<VirtualSubject> subjects, Formulation formulation, Span<double> systems)
    {
        Span<double> v = stackalloc double[15 * Count];
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
                p.DirectEc50.Nanomolar, p.EffectSiteEc50.Nanomolar, p.Tlr4Ic50.Nanomolar,
                p.ReceptorTurnover.PerHour, p.ReceptorUpregulation, p.SynthesisTurnover.PerHour, p.SynthesisUpregulation,
                c.InflammationTurnover.PerHour, c.DiseaseDrive, c.MaxInhibition, c.SignallingHalfEffect,
            ];
            for (var k = 0; k < values.Length; k++)
            {
                v[(k * Count) + lane] = values[k];
            }

            // x = (depot, parent, metabolite, effect site): dx/dt = M·x, lower triangular.
            var ka = f.AbsorptionRate.PerHour;
            var ke0 = p.EffectSiteLoss.PerHour;
            var m = systems.Slice(lane * 16, 16);
            m.Clear();
            m[0] = -ka;
            m[4] = ka * f.ParentRelativeBioavailability;
            m[5] = -p.ParentElimination.PerHour;
            m[8] = ka * f.MetaboliteRelativeBioavailability;
            m[10] = -p.MetaboliteElimination.PerHour;
            m[13] = ke0 * p.UnboundFraction * parent;
            m[14] = ke0 * p.UnboundFraction * p.MetaboliteCentralPotency * metabolite;
            m[15] = -ke0;
        }

        var i = 0;
        ParentNanomolarPerMg = Next(v, ref i);
        MetaboliteNanomolarPerMg = Next(v, ref i);
        Unbound = Next(v, ref i);
        Potency = Next(v, ref i);
        DirectEc50 = Next(v, ref i);
        EffectSiteEc50 = Next(v, ref i);
        Tlr4Ic50 = Next(v, ref i);
        ReceptorTurnover = Next(v, ref i);
        ReceptorGain = Next(v, ref i);
        SynthesisTurnover = Next(v, ref i);
        SynthesisGain = Next(v, ref i);
        InflammationTurnover = Next(v, ref i);
        Drive = Next(v, ref i);
        MaxInhibition = Next(v, ref i);
        HalfEffect = Next(v, ref i);
    }

    private static Vector256<double> Next(ReadOnlySpan<double> values, ref int index)
    {
        var vector = Vector256.Create(values.Slice(index * Count, Count));
        index++;
        return vector;
    }
}
