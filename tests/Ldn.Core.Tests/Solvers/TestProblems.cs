using Ldn.Core.Pharmacology.Solvers;

namespace Ldn.Core.Tests.Solvers;

/// <summary>An ODE test problem with a closed-form solution to compare the solvers against.</summary>
internal interface IClosedFormProblem : IOdeSystem
{
    double T0 { get; }

    double T1 { get; }

    void InitialState(Span<double> y);

    double Exact(double t, int index);
}

/// <summary>y' = −k·y, y(0) = 3: y(t) = 3·e^(−k·t). The simplest non-trivial case (one-compartment IV bolus).</summary>
internal readonly struct ExponentialDecay : IClosedFormProblem
{
    private const double K = 0.7, Y0 = 3.0;

    public int Dimension => 1;

    public double T0 => 0;

    public double T1 => 10;

    public void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = -K * y[0];

    public void InitialState(Span<double> y) => y[0] = Y0;

    public double Exact(double t, int index) => Y0 * Math.Exp(-K * t);
}

/// <summary>
/// Oral dose into a depot with first-order absorption into a central compartment with first-order
/// elimination (ka = 2.5/h, k = 0.173/h, dose 100 over 48 h). Central follows the Bateman function
/// A_c(t) = D·ka/(ka − k)·(e^(−k·t) − e^(−ka·t)). The central compartment starts at exactly zero.
/// </summary>
internal readonly struct DepotCentralChain : IClosedFormProblem
{
    private const double Ka = 2.5, K = 0.173, Dose = 100.0;

    public int Dimension => 2;

    public double T0 => 0;

    public double T1 => 48;

    public void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = -Ka * y[0];
        dydt[1] = (Ka * y[0]) - (K * y[1]);
    }

    public void InitialState(Span<double> y)
    {
        y[0] = Dose;
        y[1] = 0;
    }

    public double Exact(double t, int index) => index == 0
        ? Dose * Math.Exp(-Ka * t)
        : Dose * Ka / (Ka - K) * (Math.Exp(-K * t) - Math.Exp(-Ka * t));
}

/// <summary>
/// y' = A·y with A = V·diag(−1, −10000)·V⁻¹, V = [[1, 1], [1, −2]] (columns are the eigenvectors),
/// i.e. A = [[−3334, 3333], [6666, −6667]]. A is deliberately not symmetric so that a transposed
/// Jacobian would be caught. Stiffness ratio 10⁴: after the first ~10⁻³ time units the fast mode is
/// gone, but an explicit method must still keep h ≲ 3.3/10000 for stability.
/// Closed form: y(t) = c1·e^(−t)·v1 + c2·e^(−10000·t)·v2 with c = V⁻¹·y0.
/// </summary>
internal readonly struct StiffLinear : IClosedFormProblem
{
    public const double Slow = -1.0, Fast = -10000.0;
    private const double A11 = -3334, A12 = 3333, A21 = 6666, A22 = -6667;
    private const double Y01 = 1.0, Y02 = 4.0;

    public int Dimension => 2;

    public double T0 => 0;

    public double T1 => 10;

    public void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        dydt[0] = (A11 * y[0]) + (A12 * y[1]);
        dydt[1] = (A21 * y[0]) + (A22 * y[1]);
    }

    public void InitialState(Span<double> y)
    {
        y[0] = Y01;
        y[1] = Y02;
    }

    public double Exact(double t, int index)
    {
        // V = [[1, 1], [1, −2]], V⁻¹ = [[2/3, 1/3], [1/3, −1/3]].
        var c1 = ((2.0 / 3.0) * Y01) + ((1.0 / 3.0) * Y02);
        var c2 = ((1.0 / 3.0) * Y01) - ((1.0 / 3.0) * Y02);
        var v2 = index == 0 ? 1.0 : -2.0;
        return (c1 * Math.Exp(Slow * t)) + (c2 * v2 * Math.Exp(Fast * t));
    }
}

/// <summary>
/// Prothero–Robinson: y' = λ·(y − sin t) + cos t, y(0) = 0, λ = −10000, whose solution is y = sin t.
/// Stiff and non-autonomous, so it exercises Rosenbrock's ∂f/∂t term: without it the formula
/// loses its order on time-dependent problems.
/// </summary>
internal readonly struct ProtheroRobinson : IClosedFormProblem
{
    private const double Lambda = -10000.0;

    public int Dimension => 1;

    public double T0 => 0;

    public double T1 => 10;

    public void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt) =>
        dydt[0] = (Lambda * (y[0] - Math.Sin(t))) + Math.Cos(t);

    public void InitialState(Span<double> y) => y[0] = 0;

    public double Exact(double t, int index) => Math.Sin(t);
}
