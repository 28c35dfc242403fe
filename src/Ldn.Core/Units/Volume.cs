using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>A volume, stored in millilitres: a dose of liquid LDN or an apparent volume of distribution.</summary>
public readonly record struct Volume
{
    private Volume(double millilitres) => Millilitres = millilitres;

    public double Millilitres { get; }

    public double Litres => Millilitres / 1000.0;

    public static Volume FromMillilitres(double millilitres) => new(millilitres);

    public static Volume FromLitres(double litres) => new(litres * 1000.0);

    /// <summary>Reads <c>1.5mL</c>, <c>1.5 ml</c>, <c>3080L</c>; a bare number is millilitres.</summary>
    public static Volume Parse(string text)
    {
        var (value, unit) = QuantityText.Split(text, "volume");
        return unit.ToLowerInvariant() switch
        {
            "" or "ml" => FromMillilitres(value),
            "l" => FromLitres(value),
            "ul" or "µl" or "μl" => FromMillilitres(value / 1000.0),
            _ => throw new InvalidInputException(
                $"'{text}' is not a volume: '{unit}' is not a unit of volume (use mL or L, e.g. 1.5mL)."),
        };
    }

    public static Volume operator *(Volume volume, double factor) => new(volume.Millilitres * factor);

    public override string ToString() => Millilitres.ToString("0.###", CultureInfo.InvariantCulture) + " mL";
}
