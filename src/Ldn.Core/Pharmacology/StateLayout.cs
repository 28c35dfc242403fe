namespace Ldn.Core.Pharmacology;

/// <summary>
/// Where each quantity sits in the ODE state vector: one gut depot per formulation in use, then
/// parent amount, metabolite amount, effect-site concentration and the running parent AUC; then,
/// for scenario A and then B, receptor density U, synthesis capacity P and inflammation index I.
/// </summary>
internal readonly record struct StateLayout(int DepotCount)
{
    /// <summary>Naltrexone in the apparent parent volume, mg (labelled).</summary>
    public int Parent => DepotCount;

    /// <summary>6β-naltrexol in its apparent volume, mg (labelled-dose equivalents).</summary>
    public int Metabolite => DepotCount + 1;

    /// <summary>Scenario B effect-site concentration C_e, nM.</summary>
    public int EffectSite => DepotCount + 2;

    /// <summary>∫ C_p dt from time zero, ng·h/mL: integrated with the rest for an exact AUC.</summary>
    public int ParentAuc => DepotCount + 3;

    /// <summary>U (receptor/OGFr density, 1 at baseline) driven by <paramref name="scenario"/>'s blockade.</summary>
    public int ReceptorDensity(OccupancyScenario scenario) => DepotCount + 4 + (3 * (int)scenario);

    /// <summary>P (opioid-peptide synthesis capacity, 1 at baseline).</summary>
    public int Synthesis(OccupancyScenario scenario) => ReceptorDensity(scenario) + 1;

    /// <summary>I (inflammation index, 1 at baseline).</summary>
    public int Inflammation(OccupancyScenario scenario) => ReceptorDensity(scenario) + 2;

    public int Dimension => DepotCount + 10;
}
