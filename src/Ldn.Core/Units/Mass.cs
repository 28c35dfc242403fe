using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>
/// An amount of drug, stored in milligrams of the labelled salt (naltrexone hydrochloride), because
/// every published apparent parameter this project uses is "per labelled mg".
/// </summary>
public readonly record struct Mass : IComparable<Mass>
{
    private Mass(double milligrams) => Milligrams = milligrams;

    public double Milligrams { get; }

    public double Micrograms => Milligrams * 1000.0;

    public static Mass Zero => default;

    public static Mass FromMilligrams(double milligrams) => new(milligrams);

    public static Mass FromMicrograms(double micrograms) => new(micrograms / 1000.0);

    public static Mass FromGrams(double grams) => new(grams * 1000.0);

    /// <summary>
    /// Reads a dose as written by a person: <c>4.5mg</c>, <c>4.5 mg</c>, <c>1500ug</c>, <c>1500 µg</c>,
    /// <c>1500mcg</c>, <c>0.002g</c>, or a bare number, which is milligrams.
    /// </summary>
    public static Mass Parse(string text)
    {
        var (value, unit) = QuantityText.Split(text, "dose");
        return unit.ToLowerInvariant() switch
        {
            "" or "mg" => FromMilligrams(value),
            "ug" or "µg" or "μg" or "mcg" => FromMicrograms(value),
            "g" => FromGrams(value),
            _ => throw new InvalidInputException(
                $"'{text}' is not a dose: '{unit}' is not a unit of mass for a dose (use mg, µg/ug/mcg or g, e.g. 4.5mg)."),
        };
    }

    public static Mass operator +(Mass left, Mass right) => new(left.Milligrams + right.Milligrams);

    public static Mass operator -(Mass left, Mass right) => new(left.Milligrams - right.Milligrams);

    public static Mass operator *(Mass mass, double factor) => new(mass.Milligrams * factor);

    public static Mass operator *(double factor, Mass mass) => new(mass.Milligrams * factor);

    public static MassConcentration operator /(Mass mass, Volume volume) =>
        MassConcentration.FromNanogramsPerMillilitre(mass.Milligrams * 1e6 / volume.Millilitres);

    public static bool operator <(Mass left, Mass right) => left.Milligrams < right.Milligrams;

    public static bool operator >(Mass left, Mass right) => left.Milligrams > right.Milligrams;

    public static bool operator <=(Mass left, Mass right) => left.Milligrams <= right.Milligrams;

    public static bool operator >=(Mass left, Mass right) => left.Milligrams >= right.Milligrams;

    public int CompareTo(Mass other) => Milligrams.CompareTo(other.Milligrams);

    public override string ToString() => Milligrams.ToString("0.###", CultureInfo.InvariantCulture) + " mg";
}
