using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>A first-order rate constant, stored per hour.</summary>
public readonly record struct RateConstant
{
    private RateConstant(double perHour) => PerHour = perHour;

    public double PerHour { get; }

    public double PerDay => PerHour * 24.0;

    public Duration HalfLife => Duration.FromHours(Math.Log(2.0) / PerHour);

    public static RateConstant FromPerHour(double perHour) => new(perHour);

    public static RateConstant FromPerDay(double perDay) => new(perDay / 24.0);

    public static RateConstant FromHalfLife(Duration halfLife) => new(Math.Log(2.0) / halfLife.Hours);

    public override string ToString() => PerHour.ToString("G4", CultureInfo.InvariantCulture) + " /h";
}
