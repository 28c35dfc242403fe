using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Pharmacology.Solvers;
using Ldn.Core.Pharmacology.Structures;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// The equations of the PK and receptor-blockade model (docs/model.md, pharmacology.md §9), with the
/// parameters converted once to the numbers the right-hand side needs. For each depot g (one per
/// formulation in use) and the labelled dose amounts A:
/// <code>
/// dA_g/dt = −ka_g·A_g
/// dA_p/dt = Σ ka_g·F_p,g·A_g − k_p·A_p          C_p = A_p / (V_p/F)
/// dA_m/dt = Σ ka_g·F_m,g·A_g − k_m·A_m          C_m = A_m / (V_m/F_m)
/// C_eq    = fu·(C_p,nM + r·C_m,nM)              free plasma driver of receptor binding
/// </code>
/// Blockade per structure, each in its own file under <c>Structures/</c>: A <see cref="DirectBlockade"/>,
/// B <see cref="EffectSiteBlockade"/>, <see cref="SlowPoolBlockade"/>, <see cref="TwoSiteBlockade"/> and
/// <see cref="SlowBindingBlockade"/>; DOR and KOR use the EC50 times their multipliers.
/// <para>
/// Endogenous-opioid and immune modules, once per structure (O = that structure's MOR blockade), so
/// every structure still comes from one integration:
/// <code>
/// dU/dt = k_U·(1 + α_U·O − U)                   receptor/OGFr density
/// dP/dt = k_P·(1 + α_P·g·O − P)                 synthesis capacity; g = max(0, 2 − S) with feedback, else 1
/// S     = P·U·(1 − O)                           net opioid signalling
/// dI/dt = k_I·(D·(1 − E(S))·(1 − T) − I)        inflammation index
/// E(S)  = I_max·x/(SC50 + x), x = max(S − 1, 0)
/// T     = C_u/(C_u + IC50_TLR4) when the TLR4 term is on, else 0 (C_u free parent, nM)
/// </code>
/// </para>
/// </summary>
public readonly struct NaltrexoneModel : IOdeSystem
{
    private readonly double[] _absorption;
    private readonly double[] _parentInput;
    private readonly double[] _metaboliteInput;
    private readonly double _parentElimination;
    private readonly double _metaboliteElimination;
    private readonly DirectBlockade _direct;
    private readonly EffectSiteBlockade _effectSite;
    private readonly SlowPoolBlockade _pool;
    private readonly TwoSiteBlockade _twoSite;
    private readonly SlowBindingBlockade _binding;
    private readonly double _dorMultiplier, _korMultiplier;
    private readonly double _unbound;
    private readonly double _potency;
    private readonly double _receptorTurnover, _receptorGain, _synthesisTurnover, _synthesisGain;
    private readonly bool _feedback;
    private readonly double _inflammationTurnover, _drive, _maxInhibition, _halfEffect;
    private readonly double _tlr4Ic50;
    private readonly bool _tlr4;

    // [segment start time, depot amounts at that time...]; NaN start = not set (depots follow y).
    private readonly double[] _segment;

    public NaltrexoneModel(ModelParameters parameters, IReadOnlyList<Formulation> depots)
        : this(parameters, ConditionCatalog.Generic.Parameters, depots, tlr4: false)
    {
    }

    public NaltrexoneModel(ModelParameters parameters, ConditionParameters condition, IReadOnlyList<Formulation> depots, bool tlr4)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(depots);
        Parameters = parameters;
        Condition = condition;
        Tlr4 = tlr4;
        Depots = depots;
        Layout = new StateLayout(depots.Count);
        double[] absorption = [.. depots.Select(f => parameters.For(f).AbsorptionRate.PerHour)];
        _absorption = absorption;
        _parentInput = [.. depots.Select((f, i) => absorption[i] * parameters.For(f).ParentRelativeBioavailability)];
        _metaboliteInput = [.. depots.Select((f, i) => absorption[i] * parameters.For(f).MetaboliteRelativeBioavailability)];
        _parentElimination = parameters.ParentElimination.PerHour;
        _metaboliteElimination = parameters.MetaboliteElimination.PerHour;
        _unbound = parameters.UnboundFraction;
        _potency = parameters.MetaboliteCentralPotency;

        // mg in L → ng/mL is ×1000; ng/mL → nM is ×1000/MW.
        ParentNgPerMlPerMg = 1000.0 / parameters.ParentVolume.Litres;
        MetaboliteNgPerMlPerMg = 1000.0 / parameters.MetaboliteVolume.Litres;
        ParentNanomolarPerMg = ParentNgPerMlPerMg * 1000.0 / parameters.ParentMolarMass.GramsPerMole;
        MetaboliteNanomolarPerMg = MetaboliteNgPerMlPerMg * 1000.0 / parameters.MetaboliteMolarMass.GramsPerMole;
        _direct = new DirectBlockade(parameters);
        _effectSite = new EffectSiteBlockade(parameters, Layout.EffectSite);
        _pool = new SlowPoolBlockade(parameters, Layout);
        _twoSite = new TwoSiteBlockade(parameters, Layout.SlowSite);
        _binding = new SlowBindingBlockade(parameters, Layout.Bound);
        _dorMultiplier = parameters.DorEc50Multiplier;
        _korMultiplier = parameters.KorEc50Multiplier;

        _receptorTurnover = parameters.ReceptorTurnover.PerHour;
        _receptorGain = parameters.ReceptorUpregulation;
        _synthesisTurnover = parameters.SynthesisTurnover.PerHour;
        _synthesisGain = parameters.SynthesisUpregulation;
        _feedback = parameters.SynthesisFeedback;
        _inflammationTurnover = condition.InflammationTurnover.PerHour;
        _drive = condition.DiseaseDrive;
        _maxInhibition = condition.MaxInhibition;
        _halfEffect = condition.SignallingHalfEffect;
        _tlr4Ic50 = parameters.Tlr4Ic50.Nanomolar;
        _tlr4 = tlr4;
        _segment = new double[depots.Count + 1];
        _segment[0] = double.NaN;
    }

    /// <summary>
    /// Marks the start of a dose-free segment at <paramref name="t"/> with the depots in
    /// <paramref name="state"/>. Within it the right-hand side uses the exact depot solution
    /// A_g(t) = A_g(t0)·e^(−ka·(t − t0)) instead of feeding the depot state back: the same numbers,
    /// but the fast absorption mode (ka ≈ 2.5/h) no longer limits an explicit solver's step size
    /// to ≈1.3 h for the rest of the day after the drug is absorbed. The segment is stored in an
    /// array that copies of this struct share, so one model instance belongs to one integration at a
    /// time (the simulator and each virtual subject create their own).
    /// </summary>
    public void StartSegment(double t, ReadOnlySpan<double> state)
    {
        _segment[0] = t;
        for (var g = 0; g < _absorption.Length; g++)
        {
            _segment[g + 1] = state[g];
        }
    }

    public ConditionParameters Condition { get; }

    /// <summary>Whether the (implausible at LDN exposure) TLR4 term is switched on.</summary>
    public bool Tlr4 { get; }

    public ModelParameters Parameters { get; }

    public IReadOnlyList<Formulation> Depots { get; }

    internal StateLayout Layout { get; }

    public int Dimension => Layout.Dimension;

    public double ParentNgPerMlPerMg { get; }

    public double MetaboliteNgPerMlPerMg { get; }

    public double ParentNanomolarPerMg { get; }

    public double MetaboliteNanomolarPerMg { get; }

    public int DepotOf(Formulation formulation)
    {
        for (var i = 0; i < Depots.Count; i++)
        {
            if (Depots[i] == formulation)
            {
                return i;
            }
        }

        throw new ArgumentException($"No depot for {formulation}.", nameof(formulation));
    }

    public void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var depots = _absorption.Length;
        double parentIn = 0, metaboliteIn = 0;
        var segmentStart = _segment[0];
        for (var g = 0; g < depots; g++)
        {
            var amount = double.IsNaN(segmentStart) ? y[g] : _segment[g + 1] * Math.Exp(-_absorption[g] * (t - segmentStart));
            dydt[g] = -_absorption[g] * amount;
            parentIn += _parentInput[g] * amount;
            metaboliteIn += _metaboliteInput[g] * amount;
        }

        var parent = y[depots];
        var metabolite = y[depots + 1];
        var driver = DriverNanomolar(parent, metabolite);
        dydt[depots] = parentIn - (_parentElimination * parent);
        dydt[depots + 1] = metaboliteIn - (_metaboliteElimination * metabolite);
        dydt[Layout.ParentAuc] = parent * ParentNgPerMlPerMg;
        _effectSite.Derivatives(driver, y, dydt);
        _pool.Derivatives(parentIn, ParentNgPerMlPerMg, y, dydt);
        _twoSite.Derivatives(driver, y, dydt);
        _binding.Derivatives(driver, y, dydt);

        var tlr = _tlr4 ? Occupancy.Saturation(_unbound * parent * ParentNanomolarPerMg, _tlr4Ic50) : 0.0;
        foreach (var scenario in OccupancyScenarios.All)
        {
            Mechanism(Blockade(scenario, driver, y, OpioidReceptor.Mu), tlr, y, dydt, Layout.ReceptorDensity(scenario));
        }
    }

    /// <summary>
    /// Writes the drug-free steady state: no drug anywhere, U = P = 1 and I = D (1 unless the
    /// condition's disease drive is set otherwise).
    /// </summary>
    public void Baseline(Span<double> state)
    {
        state.Clear();
        foreach (var scenario in OccupancyScenarios.All)
        {
            state[Layout.ReceptorDensity(scenario)] = 1;
            state[Layout.Synthesis(scenario)] = 1;
            state[Layout.Inflammation(scenario)] = _drive;
        }
    }

    /// <summary>Net opioid signalling S = P·U·(1 − O).</summary>
    public static double Signalling(double receptorDensity, double synthesis, double blockade) => synthesis * receptorDensity * (1 - blockade);

    /// <summary>U, P and I derivatives for one scenario's blockade; the three states sit at <paramref name="first"/>…+2.</summary>
    private void Mechanism(double blockade, double tlr, ReadOnlySpan<double> y, Span<double> dydt, int first)
    {
        var u = y[first];
        var p = y[first + 1];
        var inflammation = y[first + 2];
        var s = Signalling(u, p, blockade);
        var synthesisGain = _feedback ? _synthesisGain * Math.Max(0.0, 2.0 - s) : _synthesisGain;
        dydt[first] = _receptorTurnover * (1 + (_receptorGain * blockade) - u);
        dydt[first + 1] = _synthesisTurnover * (1 + (synthesisGain * blockade) - p);
        var excess = Math.Max(0.0, s - 1);
        var inhibition = _maxInhibition * excess / (_halfEffect + excess);
        dydt[first + 2] = _inflammationTurnover * ((_drive * (1 - inhibition) * (1 - tlr)) - inflammation);
    }

    /// <summary>C_eq: free naltrexone plus potency-weighted free 6β-naltrexol, nM.</summary>
    public double DriverNanomolar(double parentMg, double metaboliteMg) =>
        _unbound * ((parentMg * ParentNanomolarPerMg) + (_potency * metaboliteMg * MetaboliteNanomolarPerMg));

    /// <summary>Blockade (0–1) of <paramref name="receptor"/> in a structure, from a full state vector <paramref name="y"/>.</summary>
    public double Blockade(OccupancyScenario scenario, ReadOnlySpan<double> y, OpioidReceptor receptor) =>
        Blockade(scenario, DriverNanomolar(y[Layout.Parent], y[Layout.Metabolite]), y, receptor);

    /// <summary>MOR blockade (0–1) of scenario A or B from the three quantities they depend on; the other structures need the full state.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A structure other than A or B.</exception>
    public double Blockade(OccupancyScenario scenario, double parentMg, double metaboliteMg, double effectSiteNanomolar, double ec50Multiplier) => scenario switch
    {
        OccupancyScenario.A => _direct.Blockade(DriverNanomolar(parentMg, metaboliteMg), ec50Multiplier),
        OccupancyScenario.B => Occupancy.Saturation(effectSiteNanomolar, Parameters.EffectSiteEc50.Nanomolar * ec50Multiplier),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "Only scenarios A and B can be read from parent, metabolite and effect site alone."),
    };

    private double Blockade(OccupancyScenario scenario, double driver, ReadOnlySpan<double> y, OpioidReceptor receptor)
    {
        var multiplier = receptor switch
        {
            OpioidReceptor.Delta => _dorMultiplier,
            OpioidReceptor.Kappa => _korMultiplier,
            _ => 1.0,
        };
        return scenario switch
        {
            OccupancyScenario.A => _direct.Blockade(driver, multiplier),
            OccupancyScenario.B => _effectSite.Blockade(y, multiplier),
            OccupancyScenario.SlowPool => _pool.Blockade(y, multiplier),
            OccupancyScenario.TwoSite => _twoSite.Blockade(driver, y, multiplier),
            _ => _binding.Blockade(y, receptor),
        };
    }
}
