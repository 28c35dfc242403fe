namespace Ldn.Core.Dosing;

/// <summary>
/// How a dose is given. Each has its own absorption and bioavailability entry in the parameter file;
/// only the tablet is backed by human PK data, the others are stated there as assumptions.
/// </summary>
public enum Formulation
{
    /// <summary>Compounded immediate-release capsule: the usual LDN product.</summary>
    Capsule,

    /// <summary>Commercial 50 mg immediate-release tablet (the formulation of the published PK).</summary>
    Tablet,

    /// <summary>Oral liquid, e.g. a tablet dissolved in water and measured with a syringe.</summary>
    Liquid,

    /// <summary>Sublingual drops held under the tongue.</summary>
    Sublingual,
}

public static class Formulations
{
    public static IReadOnlyList<Formulation> All { get; } = Enum.GetValues<Formulation>();

    public static string Name(this Formulation formulation) => formulation switch
    {
        Formulation.Capsule => "capsule",
        Formulation.Tablet => "tablet",
        Formulation.Liquid => "liquid",
        Formulation.Sublingual => "sublingual",
        _ => throw new ArgumentOutOfRangeException(nameof(formulation)),
    };

    public static Formulation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var formulation in All)
        {
            if (string.Equals(formulation.Name(), text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return formulation;
            }
        }

        throw new InvalidInputException(
            $"'{text}' is not a known formulation (use {string.Join(", ", All.Select(f => f.Name()))}).");
    }
}
