using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// What the evidence is for the formulations a regimen uses, as sentences for the output (issue 12, item 6):
/// the liquid's faster absorption (Meyer 1984) and the absence of any human sublingual PK data; first, if any dose
/// falls at or after the end of the simulated span, that it was left out (<see cref="Regimen.DosesAfterHorizonNote"/>).
/// </summary>
public static class FormulationNotes
{
    /// <summary>Zero or more sentences about the formulations in <paramref name="regimen"/> under <paramref name="parameters"/>.</summary>
    public static IReadOnlyList<string> For(Regimen regimen, ModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(parameters);
        var notes = new List<string>();
        if (regimen.DosesAfterHorizonNote is { } horizonNote)
        {
            notes.Add(horizonNote);
        }

        if (regimen.FormulationsUsed.Contains(Formulation.Liquid))
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"Oral liquid: absorbed faster than the tablet to the same extent (Meyer 1984); its rate, {parameters.For(Formulation.Liquid).AbsorptionRate.PerHour:0.##}/h against the tablet's {parameters.For(Formulation.Tablet).AbsorptionRate.PerHour:0.##}/h, is assumed, as the study gives none."));
        }

        if (regimen.FormulationsUsed.Contains(Formulation.Sublingual))
        {
            notes.Add(parameters.SublingualWhatIfFraction > 0
                ? string.Create(CultureInfo.InvariantCulture,
                    $"WHAT-IF, not data: {parameters.SublingualWhatIfFraction * 100:0.#}% of each sublingual dose is assumed to bypass first pass (oral bioavailability {parameters.OralBioavailability * 100:0.#}%, Meyer 1984), raising naltrexone exposure {parameters.For(Formulation.Sublingual).ParentRelativeBioavailability:0.#}-fold; no human sublingual PK data exist.")
                : "Sublingual: no human PK data exist, so the drops are modelled as swallowed (like the tablet); --sublingual-what-if FRACTION tries the less-first-pass hypothesis as a what-if.");
        }

        return notes;
    }
}
