using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>Molar mass in g/mol, used to convert between ng/mL and nM.</summary>
public readonly record struct MolarMass
{
    private MolarMass(double gramsPerMole) => GramsPerMole = gramsPerMole;

    public double GramsPerMole { get; }

    public static MolarMass FromGramsPerMole(double gramsPerMole) => new(gramsPerMole);

    public override string ToString() => GramsPerMole.ToString("0.##", CultureInfo.InvariantCulture) + " g/mol";
}
