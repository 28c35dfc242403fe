using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;

namespace Ldn.Core.Population.Fast;

/// <summary>
/// The population's fast engine: a batch of subjects, four per <see cref="Vector256{T}"/> (one lane each),
/// advanced together step by step (time-major, so each grid time's values of the whole batch are handed to
/// an <see cref="IPointSink"/> at once and the batch's histograms are touched once per time) on the fixed
/// steps of a shared <see cref="StepSchedule"/>. Same equations as
/// <see cref="NaltrexoneModel"/> for one structure (A, B, slow-pool or two-site), split in two:
/// <list type="bullet">
/// <item>the linear part x = (depot, parent, metabolite, site), dx/dt = M·x, the site being B's effect
/// site, the slow pool A_s or the two-site slow site (<see cref="SubjectLanes"/>), is advanced
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
    /// <summary>Subjects per vector (one per lane of a 256-bit vector of doubles).</summary>
    public const int Lanes = SubjectLanes.Count;

    private const int Coefficients = 9;
    private const int States = 9;

    private readonly StepSchedule _schedule;
    private readonly int _planned;
    private readonly SubjectLanes[] _groups;
    private readonly Vector256<double>[] _phi;
    private readonly Vector256<double>[] _doses;
    private readonly Vector256<double>[] _state;
    private readonly SubjectSample[] _row;
    private readonly double[] _amounts;
    private readonly double[] _systems = new double[16 * Lanes];
    private readonly double[] _exponential = new double[16];
    private readonly double[] _half = new double[16];
    private readonly double[] _lanes = new double[Coefficients * Lanes];

    /// <summary>An engine for batches of up to <paramref name="capacity"/> subjects on <paramref name="schedule"/> with <paramref name="plannedDoses"/> planned doses.</summary>
    public FastSubjectEngine(StepSchedule schedule, int plannedDoses, int capacity)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _schedule = schedule;
        _planned = Math.Max(1, plannedDoses);
        var groups = (capacity + Lanes - 1) / Lanes;
        Capacity = capacity;
        _groups = new SubjectLanes[groups];
        _phi = new Vector256<double>[groups * schedule.Lengths.Count * Coefficients];
        _doses = new Vector256<double>[groups * _planned];
        _state = new Vector256<double>[groups * States];
        _row = new SubjectSample[groups * Lanes];
        _amounts = new double[_planned * Lanes];
    }

    public int Capacity { get; }

    /// <summary>
    /// Whether the fast engine integrates <paramref name="scenario"/>: A, B, slow-pool and two-site, whose
    /// drug part is linear. Slow binding (kon·C·(1 − O), nonlinear) stays on the reference engine.
    /// </summary>
    public static bool Covers(OccupancyScenario scenario) =>
        scenario is OccupancyScenario.A or OccupancyScenario.B or OccupancyScenario.SlowPool or OccupancyScenario.TwoSite;

    /// <summary>
    /// Simulates <paramref name="subjects"/> (1 to <see cref="Capacity"/>) on <paramref name="plannedMg"/> (the
    /// labelled amount of each planned dose of the schedule, mg; each subject misses and scales them with its
    /// own stream). At each grid time it passes <paramref name="sink"/> the batch's
    /// <paramref name="scenario"/> MOR blockade, signalling and inflammation (score left 0), one sample per
    /// subject in order. Each subject's doses taken and milligrams taken go to <paramref name="taken"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A structure the engine does not <see cref="Covers"/> (use the reference engine).</exception>
    public void Run<TSink>(
        ReadOnlySpan<VirtualSubject> subjects,
        ReadOnlySpan<double> plannedMg,
        Formulation formulation,
        OccupancyScenario scenario,
        bool tlr4,
        ref TSink sink,
        Span<(int Doses, double Milligrams)> taken)
        where TSink : struct, IPointSink
    {
        if (!Covers(scenario))
        {
            throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "The fast engine integrates structures A, B, slow-pool and two-site.");
        }

        ArgumentOutOfRangeException.ThrowIfZero(subjects.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subjects.Length, Capacity);
        ArgumentOutOfRangeException.ThrowIfNotEqual(plannedMg.Length, _schedule.DoseCount);
        var groups = (subjects.Length + Lanes - 1) / Lanes;
        for (var g = 0; g < groups; g++)
        {
            var first = g * Lanes;
            var members = subjects.Slice(first, Math.Min(Lanes, subjects.Length - first));
            Load(g, members, plannedMg, formulation, scenario, taken.Slice(first, members.Length));
        }

        Integrate(groups, subjects.Length, scenario, tlr4, ref sink);
    }

    private void Load(int g, ReadOnlySpan<VirtualSubject> members, ReadOnlySpan<double> plannedMg, Formulation formulation, OccupancyScenario scenario, Span<(int Doses, double Milligrams)> taken)
    {
        _groups[g].Load(members, formulation, scenario, _systems);
        for (var lane = 0; lane < Lanes; lane++)
        {
            var amounts = _amounts.AsSpan(lane * _planned, plannedMg.Length);
            if (lane < members.Length)
            {
                var count = members[lane].TakeDoses(plannedMg, amounts);
                var sum = 0.0;
                foreach (var a in amounts)
                {
                    sum += a;
                }

                taken[lane] = (count, sum);
            }
            else
            {
                amounts.Clear();
            }
        }

        for (var k = 0; k < plannedMg.Length; k++)
        {
            _doses[(g * _planned) + k] = Vector256.Create(_amounts[k], _amounts[_planned + k], _amounts[(2 * _planned) + k], _amounts[(3 * _planned) + k]);
        }

        Propagators(g);
    }

    private void Propagators(int g)
    {
        var lengths = _schedule.Lengths.Count;
        for (var l = 0; l < lengths; l++)
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
                _phi[(((g * lengths) + l) * Coefficients) + c] = Vector256.Create(_lanes.AsSpan(c * Lanes, Lanes));
            }
        }
    }

    // Fully optimised at once: a run calls this a few dozen times, too few for tiered compilation to get
    // past the unoptimised and on-stack-replacement versions before the run is over.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Integrate<TSink>(int groups, int active, OccupancyScenario scenario, bool tlr4, ref TSink sink)
        where TSink : struct, IPointSink
    {
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var two = Vector256.Create(2.0);
        var half = Vector256.Create(0.5);
        var sixth = Vector256.Create(1.0 / 6.0);
        var kind = scenario;
        var row = _row.AsSpan(0, active);

        // State per group: depot, parent, metabolite, effect site, U, P, I, blockade and TLR4 term at the step start.
        for (var g = 0; g < groups; g++)
        {
            var y = _state.AsSpan(g * States, States);
            y.Clear();
            y[4] = one;
            y[5] = one;
            y[6] = _groups[g].Drive;
            Write(row, g, zero, one, y[6]);
        }

        sink.OnPoint(0, row);
        var lengths = _schedule.Lengths;
        var lengthCount = lengths.Count;
        var lengthOf = _schedule.LengthOf;
        var doseAt = _schedule.DoseAt;
        var gridAt = _schedule.GridAt;
        for (var step = 0; step < lengthOf.Length; step++)
        {
            var dose = doseAt[step];
            var l = lengthOf[step];
            var h = Vector256.Create(lengths[l]);
            var hHalf = h * half;
            var h6 = h * sixth;
            var point = gridAt[step];
            for (var g = 0; g < groups; g++)
            {
                ref var s = ref _groups[g];
                var y = _state.AsSpan(g * States, States);
                var c = _phi.AsSpan(((g * lengthCount) + l) * Coefficients, Coefficients);
                var depot = dose >= 0 ? y[0] + _doses[(g * _planned) + dose] : y[0];
                var parentFree = s.Unbound * s.ParentNanomolarPerMg;
                var metaboliteFree = s.Unbound * s.Potency * s.MetaboliteNanomolarPerMg;

                // Exact linear part at the midpoint and the end of the step.
                var depotMid = c[0] * depot;
                var parentMid = (c[1] * depot) + (c[2] * y[1]);
                var metaboliteMid = (c[3] * depot) + (c[4] * y[2]);
                var siteMid = (c[5] * depot) + (c[6] * y[1]) + (c[7] * y[2]) + (c[8] * y[3]);
                var depotEnd = c[0] * depotMid;
                var parent = (c[1] * depotMid) + (c[2] * parentMid);
                var metabolite = (c[3] * depotMid) + (c[4] * metaboliteMid);
                var site = (c[5] * depotMid) + (c[6] * parentMid) + (c[7] * metaboliteMid) + (c[8] * siteMid);

                var oMid = Blockade(kind, ref s, (parentFree * parentMid) + (metaboliteFree * metaboliteMid), siteMid);
                var o1 = Blockade(kind, ref s, (parentFree * parent) + (metaboliteFree * metabolite), site);
                var tlrMid = tlr4 ? Saturation(parentFree * parentMid, s.Tlr4Ic50) : zero;
                var tlr1 = tlr4 ? Saturation(parentFree * parent, s.Tlr4Ic50) : zero;

                // Classical RK4 for (U, P, I) with the blockade known exactly at each stage.
                var u = y[4];
                var p = y[5];
                var i = y[6];
                Mechanism(ref s, u, p, i, y[7], y[8], out var du1, out var dp1, out var di1);
                Mechanism(ref s, u + (hHalf * du1), p + (hHalf * dp1), i + (hHalf * di1), oMid, tlrMid, out var du2, out var dp2, out var di2);
                Mechanism(ref s, u + (hHalf * du2), p + (hHalf * dp2), i + (hHalf * di2), oMid, tlrMid, out var du3, out var dp3, out var di3);
                Mechanism(ref s, u + (h * du3), p + (h * dp3), i + (h * di3), o1, tlr1, out var du4, out var dp4, out var di4);
                u += h6 * (du1 + (two * (du2 + du3)) + du4);
                p += h6 * (dp1 + (two * (dp2 + dp3)) + dp4);
                i += h6 * (di1 + (two * (di2 + di3)) + di4);

                y[0] = depotEnd;
                y[1] = parent;
                y[2] = metabolite;
                y[3] = site;
                y[4] = u;
                y[5] = p;
                y[6] = i;
                y[7] = o1;
                y[8] = tlr1;
                if (point >= 0)
                {
                    Write(row, g, o1, p * u * (one - o1), i);
                }
            }

            if (point >= 0)
            {
                sink.OnPoint(point, row);
            }
        }
    }

    /// <summary>
    /// MOR blockade of a structure from C_eq (nM) and the fourth linear state: A reads plasma, B and the slow
    /// pool the site, two sites both (as <see cref="NaltrexoneModel"/>'s structures, multiplier 1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Blockade(OccupancyScenario kind, ref SubjectLanes s, Vector256<double> equilibrium, Vector256<double> site) => kind switch
    {
        OccupancyScenario.A => Saturation(equilibrium, s.DirectHalf),
        OccupancyScenario.TwoSite => (s.DirectFraction * Saturation(equilibrium, s.DirectHalf))
            + ((Vector256<double>.One - s.DirectFraction) * Saturation(site, s.SiteHalf)),
        _ => Saturation(site, s.SiteHalf),
    };

    /// <summary>x/(x + K) with x clamped at 0, as <c>Occupancy.Saturation</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Saturation(Vector256<double> concentration, Vector256<double> halfSaturation)
    {
        var c = Vector256.Max(Vector256<double>.Zero, concentration);
        return c / (c + halfSaturation);
    }

    private static void Write(Span<SubjectSample> row, int g, Vector256<double> mor, Vector256<double> signalling, Vector256<double> inflammation)
    {
        var first = g * Lanes;
        var count = Math.Min(Lanes, row.Length - first);
        for (var lane = 0; lane < count; lane++)
        {
            row[first + lane] = new SubjectSample(mor.GetElement(lane), signalling.GetElement(lane), inflammation.GetElement(lane), 0);
        }
    }

    /// <summary>The U, P, I right-hand side of <see cref="NaltrexoneModel"/> for four subjects.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mechanism(
        ref SubjectLanes s,
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
        var gain = s.Feedback ? s.SynthesisGain * Vector256.Max(Vector256<double>.Zero, Vector256.Create(2.0) - signalling) : s.SynthesisGain;
        du = s.ReceptorTurnover * (one + (s.ReceptorGain * blockade) - u);
        dp = s.SynthesisTurnover * (one + (gain * blockade) - p);
        var excess = Vector256.Max(Vector256<double>.Zero, signalling - one);
        var inhibition = s.MaxInhibition * excess / (s.HalfEffect + excess);
        di = s.InflammationTurnover * ((s.Drive * (one - inhibition) * (one - tlr)) - inflammation);
    }
}
