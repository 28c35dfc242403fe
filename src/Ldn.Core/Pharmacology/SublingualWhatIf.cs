using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// The sublingual "less first pass" hypothesis as a what-if (issue 12, item 6). No human PK study of
/// sublingual naltrexone exists (pharmacology.md §2), so by default drops are modelled as swallowed. The
/// what-if assumes a fraction x of each sublingual dose crosses the mouth lining and reaches the blood
/// without first pass, the rest being swallowed. Per labelled mg, relative to the tablet:
/// <code>
/// F_p,sub = (1 − x)·F_p + x/F_oral          F_oral ≈ 0.05 (Meyer 1984), so x = 0.1 nearly triples parent exposure
/// F_m,sub = (1 − x)·F_m                     the mucosal part forms no presystemic 6β-naltrexol
/// </code>
/// Its later systemic conversion to 6β-naltrexol is not modelled (the model forms the metabolite presystemically
/// only); with a central potency of 0.01 this hardly changes blockade.
/// </summary>
public static class SublingualWhatIf
{
    /// <summary>Returns <paramref name="parameters"/> with the sublingual formulation changed as above and the what-if recorded.</summary>
    /// <param name="parameters">The parameter set to change (not modified).</param>
    /// <param name="mucosalFraction">x, the fraction (0–1) of a sublingual dose absorbed through the mouth lining.</param>
    /// <exception cref="InvalidInputException">x outside 0–1.</exception>
    public static ModelParameters Apply(ModelParameters parameters, double mucosalFraction)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(mucosalFraction is >= 0 and <= 1))
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"The sublingual what-if fraction must lie between 0 and 1 (the share of the dose absorbed through the mouth lining), not {mucosalFraction}."));
        }

        var swallowed = 1 - mucosalFraction;
        var sublingual = parameters.For(Formulation.Sublingual);
        var formulations = parameters.Formulations.ToDictionary(kv => kv.Key, kv => kv.Value);
        formulations[Formulation.Sublingual] = sublingual with
        {
            ParentRelativeBioavailability = (swallowed * sublingual.ParentRelativeBioavailability) + (mucosalFraction / parameters.OralBioavailability),
            MetaboliteRelativeBioavailability = swallowed * sublingual.MetaboliteRelativeBioavailability,
        };
        return parameters with
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"{parameters.Name} + sublingual what-if ({mucosalFraction:0.###} absorbed through the mouth lining)"),
            Formulations = formulations,
            SublingualWhatIfFraction = mucosalFraction,
        };
    }
}
