using System.Globalization;

namespace Ldn.Core.Protocols;

/// <summary>
/// The dose of one protocol step: a fixed amount, or an amount per kilogram of body weight (the
/// paediatric scheme), which becomes a fixed amount once the patient's weight is known.
/// </summary>
public readonly record struct StepDose
{
    private StepDose(decimal milligrams, bool perKilogram)
    {
        Milligrams = milligrams;
        IsPerKilogram = perKilogram;
    }

    /// <summary>mg, or mg per kg when <see cref="IsPerKilogram"/>.</summary>
    public decimal Milligrams { get; }

    public bool IsPerKilogram { get; }

    public static StepDose Fixed(decimal milligrams) => new(milligrams, perKilogram: false);

    public static StepDose PerKilogram(decimal milligramsPerKilogram) => new(milligramsPerKilogram, perKilogram: true);

    public override string ToString() =>
        Milligrams.ToString("0.###", CultureInfo.InvariantCulture) + (IsPerKilogram ? " mg/kg" : " mg");
}
