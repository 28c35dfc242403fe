namespace Ldn.Core.Pharmacology.Structures;

/// <summary>The saturable occupancy every structure reads its blockade through.</summary>
internal static class Occupancy
{
    /// <summary>
    /// x/(x+K), clamped at zero: the solver may return a concentration a rounding error below zero
    /// long after a dose, and a blockade must never be negative.
    /// </summary>
    public static double Saturation(double concentration, double halfSaturation)
    {
        var c = Math.Max(0.0, concentration);
        return c / (c + halfSaturation);
    }
}
