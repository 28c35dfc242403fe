using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>A molar concentration, stored in nmol/L (nM): the unit of binding constants.</summary>
public readonly record struct MolarConcentration
{
    private MolarConcentration(double nanomolar) => Nanomolar = nanomolar;

    public double Nanomolar { get; }

    public static MolarConcentration FromNanomolar(double nanomolar) => new(nanomolar);

    public static MolarConcentration FromMicromolar(double micromolar) => new(micromolar * 1000.0);

    public MassConcentration ToMass(MolarMass molarMass) =>
        MassConcentration.FromNanogramsPerMillilitre(Nanomolar * molarMass.GramsPerMole / 1000.0);

    public override string ToString() => Nanomolar.ToString("G4", CultureInfo.InvariantCulture) + " nM";
}
