using Ldn.Core.Dosing;
using Ldn.Core.Population;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology.Parameters;

/// <summary>
/// The validated, typed parameter set of the PK and receptor-blockade model (docs/model.md).
/// Built only by <see cref="ParameterSetReader"/>, so every value has passed the range checks and has
/// a documented source in <see cref="Entries"/>.
/// </summary>
public sealed record ModelParameters
{
    public required string Name { get; init; }

    public required MolarMass ParentMolarMass { get; init; }

    public required MolarMass MetaboliteMolarMass { get; init; }

    public required RateConstant ParentElimination { get; init; }

    /// <summary>Apparent volume of naltrexone, V_p/F.</summary>
    public required Volume ParentVolume { get; init; }

    public required RateConstant MetaboliteElimination { get; init; }

    /// <summary>Apparent volume of 6β-naltrexol, V_m/F_m.</summary>
    public required Volume MetaboliteVolume { get; init; }

    public required double UnboundFraction { get; init; }

    /// <summary>Central MOR potency of 6β-naltrexol relative to naltrexone (r).</summary>
    public required double MetaboliteCentralPotency { get; init; }

    /// <summary>Scenario A: EC50 of the free plasma driver concentration.</summary>
    public required MolarConcentration DirectEc50 { get; init; }

    /// <summary>
    /// Scenario B: k_e0, the one rate of the effect site (t½ ≈ 25 h). It sets both the rise and the fall of
    /// blockade: a separate uptake rate would cancel out (docs/model.md §3.4).
    /// </summary>
    public required RateConstant EffectSiteLoss { get; init; }

    /// <summary>Scenario B: plasma-equivalent EC50 (free).</summary>
    public required MolarConcentration EffectSiteEc50 { get; init; }

    public required double DorEc50Multiplier { get; init; }

    public required double KorEc50Multiplier { get; init; }

    /// <summary>k_U: turnover of receptor/OGFr density U (endogenous-opioid module).</summary>
    public required RateConstant ReceptorTurnover { get; init; }

    /// <summary>α_U: fractional rise of U at full, continuous blockade.</summary>
    public required double ReceptorUpregulation { get; init; }

    /// <summary>k_P: turnover of opioid-peptide synthesis capacity P.</summary>
    public required RateConstant SynthesisTurnover { get; init; }

    /// <summary>α_P: fractional rise of P at full, continuous blockade.</summary>
    public required double SynthesisUpregulation { get; init; }

    /// <summary>When on, α_P is scaled by (2 − S): high signalling damps further synthesis.</summary>
    public required bool SynthesisFeedback { get; init; }

    /// <summary>IC50 of TLR4 antagonism (free parent), used only when the TLR4 term is switched on.</summary>
    public required MolarConcentration Tlr4Ic50 { get; init; }

    /// <summary>
    /// Fraction of an oral dose that reaches the circulation as naltrexone, F ≈ 5% (Meyer 1984): not used by the
    /// model's apparent PK, only by the sublingual what-if, to scale what bypassing first pass would do.
    /// </summary>
    public required double OralBioavailability { get; init; }

    /// <summary>
    /// The sublingual what-if's mucosal fraction (0 = off, the default): set only by <see cref="SublingualWhatIf.Apply"/>,
    /// never read from a file, so outputs can say a hypothesis is in use.
    /// </summary>
    public double SublingualWhatIfFraction { get; init; }

    /// <summary>The competing blockade structures: slow pool, two sites, slow binding.</summary>
    public required StructureParameters Structures { get; init; }

    public required IReadOnlyDictionary<Formulation, FormulationParameters> Formulations { get; init; }

    /// <summary>Every value as written in the file, with unit, status and source.</summary>
    public required IReadOnlyList<ParameterEntry> Entries { get; init; }

    /// <summary>Between-subject variability, dose accuracy and adherence for virtual populations.</summary>
    public required PopulationVariability Variability { get; init; }

    public FormulationParameters For(Formulation formulation) => Formulations[formulation];
}
