namespace Ldn.Core.Pharmacology;

/// <summary>
/// Where each quantity sits in the ODE state vector: one gut depot per formulation in use, then parent
/// amount, metabolite amount, scenario B's effect site and the running parent AUC; then, for each
/// structure in <see cref="OccupancyScenario"/> order, receptor density U, synthesis capacity P and
/// inflammation index I; then the states of the competing structures (slow pool, two sites, slow binding).
/// </summary>
internal readonly record struct StateLayout(int DepotCount)
{
    private const int MechanismStates = 3;

    /// <summary>Naltrexone in the apparent parent volume, mg (labelled).</summary>
    public int Parent => DepotCount;

    /// <summary>6β-naltrexol in its apparent volume, mg (labelled-dose equivalents).</summary>
    public int Metabolite => DepotCount + 1;

    /// <summary>Scenario B effect-site concentration C_e, plasma-equivalent nM.</summary>
    public int EffectSite => DepotCount + 2;

    /// <summary>∫ C_p dt from time zero, ng·h/mL: integrated with the rest for an exact AUC.</summary>
    public int ParentAuc => DepotCount + 3;

    /// <summary>U (receptor/OGFr density, 1 at baseline) driven by <paramref name="scenario"/>'s blockade.</summary>
    public int ReceptorDensity(OccupancyScenario scenario) => DepotCount + 4 + (MechanismStates * (int)scenario);

    /// <summary>P (opioid-peptide synthesis capacity, 1 at baseline).</summary>
    public int Synthesis(OccupancyScenario scenario) => ReceptorDensity(scenario) + 1;

    /// <summary>I (inflammation index, 1 at baseline).</summary>
    public int Inflammation(OccupancyScenario scenario) => ReceptorDensity(scenario) + 2;

    /// <summary>Slow pool amount A_s, mg.</summary>
    public int Pool => DepotCount + 4 + (MechanismStates * OccupancyScenarios.All.Count);

    /// <summary>The slow-pool structure's own parent amount A_p' (its plasma has the terminal phase), mg.</summary>
    public int PoolParent => Pool + 1;

    /// <summary>∫ C_p' dt, ng·h/mL.</summary>
    public int PoolParentAuc => Pool + 2;

    /// <summary>Two-site structure: slow-site concentration C_s, plasma-equivalent nM.</summary>
    public int SlowSite => Pool + 3;

    /// <summary>Slow binding: bound fractions of MOR, DOR, KOR (three states).</summary>
    public int Bound => Pool + 4;

    public int Dimension => Bound + 3;

    /// <summary>The parent amount a structure's plasma concentration is read from.</summary>
    public int ParentOf(OccupancyScenario scenario) => scenario == OccupancyScenario.SlowPool ? PoolParent : Parent;

    /// <summary>The running parent AUC of a structure.</summary>
    public int ParentAucOf(OccupancyScenario scenario) => scenario == OccupancyScenario.SlowPool ? PoolParentAuc : ParentAuc;
}
