using System.Globalization;
using Ldn.Core.Pharmacology.Observations;
using Ldn.Core.Pharmacology.Parameters;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// Maximum-likelihood fit of one blockade structure to the human data (docs/model.md, Fitting): Nelder–Mead
/// (MathNet.Numerics) from four starts on the log/logit scale, restarted once at the best point; profile-likelihood
/// 95% intervals (−2LL rises by χ²₁(0.95) = 3.84 with the other parameters re-optimised); a parametric bootstrap
/// (data simulated from the fit with the stated SDs, refitted; replicate r seeded with seed + r, so the result does
/// not depend on the thread count); the adequacy test; and the 4.5 mg daily steady-state trough with its interval.
/// </summary>
public static class StructureFitter
{
    /// <summary>χ²₁ 95% quantile: the rise of −2LL that bounds a profile-likelihood 95% interval.</summary>
    public const double ProfileDrop = 3.84;

    /// <summary>The goodness-of-fit test, in one sentence.</summary>
    public const string AdequacyTest =
        "Adequate when every weighted residual (observed − predicted)/sd lies within ±2 and their sum of squares is below the 95% quantile of χ² with n − k degrees of freedom (n points, k estimated parameters).";

    /// <summary>How far (on the log/logit scale) a profile walks before calling that side unbounded: a factor e^8 ≈ 3000.</summary>
    private const double ProfileLimit = 8;

    /// <exception cref="InvalidInputException">No data, or no start converged (the sentence says what to try).</exception>
    public static FitReport Fit(OccupancyScenario structure, IReadOnlyList<ObservationSet> data, ModelParameters parameters, FitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var likelihood = new FitLikelihood(structure, data, parameters);
        var k = likelihood.Parameters.Count;
        var start = likelihood.Start();
        var starts = new List<double[]> { start };
        foreach (var pattern in new Func<int, double>[] { _ => 1, _ => -1, i => i % 2 == 0 ? 1 : -1 })
        {
            starts.Add([.. start.Select((u, i) => u + pattern(i))]);
        }

        var best = Optimise(u => likelihood.Minus2LogLikelihood(u), starts, options.MaxIterations)
            ?? throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"The fit of structure {structure.Name()} did not converge within {options.MaxIterations} iterations from any of {starts.Count} starts; try a larger --max-iterations, or check the --data files."));
        var u = best.U;
        var minus2Ll = best.Value;
        var predicted = likelihood.Predict(u);

        var fitted = new List<FittedParameter>(k);
        for (var i = 0; i < k; i++)
        {
            var f = likelihood.Parameters[i];
            var (low, high) = options.Profile ? (Bound(likelihood, u, minus2Ll, i, -1, options), Bound(likelihood, u, minus2Ll, i, +1, options)) : (double.NegativeInfinity, double.PositiveInfinity);
            fitted.Add(new FittedParameter(f.Name, f.FromScale(u[i]), f.Unit, low, high, double.IsFinite(low) && double.IsFinite(high)));
        }

        var replicates = Bootstrap(likelihood, u, predicted, options);
        var bootstrap = Enumerable.Range(0, k).Select(i =>
        {
            var values = replicates.Select(r => likelihood.Parameters[i].FromScale(r[i])).ToList();
            return Interval(likelihood.Parameters[i].FromScale(u[i]), values);
        }).ToList();
        var trough = Interval(Trough(likelihood, u), [.. replicates.Select(r => Trough(likelihood, r))]);

        var residuals = Residuals(likelihood, u, predicted);
        var chi = residuals.Sum(r => r.WeightedResidual * r.WeightedResidual);
        var df = Math.Max(1, residuals.Count - k);
        var limit = ChiSquared.InvCDF(df, 0.95);
        var adequate = residuals.All(r => Math.Abs(r.WeightedResidual) <= 2) && chi < limit;

        var estimate = Provenance(likelihood.ParametersAt(u), likelihood, u, minus2Ll);
        var fit = new StructureFit(structure, minus2Ll, minus2Ll + (2 * k), adequate, AdequacyTest, fitted, estimate,
            [.. replicates.Select(r => likelihood.ParametersAt(r))]);
        var oneHour = 100 * new SingleDoseEvaluator(estimate).MorBlockade(structure, 50, 1);
        return new FitReport(fit, [.. data.Select(d => (d.Source, d.Points.Count))], residuals, bootstrap, replicates.Count, options.Replicates, trough, chi, limit, oneHour);
    }

    /// <summary>The steady-state trough (%) on 4.5 mg daily at <paramref name="u"/>.</summary>
    private static double Trough(FitLikelihood likelihood, double[] u) =>
        100 * new SingleDoseEvaluator(likelihood.ParametersAt(u)).SteadyStateTrough(likelihood.Structure, 4.5, 24);

    private static List<FitResidual> Residuals(FitLikelihood likelihood, double[] u, double[] predicted)
    {
        var result = new List<FitResidual>(predicted.Length);
        var n = 0;
        foreach (var set in likelihood.Data)
        {
            var scan = set.ScanTime is { } s ? likelihood.Parameters.Select((f, i) => (f, i)).First(x => x.f.Name == s.Name) : default;
            foreach (var point in set.Points)
            {
                var time = scan.f is null ? point.TimeHours : scan.f.FromScale(u[scan.i]);
                result.Add(new FitResidual(set.Source, time, point.DoseMg, point.Value, predicted[n], (point.Value - predicted[n]) / point.Sd, point.Unit));
                n++;
            }
        }

        return result;
    }

    /// <summary>The estimate with each fitted entry's status <c>fitted</c> and its value as estimated.</summary>
    private static ModelParameters Provenance(ModelParameters p, FitLikelihood likelihood, double[] u, double minus2Ll)
    {
        var values = likelihood.Parameters.Select((f, i) => (f, i)).Where(x => !x.f.IsNuisance).ToDictionary(x => x.f.Name, x => x.f.FromScale(u[x.i]));
        var source = string.Create(CultureInfo.InvariantCulture,
            $"Fitted by ldn fit (structure {likelihood.Structure.Name()}) to {string.Join(", ", likelihood.Data.Select(d => d.Source))}; −2LL {minus2Ll:0.##}.");
        return p with
        {
            Entries = [.. p.Entries.Select(e => values.TryGetValue(e.Key, out var v) ? e with { Value = v, Status = ParameterStatus.Fitted, Source = source } : e)],
        };
    }

    private static FitInterval Interval(double estimate, List<double> values) => values.Count == 0
        ? new FitInterval(estimate, double.NaN, double.NaN)
        : new FitInterval(estimate, MathNet.Numerics.Statistics.Statistics.Quantile(values, 0.025), MathNet.Numerics.Statistics.Statistics.Quantile(values, 0.975));

    private static List<double[]> Bootstrap(FitLikelihood likelihood, double[] u, double[] predicted, FitOptions options)
    {
        var results = new double[options.Replicates][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };
        Parallel.For(0, options.Replicates, parallel, r =>
        {
            var random = new Random(options.Seed + r);
            var simulated = new double[predicted.Length];
            for (var i = 0; i < simulated.Length; i++)
            {
                simulated[i] = predicted[i] + (likelihood.Sd[i] * Normal.Sample(random, 0, 1));
            }

            results[r] = Optimise(x => likelihood.Minus2LogLikelihood(x, simulated), [u], options.MaxIterations)?.U!;
        });
        return [.. results.Where(r => r is not null)];
    }

    /// <summary>
    /// One end of parameter <paramref name="index"/>'s profile interval: walks away from the estimate in growing
    /// steps, re-optimising the others, until −2LL has risen by 3.84, then bisects; ±∞ if it never does within the limit.
    /// </summary>
    private static double Bound(FitLikelihood likelihood, double[] estimate, double minimum, int index, int direction, FitOptions options)
    {
        var target = minimum + ProfileDrop;
        var rest = estimate.Where((_, i) => i != index).ToArray();
        double previous = 0, step = 0.1;
        while (previous < ProfileLimit)
        {
            var offset = Math.Min(previous + step, ProfileLimit);
            var (value, others) = Profile(likelihood, estimate[index] + (direction * offset), index, rest, options);
            if (value >= target)
            {
                double low = previous, high = offset;
                for (var b = 0; b < 6; b++)
                {
                    var mid = 0.5 * (low + high);
                    var (v, o) = Profile(likelihood, estimate[index] + (direction * mid), index, rest, options);
                    if (v >= target)
                    {
                        high = mid;
                    }
                    else
                    {
                        low = mid;
                        rest = o;
                    }
                }

                return likelihood.Parameters[index].FromScale(estimate[index] + (direction * 0.5 * (low + high)));
            }

            rest = others;
            previous = offset;
            step *= 1.5;
        }

        return direction < 0 ? double.NegativeInfinity : double.PositiveInfinity;
    }

    /// <summary>The profile −2LL with parameter <paramref name="index"/> fixed at <paramref name="fixedU"/>, and where the others went.</summary>
    private static (double Value, double[] Others) Profile(FitLikelihood likelihood, double fixedU, int index, double[] start, FitOptions options)
    {
        double[] Full(IReadOnlyList<double> others)
        {
            var full = new double[others.Count + 1];
            for (int i = 0, j = 0; i < full.Length; i++)
            {
                full[i] = i == index ? fixedU : others[j++];
            }

            return full;
        }

        if (start.Length == 0)
        {
            return (likelihood.Minus2LogLikelihood(Full([])), start);
        }

        var best = Optimise(o => likelihood.Minus2LogLikelihood(Full(o)), [start], options.MaxIterations);
        return best is null ? (double.PositiveInfinity, start) : (best.Value, best.U);
    }

    /// <summary>Nelder–Mead from each start, restarted once at its end point; the best converged result, or null if none converged.</summary>
    private static Optimum? Optimise(Func<double[], double> objective, IReadOnlyList<double[]> starts, int maxIterations)
    {
        var function = ObjectiveFunction.Value(v => objective([.. v]));
        Optimum? best = null;
        foreach (var start in starts)
        {
            try
            {
                var point = Vector<double>.Build.DenseOfArray(start);
                for (var pass = 0; pass < 2; pass++)
                {
                    var perturbation = Vector<double>.Build.Dense(start.Length, pass == 0 ? 0.5 : 0.1);
                    point = NelderMeadSimplex.Minimum(function, point, perturbation, 1e-10, maxIterations).MinimizingPoint;
                }

                var value = objective([.. point]);
                if (double.IsFinite(value) && (best is null || value < best.Value))
                {
                    best = new Optimum([.. point], value);
                }
            }
            catch (MaximumIterationsException)
            {
                // This start did not converge; another may.
            }
        }

        return best;
    }

    private sealed record Optimum(double[] U, double Value);
}
