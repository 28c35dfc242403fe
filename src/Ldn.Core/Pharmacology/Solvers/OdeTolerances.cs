namespace Ldn.Core.Pharmacology.Solvers;

/// <summary>
/// Error control: a step is accepted when its local error estimate e_i satisfies
/// sqrt(mean((e_i / (Absolute + Relative·|y_i|))²)) ≤ 1.
/// </summary>
public readonly record struct OdeTolerances(double Relative, double Absolute)
{
    /// <summary>
    /// Tight enough that solver error is far below any model uncertainty (concentrations to ~1e-8
    /// relative), cheap enough on these small systems not to matter.
    /// </summary>
    public static OdeTolerances Default { get; } = new(1e-8, 1e-12);

    public void Validate()
    {
        if (!(Relative > 0 && Relative < 1) || !(Absolute > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Relative), "Tolerances must be positive and the relative one below 1.");
        }
    }
}

/// <summary>Work done by a solver, for benchmarks and for tests that compare methods.</summary>
public record struct SolverStatistics(int AcceptedSteps, int RejectedSteps, int FunctionEvaluations, int JacobianEvaluations);
