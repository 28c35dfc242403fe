using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>An area under a concentration–time curve (AUC), stored in ng·h/mL.</summary>
public readonly record struct Exposure
{
    private Exposure(double nanogramHoursPerMillilitre) => NanogramHoursPerMillilitre = nanogramHoursPerMillilitre;

    public double NanogramHoursPerMillilitre { get; }

    public static Exposure FromNanogramHoursPerMillilitre(double value) => new(value);

    public override string ToString() => NanogramHoursPerMillilitre.ToString("G4", CultureInfo.InvariantCulture) + " ng·h/mL";
}
