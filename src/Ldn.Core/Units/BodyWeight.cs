using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>
/// A patient's body weight in kilograms, for weight-based (paediatric) dosing. Parsing rejects weights
/// no person has, so that "900kg" or a weight typed in grams is caught rather than turned into a dose.
/// </summary>
public readonly record struct BodyWeight
{
    /// <summary>A preterm newborn weighs about 0.5 kg; nobody weighs less.</summary>
    public const decimal LightestKg = 0.5m;

    /// <summary>Above the heaviest weights seen in clinical practice; a larger figure is a typo.</summary>
    public const decimal HeaviestKg = 350m;

    private const decimal KilogramsPerPound = 0.45359237m;

    private BodyWeight(decimal kilograms) => Kilograms = kilograms;

    public decimal Kilograms { get; }

    public static BodyWeight FromKilograms(decimal kilograms)
    {
        if (kilograms is < LightestKg or > HeaviestKg)
        {
            throw new InvalidInputException(
                $"A body weight of {kilograms.ToString("0.##", CultureInfo.InvariantCulture)} kg is not plausible (expected {LightestKg}–{HeaviestKg} kg); check the number and the unit.");
        }

        return new BodyWeight(kilograms);
    }

    /// <summary>Reads <c>30kg</c>, <c>30 kg</c> or <c>66lb</c>; a bare number is kilograms.</summary>
    public static BodyWeight Parse(string text)
    {
        var (value, unit) = QuantityText.Split(text, "body weight");
        if (Math.Abs(value) > 1e9)
        {
            throw new InvalidInputException($"'{text}' is not a plausible body weight.");
        }

        var number = (decimal)value;
        return unit.ToLowerInvariant() switch
        {
            "" or "kg" => FromKilograms(number),
            "lb" or "lbs" => FromKilograms(decimal.Round(number * KilogramsPerPound, 2)),
            _ => throw new InvalidInputException($"'{text}' is not a body weight: '{unit}' is not a unit of weight (use kg or lb, e.g. 30kg)."),
        };
    }

    public override string ToString() => Kilograms.ToString("0.##", CultureInfo.InvariantCulture) + " kg";
}
