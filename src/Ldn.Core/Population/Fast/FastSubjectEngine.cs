using System.Runtime.Intrinsics;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;

namespace Ldn.Core.Population.Fast;

/// <summary>
/// The population's fast engine: four subjects at a time, one <see cref="Vector256{T}"/> lane each,
/// on the fixed steps of a shared <see cref="StepSchedule"/>. Same equations as
/// <see cref="NaltrexoneModel"/> for one structure (A or B), split in two:
/// <list type="bullet">
/// <item>the linear part x = (depot, parent, metabolite, effect site), dx/dt = M·x, is advanced
/// exactly: x(t + h/2) = Φ·x(t) with Φ = e^(M·h/2) computed once per subject and step length
/// (<see cref="MatrixExponential"/>), applied twice per step; a dose is added to the depot at its
/// step's start, exactly as the reference adds it at its time;</item>
/// <item>the nonlinear part (U, P, I) by classical RK4, whose stages need the blockade at t, t + h/2
/// and t + h, which the exact linear states give. Its error at the default largest step of 1 h is
/// stated in <see cref="PopulationRunner"/> and docs/model.md (measured against the reference engine
/// at rtol 1e-8).</item>
/// </list>
/// Lanes never mix, so a subject's numbers do not depend on its lane or on the other subjects: the
/// population is the same for any thread count. One instance per thread; <see cref="Run"/> allocates
/// nothing per step.
/// </summary>
public sealed class FastSubjectEngine
{
    /// <summary>Subjects per call (one per lane of a 256-bit vector of doubles).</summary>
    public const int Lanes = SubjectLanes.Count;

    private const int Coefficients = 9;

    private readonly StepSchedule _schedule;
    private readonly Vector256<double>[] _phi;
    private readonly double[] _doses;
    private readonly double[] _systems = new double[16 * Lanes];
    private readonly double[] _exponential = new double[16];
    private readonly double[] _half = new double[16];
    private readonly double[] _lanes = new double[Coefficients * Lanes];

    public FastSubjectEngine(StepSchedule schedule, int plannedDoses)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = schedule;
        _phi = new Vector256<double>[schedule.Lengths.Count * Coefficients];
        _doses = new double[Math.Max(1, plannedDoses) * Lanes];
    }

    /// <summary>
    /// Simulates <paramref name="subjects"/> (1 to 4) on <paramref name="plannedMg"/> (the labelled amount
    /// of each planned dose of the schedule, mg; each subject misses and scales them with its own stream),
    /// writing <paramref name="scenario"/>'s MOR blockade, signalling and inflammation at each grid time to
    /// <c>output[point·stride + first + lane]</c> (score left 0) and each subject's doses taken and
    /// milligrams taken to <paramref name="taken"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A structure other than A or B (use the reference engine).</exception>
    public void Run(
        ReadOnlySpan<VirtualSubject> subjects,
        ReadOnlySpan<double> plannedMg,
        Formulation formulation,
        OccupancyScenario scenario,
        bool tlr4,
        Span<SubjectSample> output,
        int stride,
        int first,
        Span<(int Doses, double Milligrams)> taken)
    {
        if (scenario is not (OccupancyScenario.A or OccupancyScenario.B))
        {
            throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "The fast engine integrates structures A and B.");
        }

        ArgumentOutOfRangeException.ThrowIfZero(subjects.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subjects.Length, Lanes);
        var lanes = default(SubjectLanes);
        lanes.Load(subjects, formulation, _systems);
        for (var lane = 0; lane < Lanes; lane++)
        {
            var subject = subjects[Math.Min(lane, subjects.Length - 1)];
            var amounts = _doses.AsSpan(lane * plannedMg.Length, plannedMg.Length);
            var count = lane < subjects.Length ? subject.TakeDoses(plannedMg, amounts) : 0;
            if (lane < subjects.Length)
            {
                var sum = 0.0;
                foreach (var a in amounts)
                {
                    sum += a;
                }

                taken[lane] = (count, sum);
            }
        }

        Propagators();
        Integrate(ref lanes, plannedMg.Length, scenario, tlr4, output, stride, first, subjects.Length);
    }

    private void Propagators()
    {
        for (var l = 0; l < _schedule.Lengths.Count; l++)
        {
            var half = _schedule.Lengths[l] / 2;
            for (var lane = 0; lane < Lanes; lane++)
            {
                for (var k = 0; k < 16; k++)
                {
                    _half[k] = _systems[(lane * 16) + k] * half;
                }

                MatrixExponential.Compute(_half, 4, _exponential);
                ReadOnlySpan<int> used = [0, 4, 5, 8, 10, 12, 13, 14, 15];
                for (var c = 0; c < Coefficients; c++)
                {
                    _lanes[(c * Lanes) + lane] = _exponential[used[c]];
                }
            }

            for (var c = 0; c < Coefficients; c++)
            {
                _phi[(l * Coefficients) + c] = Vector256.Create(_lanes.AsSpan(c * Lanes, Lanes));
            }
        }
    }

    private void Integrate(ref SubjectLanes s, int planned, OccupancyScenario scenario, bool tlr4, Span<SubjectSample> output, int stride, int first, int active)
    {
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var two = Vector256.Create(2.0);
        var half = Vector256.Create(0.5);
        var sixth = Vector256.Create(1.0 / 6.0);
        var directB = scenario == OccupancyScenario.B;
        var ec50 = directB ? s.EffectSiteEc50 : s.DirectEc50;
        var parentFree = s.Unbound * s.ParentNanomolarPerMg;
        var metaboliteFree = s.Unbound * s.Potency * s.MetaboliteNanomolarPerMg;

        Vector256<double> depot = zero, parent = zero, metabolite = zero, site = zero;
        Vector256<double> u = one, p = one, inflammation = s.Drive;
        var o0 = zero;
        var t0 = zero;
        Write(output, 0, stride, first, active, zero, one, inflammation);

        var lengths = _schedule.Lengths;
        var lengthOf = _schedule.LengthOf;
        var doseAt = _schedule.DoseAt;
        var gridAt = _schedule.GridAt;
        var mechanism = new Mechanism(s, s.Feedback);
        for (var step = 0; step < lengthOf.Length; step++)
        {
            var dose = doseAt[step];
            if (dose >= 0)
            {
                depot += Vector256.Create(_doses[dose], _doses[planned + dose], _doses[(2 * planned) + dose], _doses[(3 * planned) + dose]);
            }

            var l = lengthOf[step];
            var h = Vector256.Create(lengths[l]);
            var c = _phi.AsSpan(l * Coefficients, Coefficients);

            // Exact linear part at the midpoint and the end of the step.
            var depotMid = c[0] * depot;
            var parentMid = (c[1] * depot) + (c[2] * parent);
            var metaboliteMid = (c[3] * depot) + (c[4] * metabolite);
            var siteMid = (c[5] * depot) + (c[6] * parent) + (c[7] * metabolite) + (c[8] * site);
            depot = c[0] * depotMid;
            parent = (c[1] * depotMid) + (c[2] * parentMid);
            metabolite = (c[3] * depotMid) + (c[4] * metaboliteMid);
            site = (c[5] * depotMid) + (c[6] * parentMid) + (c[7] * metaboliteMid) + (c[8] * siteMid);

            var oMid = Blockade(directB ? siteMid : (parentFree * parentMid) + (metaboliteFree * metaboliteMid), ec50);
            var o1 = Blockade(directB ? site : (parentFree * parent) + (metaboliteFree * metabolite), ec50);
            var tlrMid = tlr4 ? Saturation(parentFree * parentMid, s.Tlr4Ic50) : zero;
            var tlr1 = tlr4 ? Saturation(parentFree * parent, s.Tlr4Ic50) : zero;

            // Classical RK4 for (U, P, I) with the blockade known exactly at each stage.
            var hHalf = h * half;
            mechanism.Derivatives(u, p, inflammation, o0, t0, out var du1, out var dp1, out var di1);
            mechanism.Derivatives(u + (hHalf * du1), p + (hHalf * dp1), inflammation + (hHalf * di1), oMid, tlrMid, out var du2, out var dp2, out var di2);
            mechanism.Derivatives(u + (hHalf * du2), p + (hHalf * dp2), inflammation + (hHalf * di2), oMid, tlrMid, out var du3, out var dp3, out var di3);
            mechanism.Derivatives(u + (h * du3), p + (h * dp3), inflammation + (h * di3), o1, tlr1, out var du4, out var dp4, out var di4);
            var h6 = h * sixth;
            u += h6 * (du1 + (two * (du2 + du3)) + du4);
            p += h6 * (dp1 + (two * (dp2 + dp3)) + dp4);
            inflammation += h6 * (di1 + (two * (di2 + di3)) + di4);
            o0 = o1;
            t0 = tlr1;

            var point = gridAt[step];
            if (point >= 0)
            {
                Write(output, point, stride, first, active, o1, p * u * (one - o1), inflammation);
            }
        }
    }

    private static Vector256<double> Blockade(Vector256<double> concentration, Vector256<double> ec50) => Saturation(concentration, ec50);

    /// <summary>x/(x + K) with x clamped at 0, as <c>Occupancy.Saturation</c>.</summary>
    private static Vector256<double> Saturation(Vector256<double> concentration, Vector256<double> halfSaturation)
    {
        var c = Vector256.Max(Vector256<double>.Zero, concentration);
        return c / (c + halfSaturation);
    }

    private static void Write(Span<SubjectSample> output, int point, int stride, int first, int active, Vector256<double> mor, Vector256<double> signalling, Vector256<double> inflammation)
    {
        var row = output.Slice((point * stride) + first, active);
        for (var lane = 0; lane < row.Length; lane++)
        {
            row[lane] = new SubjectSample(mor.GetElement(lane), signalling.GetElement(lane), inflammation.GetElement(lane), 0);
        }
    }

    /// <summary>The U, P, I right-hand side of <see cref="NaltrexoneModel"/> for four subjects.</summary>
    private readonly struct Mechanism(SubjectLanes s, bool feedback)
    {
        private readonly SubjectLanes _s = s;

        public void Derivatives(
            Vector256<double> u,
            Vector256<double> p,
            Vector256<double> inflammation,
            Vector256<double> blockade,
            Vector256<double> tlr,
            out Vector256<double> du,
            out Vector256<double> dp,
            out Vector256<double> di)
        {
            var one = Vector256<double>.One;
            var signalling = p * u * (one - blockade);
            var gain = feedback ? _s.SynthesisGain * Vector256.Max(Vector256<double>.Zero, Vector256.Create(2.0) - signalling) : _s.SynthesisGain;
            du = _s.ReceptorTurnover * (one + (_s.ReceptorGain * blockade) - u);
            dp = _s.SynthesisTurnover * (one + (gain * blockade) - p);
            var excess = Vector256.Max(Vector256<double>.Zero, signalling - one);
            var inhibition = _s.MaxInhibition * excess / (_s.HalfEffect + excess);
            di = _s.InflammationTurnover * ((_s.Drive * (one - inhibition) * (one - tlr)) - inflammation);
        }
    }
}
