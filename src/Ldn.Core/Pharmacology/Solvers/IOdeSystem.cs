namespace Ldn.Core.Pharmacology.Solvers;

/// <summary>
/// A system of ordinary differential equations dy/dt = f(t, y). Implementations are structs so the
/// solvers, being generic over them, get the right-hand side inlined and never box or allocate.
/// </summary>
public interface IOdeSystem
{
    int Dimension { get; }

    /// <summary>Writes f(t, y) into <paramref name="dydt"/>. Must not allocate.</summary>
    void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt);
}

/// <summary>Receives every accepted step with its dense output, e.g. to sample a time grid.</summary>
public interface IStepObserver
{
    void OnStep(in DenseStep interval);
}
