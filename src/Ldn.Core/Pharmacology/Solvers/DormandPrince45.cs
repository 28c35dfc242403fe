namespace Ldn.Core.Pharmacology.Solvers;

/// <summary>
/// The explicit Runge–Kutta pair of Dormand and Prince, order 5(4), with Hairer's 4th-order dense
/// output (Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, §II.5–6, code DOPRI5). Every buffer is
/// allocated once in the constructor; <see cref="Integrate{TSystem, TObserver}"/> allocates nothing.
/// One instance is not thread-safe: give each thread its own.
/// </summary>
public sealed class DormandPrince45
{
    // Butcher tableau.
    private const double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double A71 = 35.0 / 384, A73 = 500.0 / 1113, A74 = 125.0 / 192, A75 = -2187.0 / 6784, A76 = 11.0 / 84;

    // Difference between the 5th- and 4th-order weights: the local error estimate.
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    // Dense output (Hairer's contd5 coefficients).
    private const double D1 = -12715105075.0 / 11282082432, D3 = 87487479700.0 / 32700410799, D4 = -10690763975.0 / 1880347072;
    private const double D5 = 701980252875.0 / 199316789632, D6 = -1453857185.0 / 822651844, D7 = 69997945.0 / 29380423;

    private const double Safety = 0.9, MinFactor = 0.2, MaxFactor = 10.0;
    private const int MaxStepsPerCall = 1_000_000;

    private readonly int _n;
    private readonly double[] _k1, _k2, _k3, _k4, _k5, _k6, _k7, _stage, _yNew, _error, _dense;
    private readonly OdeTolerances _tolerances;
    private SolverStatistics _statistics;

    public DormandPrince45(int dimension, OdeTolerances tolerances)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        tolerances.Validate();
        _n = dimension;
        _tolerances = tolerances;
        _k1 = new double[dimension];
        _k2 = new double[dimension];
        _k3 = new double[dimension];
        _k4 = new double[dimension];
        _k5 = new double[dimension];
        _k6 = new double[dimension];
        _k7 = new double[dimension];
        _stage = new double[dimension];
        _yNew = new double[dimension];
        _error = new double[dimension];
        _dense = new double[5 * dimension];
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

        if (!double.IsFinite(t0) || !double.IsFinite(t1))
        {
            throw new ArgumentException($"Integration bounds must be finite (t0={t0}, t1={t1}).", nameof(t1));
        }

        if (!(t1 > t0))
        {
            return;
        }

        var n = _n;
        var tol = _tolerances;
        system.Derivatives(t0, y, _k1);
        _statistics.FunctionEvaluations++;
        var h = InitialStep(ref system, y, t0, t1 - t0);
        var t = t0;
        var rejectedLast = false;

        for (var steps = 0; ; steps++)
        {
            if (steps >= MaxStepsPerCall)
            {
                throw new InvalidOperationException($"The ODE solver needed more than {MaxStepsPerCall} steps between t={t0} and t={t1}.");
            }

            if (t + h == t)
            {
                // The step has shrunk below the resolution of t: the right-hand side is not finite or
                // not smooth here. Stop rather than loop a million times.
                throw new InvalidOperationException($"The ODE solver's step size underflowed at t={t}.");
            }

            var last = false;
            if (t + (h * 1.0001) >= t1)
            {
                h = t1 - t;
                last = true;
            }

            Stages(ref system, y, t, h);

            for (var i = 0; i < n; i++)
            {
                _error[i] = h * ((E1 * _k1[i]) + (E3 * _k3[i]) + (E4 * _k4[i]) + (E5 * _k5[i]) + (E6 * _k6[i]) + (E7 * _k7[i]));
            }

            var err = ErrorNorm.Scaled(_error, y, _yNew, tol);
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
                _k7.AsSpan().CopyTo(_k1); // first-same-as-last
                t = tNew;
                if (last)
                {
                    return;
                }

                var factor = err == 0 ? MaxFactor : Math.Min(MaxFactor, Math.Max(MinFactor, Safety * Math.Pow(err, -0.2)));
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
                h *= Math.Max(MinFactor, Safety * Math.Pow(err, -0.2));
                rejectedLast = true;
            }
        }
    }

    private void Stages<TSystem>(ref TSystem system, ReadOnlySpan<double> y, double t, double h)
        where TSystem : struct, IOdeSystem
    {
        var n = _n;
        var s = _stage;
        for (var i = 0; i < n; i++)
        {
            s[i] = y[i] + (h * A21 * _k1[i]);
        }

        system.Derivatives(t + (C2 * h), s, _k2);
        for (var i = 0; i < n; i++)
        {
            s[i] = y[i] + (h * ((A31 * _k1[i]) + (A32 * _k2[i])));
        }

        system.Derivatives(t + (C3 * h), s, _k3);
        for (var i = 0; i < n; i++)
        {
            s[i] = y[i] + (h * ((A41 * _k1[i]) + (A42 * _k2[i]) + (A43 * _k3[i])));
        }

        system.Derivatives(t + (C4 * h), s, _k4);
        for (var i = 0; i < n; i++)
        {
            s[i] = y[i] + (h * ((A51 * _k1[i]) + (A52 * _k2[i]) + (A53 * _k3[i]) + (A54 * _k4[i])));
        }

        system.Derivatives(t + (C5 * h), s, _k5);
        for (var i = 0; i < n; i++)
        {
            s[i] = y[i] + (h * ((A61 * _k1[i]) + (A62 * _k2[i]) + (A63 * _k3[i]) + (A64 * _k4[i]) + (A65 * _k5[i])));
        }

        system.Derivatives(t + h, s, _k6);
        for (var i = 0; i < n; i++)
        {
            _yNew[i] = y[i] + (h * ((A71 * _k1[i]) + (A73 * _k3[i]) + (A74 * _k4[i]) + (A75 * _k5[i]) + (A76 * _k6[i])));
        }

        system.Derivatives(t + h, _yNew, _k7);
        _statistics.FunctionEvaluations += 6;
    }

    private void FillDense(ReadOnlySpan<double> y, double h)
    {
        var n = _n;
        var d = _dense;
        for (var i = 0; i < n; i++)
        {
            var difference = _yNew[i] - y[i];
            var slopeStart = (h * _k1[i]) - difference;
            d[i] = y[i];
            d[n + i] = difference;
            d[(2 * n) + i] = slopeStart;
            d[(3 * n) + i] = difference - (h * _k7[i]) - slopeStart;
            d[(4 * n) + i] = h * ((D1 * _k1[i]) + (D3 * _k3[i]) + (D4 * _k4[i]) + (D5 * _k5[i]) + (D6 * _k6[i]) + (D7 * _k7[i]));
        }
    }

    /// <summary>Hairer's starting-step heuristic (HNW I, §II.4): one explicit Euler probe.</summary>
    private double InitialStep<TSystem>(ref TSystem system, ReadOnlySpan<double> y, double t, double span)
        where TSystem : struct, IOdeSystem
    {
        var n = _n;
        double d0 = 0, d1 = 0;
        for (var i = 0; i < n; i++)
        {
            var scale = _tolerances.Absolute + (_tolerances.Relative * Math.Abs(y[i]));
            d0 += (y[i] / scale) * (y[i] / scale);
            d1 += (_k1[i] / scale) * (_k1[i] / scale);
        }

        d0 = Math.Sqrt(d0 / n);
        d1 = Math.Sqrt(d1 / n);
        var h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, span);

        for (var i = 0; i < n; i++)
        {
            _stage[i] = y[i] + (h0 * _k1[i]);
        }

        system.Derivatives(t + h0, _stage, _k2);
        _statistics.FunctionEvaluations++;
        double d2 = 0;
        for (var i = 0; i < n; i++)
        {
            var scale = _tolerances.Absolute + (_tolerances.Relative * Math.Abs(y[i]));
            var diff = (_k2[i] - _k1[i]) / scale;
            d2 += diff * diff;
        }

        d2 = Math.Sqrt(d2 / n) / h0;
        var max = Math.Max(d1, d2);
        var h1 = max <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / max, 0.2);
        return Math.Min(Math.Min(100 * h0, h1), span);
    }
}
