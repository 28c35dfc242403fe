using Ldn.Core.Pharmacology.Observations;
using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Core.Pharmacology.Fitting;

/// <summary>
/// The Gaussian likelihood of one structure given the datasets, with each point's stated SD (docs/model.md,
/// Fitting): −2LL = Σ [((y − ŷ)/sd)² + ln(2π·sd²)]. Occupancy is predicted as 100·O(t); Lee's ratios as
/// 100·O(t)/O(reference) of the model's own series; a half-life by the same log-linear fit NCA uses. A dataset
/// with a <see cref="ObservationSet.ScanTime"/> adds its nuisance time to the estimated parameters.
/// </summary>
public sealed class FitLikelihood
{
    private readonly ModelParameters _base;
    private readonly double[] _observed;
    private readonly double[] _sd;

    /// <exception cref="InvalidInputException">No datasets or no points.</exception>
    public FitLikelihood(OccupancyScenario structure, IReadOnlyList<ObservationSet> data, ModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(parameters);
        if (data.Sum(d => d.Points.Count) == 0)
        {
            throw new InvalidInputException("There are no data points to fit; give --data files with points, or leave --data out to use the shipped datasets.");
        }

        Structure = structure;
        Data = data;
        _base = parameters;
        var free = FitStructures.Estimated(structure).ToList();
        foreach (var scan in data.Select(d => d.ScanTime).OfType<NuisanceTime>().DistinctBy(s => s.Name))
        {
            free.Add(new FreeParameter(scan.Name, "h", scan.LowHours, scan.HighHours, null, null));
        }

        Parameters = free;
        _observed = [.. data.SelectMany(d => d.Points.Select(p => p.Value))];
        _sd = [.. data.SelectMany(d => d.Points.Select(p => p.Sd))];
    }

    public OccupancyScenario Structure { get; }

    public IReadOnlyList<ObservationSet> Data { get; }

    /// <summary>The estimated parameters: the structure's, then the nuisance times.</summary>
    public IReadOnlyList<FreeParameter> Parameters { get; }

    /// <summary>Observed values, in data order.</summary>
    public IReadOnlyList<double> Observed => _observed;

    /// <summary>Each point's SD, in data order.</summary>
    public IReadOnlyList<double> Sd => _sd;

    /// <summary>The parameter file's values of the estimated parameters on the estimation scale (nuisance times at their dataset's nominal time).</summary>
    public double[] Start()
    {
        var u = new double[Parameters.Count];
        for (var i = 0; i < u.Length; i++)
        {
            var f = Parameters[i];
            var value = f.Get is { } get
                ? get(_base)
                : Math.Clamp(Data.First(d => d.ScanTime?.Name == f.Name).Points[0].TimeHours, f.Low + (0.01 * (f.High - f.Low)), f.High - (0.01 * (f.High - f.Low)));
            u[i] = f.ToScale(value);
        }

        return u;
    }

    /// <summary>The full parameter set at <paramref name="u"/> (estimation scale); nuisance times are not part of it.</summary>
    public ModelParameters ParametersAt(ReadOnlySpan<double> u)
    {
        var p = _base;
        for (var i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i].Set is { } set)
            {
                p = set(p, Parameters[i].FromScale(u[i]));
            }
        }

        return p;
    }

    /// <summary>−2 log-likelihood of <paramref name="observed"/> (default: the data) at <paramref name="u"/>; +∞ when the model gives no number.</summary>
    public double Minus2LogLikelihood(ReadOnlySpan<double> u, IReadOnlyList<double>? observed = null)
    {
        var predicted = Predict(u);
        observed ??= _observed;
        double sum = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var r = (observed[i] - predicted[i]) / _sd[i];
            sum += (r * r) + Math.Log(2 * Math.PI * _sd[i] * _sd[i]);
        }

        return double.IsFinite(sum) ? sum : double.PositiveInfinity;
    }

    /// <summary>The model's value for every point at <paramref name="u"/>, in data order.</summary>
    public double[] Predict(ReadOnlySpan<double> u)
    {
        var parameters = ParametersAt(u);
        var evaluator = new SingleDoseEvaluator(parameters);
        var result = new double[_observed.Length];
        var k = 0;
        foreach (var set in Data)
        {
            var scan = double.NaN;
            if (set.ScanTime is { } s)
            {
                var index = Parameters.Select((f, i) => (f, i)).First(x => x.f.Name == s.Name).i;
                scan = Parameters[index].FromScale(u[index]);
            }

            // Points of one dose share one evaluation (slow binding integrates once per dose, not once per point).
            foreach (var group in set.Points.Select((point, i) => (point, i)).GroupBy(x => x.point.DoseMg))
            {
                if (set.Kind == ObservationKind.ParentHalfLife)
                {
                    foreach (var (point, i) in group)
                    {
                        result[k + i] = evaluator.ParentHalfLife(Structure, point.DoseMg, point.TimeHours, point.UntilHours);
                    }

                    continue;
                }

                var reference = set.Kind == ObservationKind.MorOccupancyRatio ? set.ReferenceHours : double.NaN;
                double[] times = [.. group.Select(x => double.IsNaN(scan) ? x.point.TimeHours : scan).Append(double.IsNaN(reference) ? 0 : reference).Distinct().Order()];
                var values = new double[times.Length];
                evaluator.MorBlockade(Structure, group.Key, times, values);
                var atReference = double.IsNaN(reference) ? 1 : values[Array.IndexOf(times, reference)];
                foreach (var (point, i) in group)
                {
                    var time = double.IsNaN(scan) ? point.TimeHours : scan;
                    result[k + i] = 100 * values[Array.IndexOf(times, time)] / atReference;
                }
            }

            k += set.Points.Count;
        }

        return result;
    }
}
