using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>A plasma concentration by mass, stored in ng/mL (the unit assays report).</summary>
public readonly record struct MassConcentration
{
    private MassConcentration(double nanogramsPerMillilitre) => NanogramsPerMillilitre = nanogramsPerMillilitre;

    public double NanogramsPerMillilitre { get; }

    public static MassConcentration FromNanogramsPerMillilitre(double value) => new(value);

    /// <summary>Converts to a molar concentration: 1 ng/mL of a 341.4 g/mol compound is 2.93 nM.</summary>
    public MolarConcentration ToMolar(MolarMass molarMass) =>
        MolarConcentration.FromNanomolar(NanogramsPerMillilitre * 1000.0 / molarMass.GramsPerMole);

    public override string ToString() => NanogramsPerMillilitre.ToString("G4", CultureInfo.InvariantCulture) + " ng/mL";
}
