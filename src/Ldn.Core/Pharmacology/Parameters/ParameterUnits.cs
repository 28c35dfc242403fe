namespace Ldn.Core.Pharmacology.Parameters;

/// <summary>The physical dimension a parameter must have, and the unit symbols accepted for it.</summary>
internal enum Dimension
{
    Rate,
    Volume,
    MolarConcentration,
    MolarMass,
    Dimensionless,

    /// <summary>An amount of drug (mg of labelled dose).</summary>
    Amount,

    /// <summary>A second-order rate constant, per nM per hour (binding association).</summary>
    AssociationRate,
}

internal static class ParameterUnits
{
    /// <summary>Factor that converts a value in <paramref name="unit"/> to the model's base unit
    /// (per hour, litres, nM, g/mol, 1), or null if the unit does not fit the dimension.</summary>
    public static double? ToBase(Dimension dimension, string unit) => (dimension, unit.Trim()) switch
    {
        (Dimension.Rate, "1/h" or "/h" or "h-1") => 1.0,
        (Dimension.Rate, "1/day" or "/day" or "1/d" or "day-1") => 1.0 / 24.0,
        (Dimension.Rate, "1/min" or "/min" or "min-1") => 60.0,
        (Dimension.Volume, "L" or "l") => 1.0,
        (Dimension.Volume, "mL" or "ml") => 1e-3,
        (Dimension.MolarConcentration, "nM") => 1.0,
        (Dimension.MolarConcentration, "uM" or "µM" or "μM") => 1000.0,
        (Dimension.MolarMass, "g/mol") => 1.0,
        (Dimension.Dimensionless, "1" or "-" or "") => 1.0,
        (Dimension.Amount, "mg") => 1.0,
        (Dimension.Amount, "ug" or "µg" or "μg") => 1e-3,
        (Dimension.AssociationRate, "1/(nM*h)" or "1/(nM·h)" or "1/nM/h") => 1.0,
        (Dimension.AssociationRate, "1/(nM*min)" or "1/(nM·min)" or "1/nM/min") => 60.0,
        _ => null,
    };

    public static string Expected(Dimension dimension) => dimension switch
    {
        Dimension.Rate => "1/h, 1/day or 1/min",
        Dimension.Volume => "L or mL",
        Dimension.MolarConcentration => "nM or uM",
        Dimension.MolarMass => "g/mol",
        Dimension.Amount => "mg or ug",
        Dimension.AssociationRate => "1/(nM*h) or 1/(nM*min)",
        _ => "\"1\"",
    };
}
