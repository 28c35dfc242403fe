namespace Ldn.Core.Pharmacology.Solvers;

/// <summary>
/// The modified Rosenbrock pair of order 2(3) of Shampine &amp; Reichelt, "The MATLAB ODE Suite",
/// SIAM J. Sci. Comput. 18(1), 1997, §3 (MATLAB's <c>ode23s</c>): Wolfbrandt's L-stable second-order
/// formula with an error-estimating third-order companion that reuses the next step's first
/// evaluation, for stiff systems.
/// <para>
/// Why it exists: an explicit method such as <see cref="DormandPrince45"/> must keep h·|λ| inside
/// its small stability region for every eigenvalue λ of the Jacobian, even for components that
/// decayed long ago, so a fast process (e.g. a rapid distribution or elimination phase next to a
/// slow one) forces tiny steps for the whole run. This formula is L-stable: it is stable for any
/// h on decaying modes and damps very fast ones to zero, so the step size follows accuracy only.
/// It is linearly implicit: each step solves linear systems with W = I − h·d·J instead of
/// iterating Newton, which makes the cost per step predictable.
/// </para>
/// <para>
/// The step advances with the 2nd-order result (no local extrapolation); the 3rd-order companion
/// is used only for the error estimate, and it reuses F2 = f(t+h, y_new), which is also the first
/// evaluation of the next step. J and ∂f/∂t are taken by forward differences, as in ode23s, at
/// every new point; after a rejection they are kept (the point has not moved) and only W is
/// refactored for the smaller h.
/// </para>
/// <para>
/// Known limitation: like every Rosenbrock method (stage order 1) it loses order on stiff
/// problems with time-dependent forcing (local error ~h² once h·|λ| ≫ 1; Hairer &amp; Wanner,
/// <i>Solving ODEs II</i>, §IV.15), so it then takes more, though still stable, steps.
/// </para>
/// <para>
/// All buffers are allocated in the constructor; <see cref="Integrate{TSystem, TObserver}"/>
/// allocates nothing. One instance is not thread-safe: give each thread its own.
/// </para>
/// </summary>
public sealed class Rosenbrock23
{
    // d = 1/(2+√2) is the single diagonal coefficient that makes the 2nd-order formula L-stable;
    // e32 = 6+√2 belongs to the 3rd-order stage used for the error estimate (paper, §3).
    private static readonly double D = 1.0 / (2.0 + Math.Sqrt(2.0));
    private static readonly double E32 = 6.0 + Math.Sqrt(2.0);
    private static readonly double SqrtEpsilon = Math.Sqrt(Math.BitIncrement(1.0) - 1.0);

    // Step control for an order-2 solution with an order-3 estimate: error ∝ h³.
    private const double Safety = 0.8, MinFactor = 0.2, MaxFactor = 5.0, ErrorExponent = -1.0 / 3.0;
    private const int MaxStepsPerCall = 1_000_000;

    private readonly int _n;
    private readonly OdeTolerances _tolerances;
    private readonly double[] _f0, _f1, _f2, _k1, _k2, _k3, _dfdt, _stage, _yNew, _error, _dense;

    // Row-major J = ∂f/∂y at the current point, kept so a rejected step only refactors W.
    private readonly double[] _jacobian;
    private readonly DenseLu _w;
    private SolverStatistics _statistics;

    public Rosenbrock23(int dimension, OdeTolerances tolerances)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        tolerances.Validate();
        _n = dimension;
        _tolerances = tolerances;
        _f0 = new double[dimension];
        _f1 = new double[dimension];
        _f2 = new double[dimension];
        _k1 = new double[dimension];
        _k2 = new double[dimension];
        _k3 = new double[dimension];
        _dfdt = new double[dimension];
        _stage = new double[dimension];
        _yNew = new double[dimension];
        _error = new double[dimension];

        // Row 5 stays zero: the interpolant is the cubic Hermite one (see FillDense).
        _dense = new double[5 * dimension];
        _jacobian = new double[dimension * dimension];
        _w = new DenseLu(dimension);
    }

    public SolverStatistics Statistics => _statistics;

    public void ResetStatistics() => _statistics = default;

    /// <summary>
    /// Advances <paramref name="y"/> from <paramref name="t0"/> to exactly <paramref name="t1"/>,
    /// handing every accepted step to <paramref name="observer"/>. Discontinuities (doses) belong
    /// between calls: integrate to the dose time, change <paramref name="y"/>, call again.
    /// </summary>
    public void Integrate<TSystem, TObserver>(ref TSystem system, Span<double> y, double t0, double t1, ref TObserver observer)
        where TSystem : struct, IOdeSystem
        where TObserver : struct, IStepObserver
    {
        if (y.Length != _n)
        {
            throw new ArgumentException($"State has {y.Length} components, solver expects {_n}.", nameof(y));
        }

        if (!(t1 > t0))
        {
            return;
        }

        var n = _n;
        system.Derivatives(t0, y, _f0);
        _statistics.FunctionEvaluations++;
        var h = InitialStep(ref system, y, t0, t1 - t0);
        var t = t0;
        var rejectedLast = false;
        var derivativesCurrent = false;

        for (var steps = 0; ; steps++)
        {
            if (steps >= MaxStepsPerCall)
            {
                throw new InvalidOperationException($"The stiff ODE solver needed more than {MaxStepsPerCall} steps between t={t0} and t={t1}.");
            }

            var last = false;
            if (t + (h * 1.0001) >= t1)
            {
                h = t1 - t;
                last = true;
            }

            if (!(t + h > t))
            {
                throw new InvalidOperationException($"The stiff ODE solver's step size underflowed at t={t} (between t={t0} and t={t1}).");
            }

            if (!derivativesCurrent)
            {
                PartialDerivatives(ref system, y, t, h);
                derivativesCurrent = true;
            }

            var err = TryStep(ref system, y, t, h) ? ErrorNorm.Scaled(_error, y, _yNew, _tolerances) : double.PositiveInfinity;
            if (!double.IsFinite(err))
            {
                err = 1e10;
            }

            if (err <= 1.0)
            {
                _statistics.AcceptedSteps++;
                FillDense(y, h);
                var tNew = last ? t1 : t + h;
                var step = new DenseStep(t, tNew, _dense, n);
                observer.OnStep(in step);

                _yNew.AsSpan().CopyTo(y);
                _f2.AsSpan().CopyTo(_f0); // f(t+h, y_new) is the next step's F0
                t = tNew;
                derivativesCurrent = false;
                if (last)
                {
                    return;
                }

                var factor = err == 0 ? MaxFactor : Math.Min(MaxFactor, Math.Max(MinFactor, Safety * Math.Pow(err, ErrorExponent)));
                if (rejectedLast)
                {
                    factor = Math.Min(factor, 1.0);
                }

                h *= factor;
                rejectedLast = false;
            }
            else
            {
                _statistics.RejectedSteps++;
                h *= Math.Max(MinFactor, Safety * Math.Pow(err, ErrorExponent));
                rejectedLast = true;
            }
        }
    }

    /// <summary>
    /// One attempted step of the formula (paper, §3); leaves y_new in <c>_yNew</c>, f(t+h, y_new)
    /// in <c>_f2</c> and the local error estimate h/6·(k1 − 2k2 + k3) in <c>_error</c>. Returns false
    /// if W is singular to working precision, which the caller treats as a rejection.
    /// </summary>
    private bool TryStep<TSystem>(ref TSystem system, ReadOnlySpan<double> y, double t, double h)
        where TSystem : struct, IOdeSystem
    {
        var n = _n;
        var hd = h * D;
        var w = _w.Matrix;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                w[(i * n) + j] = (i == j ? 1.0 : 0.0) - (hd * _jacobian[(i * n) + j]);
            }
        }

        if (!_w.TryFactor())
        {
            return false;
        }

        // k1 = W⁻¹(F0 + h·d·T)
        for (var i = 0; i < n; i++)
        {
            _k1[i] = _f0[i] + (hd * _dfdt[i]);
        }

        _w.Solve(_k1);

        // F1 = f(t + h/2, y + h/2·k1);  k2 = W⁻¹(F1 − k1) + k1
        for (var i = 0; i < n; i++)
        {
            _stage[i] = y[i] + (0.5 * h * _k1[i]);
        }

        system.Derivatives(t + (0.5 * h), _stage, _f1);
        for (var i = 0; i < n; i++)
        {
            _k2[i] = _f1[i] - _k1[i];
        }

        _w.Solve(_k2);
        for (var i = 0; i < n; i++)
        {
            _k2[i] += _k1[i];
            _yNew[i] = y[i] + (h * _k2[i]);
        }

        // F2 = f(t + h, y_new);  k3 = W⁻¹(F2 − e32(k2 − F1) − 2(k1 − F0) + h·d·T)
        system.Derivatives(t + h, _yNew, _f2);
        _statistics.FunctionEvaluations += 2;
        for (var i = 0; i < n; i++)
        {
            _k3[i] = _f2[i] - (E32 * (_k2[i] - _f1[i])) - (2.0 * (_k1[i] - _f0[i])) + (hd * _dfdt[i]);
        }

        _w.Solve(_k3);
        for (var i = 0; i < n; i++)
        {
            _error[i] = h / 6.0 * (_k1[i] - (2.0 * _k2[i]) + _k3[i]);
        }

        return true;
    }

    /// <summary>
    /// J = ∂f/∂y and T = ∂f/∂t at (t, y) by forward differences against F0 (n + 1 evaluations).
    /// The increment for y_j is √ε·max(|y_j|, |h·f_j|, Absolute/Relative): √ε balances truncation
    /// against rounding error; |h·f_j| (how far y_j moves in one step) keeps the increment
    /// meaningful for a component that is still zero but about to fill, e.g. a central compartment
    /// before absorption; Absolute/Relative is the magnitude below which the error control stops
    /// caring about y_j, MATLAB's "threshold". The t increment is ode23s's: √ε·max(|t|, |t+h|),
    /// at most h.
    /// </summary>
    private void PartialDerivatives<TSystem>(ref TSystem system, ReadOnlySpan<double> y, double t, double h)
        where TSystem : struct, IOdeSystem
    {
        var n = _n;
        var threshold = _tolerances.Absolute / _tolerances.Relative;
        y.CopyTo(_stage);
        for (var j = 0; j < n; j++)
        {
            var yj = y[j];
            var scale = Math.Max(Math.Max(Math.Abs(yj), Math.Abs(h * _f0[j])), threshold);
            _stage[j] = yj + (SqrtEpsilon * scale);
            var delta = _stage[j] - yj; // the increment actually representable
            system.Derivatives(t, _stage, _f1);
            for (var i = 0; i < n; i++)
            {
                _jacobian[(i * n) + j] = (_f1[i] - _f0[i]) / delta;
            }

            _stage[j] = yj;
        }

        var tDelta = (t + Math.Min(SqrtEpsilon * Math.Max(Math.Abs(t), Math.Abs(t + h)), h)) - t;
        system.Derivatives(t + tDelta, y, _f1);
        for (var i = 0; i < n; i++)
        {
            _dfdt[i] = (_f1[i] - _f0[i]) / tDelta;
        }

        _statistics.FunctionEvaluations += n + 1;
        _statistics.JacobianEvaluations++;
    }

    /// <summary>
    /// The cubic Hermite interpolant through (y0, F0) and (y_new, F2) in Hairer's 5-row form with
    /// r5 = 0: it matches both ends and both slopes, and costs no extra evaluation. (ode23s has its
    /// own interpolant from k1, k2; the Hermite one is used so both solvers share one DenseStep.)
    /// </summary>
    private void FillDense(ReadOnlySpan<double> y, double h)
    {
        var n = _n;
        var d = _dense;
        for (var i = 0; i < n; i++)
        {
            var difference = _yNew[i] - y[i];
            var slopeStart = (h * _f0[i]) - difference;
            d[i] = y[i];
            d[n + i] = difference;
            d[(2 * n) + i] = slopeStart;
            d[(3 * n) + i] = difference - (h * _f2[i]) - slopeStart;
        }
    }

    /// <summary>
    /// Hairer's starting-step heuristic (HNW I, §II.4) with the exponent for a local error ∝ h³:
    /// one explicit Euler probe estimates the second derivative. On a stiff problem the probe sees
    /// the fast eigenvalue and starts small; the controller then grows h by up to 5× per step.
    /// </summary>
    private double InitialStep<TSystem>(ref TSystem system, ReadOnlySpan<double> y, double t, double span)
        where TSystem : struct, IOdeSystem
    {
        var n = _n;
        double d0 = 0, d1 = 0;
        for (var i = 0; i < n; i++)
        {
            var scale = _tolerances.Absolute + (_tolerances.Relative * Math.Abs(y[i]));
            d0 += (y[i] / scale) * (y[i] / scale);
            d1 += (_f0[i] / scale) * (_f0[i] / scale);
        }

        d0 = Math.Sqrt(d0 / n);
        d1 = Math.Sqrt(d1 / n);
        var h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, span);

        for (var i = 0; i < n; i++)
        {
            _stage[i] = y[i] + (h0 * _f0[i]);
        }

        system.Derivatives(t + h0, _stage, _f1);
        _statistics.FunctionEvaluations++;
        double d2 = 0;
        for (var i = 0; i < n; i++)
        {
            var scale = _tolerances.Absolute + (_tolerances.Relative * Math.Abs(y[i]));
            var diff = (_f1[i] - _f0[i]) / scale;
            d2 += diff * diff;
        }

        d2 = Math.Sqrt(d2 / n) / h0;
        var max = Math.Max(d1, d2);
        var h1 = max <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / max, 1.0 / 3.0);
        return Math.Min(Math.Min(100 * h0, h1), span);
    }
}
