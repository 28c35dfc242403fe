namespace Ldn.Core.Pharmacology.Solvers;

internal static class ErrorNorm
{
    /// <summary>RMS of the scaled local error, the usual norm of Hairer, Nørsett and Wanner.</summary>
    public static double Scaled(ReadOnlySpan<double> error, ReadOnlySpan<double> y0, ReadOnlySpan<double> y1, OdeTolerances tolerances)
    {
        var sum = 0.0;
        for (var i = 0; i < error.Length; i++)
        {
            var scale = tolerances.Absolute + (tolerances.Relative * Math.Max(Math.Abs(y0[i]), Math.Abs(y1[i])));
            var ratio = error[i] / scale;
            sum += ratio * ratio;
        }

        return Math.Sqrt(sum / error.Length);
    }
}
