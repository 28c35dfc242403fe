namespace Ldn.Core.Tests.Solvers;

/// <summary>The solver under test, for theories that run both.</summary>
public enum SolverKind
{
    DormandPrince45,
    Rosenbrock23,
}
