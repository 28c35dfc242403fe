using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Population;

/// <summary>
/// Between-subject variability of the model parameters: log-normal factors exp(η) with
/// η ~ N(0, Ω), ω² = ln(1 + CV²), correlated through a correlation matrix; plus the accuracy of a
/// compounded dose (log-normal factor on every dose of a subject) and adherence (each dose missed
/// with a probability). Read from the <c>variability</c> section of the parameter file.
/// </summary>
public sealed class PopulationVariability
{
    /// <summary>Parameters that may vary, as named in the parameter file.</summary>
    public static IReadOnlyList<string> VariableParameters { get; } =
    [
        "parentVolume", "parentEliminationRate", "metaboliteVolume", "metaboliteEliminationRate", "absorptionRate",
        "receptorSensitivity", "effectSiteLossRate", "receptorTurnoverRate", "receptorUpregulation", "synthesisTurnoverRate", "synthesisUpregulation",
    ];

    private readonly double[] _cholesky;

    public PopulationVariability(IReadOnlyList<string> parameters, IReadOnlyList<double> cvs, double[,] correlation, double doseAccuracyCv, double missedDoseProbability, IReadOnlyList<ParameterEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(cvs);
        ArgumentNullException.ThrowIfNull(correlation);
        Parameters = parameters;
        Omegas = [.. cvs.Select(cv => Math.Sqrt(Math.Log(1 + (cv * cv))))];
        Correlation = correlation;
        DoseAccuracyOmega = Math.Sqrt(Math.Log(1 + (doseAccuracyCv * doseAccuracyCv)));
        MissedDoseProbability = missedDoseProbability;
        Entries = entries;
        _cholesky = Cholesky(correlation, parameters.Count)
            ?? throw new InvalidInputException("The variability correlation matrix is not positive definite; check the correlations between parameters.");
    }

    public IReadOnlyList<string> Parameters { get; }

    /// <summary>SD of η for each parameter.</summary>
    public IReadOnlyList<double> Omegas { get; }

    public double[,] Correlation { get; }

    public double DoseAccuracyOmega { get; }

    public double MissedDoseProbability { get; }

    public IReadOnlyList<ParameterEntry> Entries { get; }

    /// <summary>Draws one subject's factors exp(η) into <paramref name="factors"/> (length = parameter count).</summary>
    public void Sample(ref SubjectRandom random, Span<double> factors)
    {
        var n = Parameters.Count;
        Span<double> z = stackalloc double[n];
        for (var i = 0; i < n; i++)
        {
            z[i] = random.NextGaussian();
        }

        for (var i = 0; i < n; i++)
        {
            double correlated = 0;
            for (var j = 0; j <= i; j++)
            {
                correlated += _cholesky[(i * n) + j] * z[j];
            }

            factors[i] = Math.Exp(Omegas[i] * correlated);
        }
    }

    /// <summary>Lower Cholesky factor (row-major) or null if the matrix is not positive definite.</summary>
    private static double[]? Cholesky(double[,] matrix, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (sum <= 1e-12)
                    {
                        return null;
                    }

                    l[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        return l;
    }
}
