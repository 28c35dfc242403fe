using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// Computes <see cref="ModelAverageResult"/> for a regimen (docs/model.md §"Model average"): Akaike weights of the
/// adequate fits (<see cref="AkaikeWeights"/>), a weighted draw of their bootstrap replicates
/// (<see cref="ReplicateDraw"/>), each replicate's MOR blockade by the blockade-only path (<see cref="MorTrajectory"/>,
/// in parallel, each replicate into its own row, so any thread count gives the same numbers), and per output point
/// and per summary value the 2.5/50/97.5% quantiles (<see cref="BandQuantiles"/>). The point is the median, not the
/// weighted average of the structures' estimates: that average could fall outside a skewed band; the median cannot.
/// </summary>
public static class ModelAverager
{
    /// <summary>
    /// The default view of every front end (issue 12 item 4): <paramref name="result"/> with the average of the shipped fits
    /// in front, unless the caller chose the structures (<paramref name="structuresChosen"/>: unchanged) or replaced the
    /// shipped parameters (<paramref name="userParameters"/>: unchanged, with <see cref="ModelAverageText.NoFitsForUserParameters"/>).
    /// </summary>
    /// <exception cref="InvalidInputException">No adequate shipped fit.</exception>
    /// <remarks>With <paramref name="retainSeries"/> false the average holds no series and no per-point band (see <see cref="Run"/>).</remarks>
    public static SimulationResult WithDefaultAverage(
        SimulationResult result, bool structuresChosen, bool userParameters, Func<ModelParameters, ModelParameters>? adjust = null, bool retainSeries = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (structuresChosen)
        {
            return result;
        }

        return userParameters
            ? result with { AverageNote = ModelAverageText.NoFitsForUserParameters }
            : result with { Average = For(result, FitCatalog.Shipped, adjust: adjust, retainSeries: retainSeries) };
    }

    /// <summary>The average for the regimen, condition, output step and TLR4 switch of an existing <paramref name="result"/>.</summary>
    /// <exception cref="InvalidInputException">No adequate fit, or too few replicates in one.</exception>
    public static ModelAverageResult For(
        SimulationResult result, IReadOnlyList<StructureFit> fits, ModelAverageOptions? options = null, Func<ModelParameters, ModelParameters>? adjust = null, bool retainSeries = true)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Run(result.Regimen, result.Condition, result.OutputStep, result.Tlr4, fits, options ?? new ModelAverageOptions(), adjust, retainSeries);
    }

    /// <summary>
    /// The average for <paramref name="regimen"/>. <paramref name="adjust"/> (e.g. the sublingual what-if) is applied to
    /// every fitted parameter set before it is simulated. With <paramref name="retainSeries"/> false nothing is sampled on
    /// the output grid: <see cref="ModelAverageResult.Series"/> is empty and so are the band's per-point <c>Low</c> and
    /// <c>High</c> (the summaries and summary quantiles are unchanged); <see cref="Streaming.SeriesReplay"/> replays them.
    /// </summary>
    /// <exception cref="InvalidInputException">No adequate fit, or too few replicates in one.</exception>
    public static ModelAverageResult Run(
        Regimen regimen, ConditionParameters condition, Duration outputStep, bool tlr4, IReadOnlyList<StructureFit> fits, ModelAverageOptions options,
        Func<ModelParameters, ModelParameters>? adjust = null, bool retainSeries = true)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        ArgumentNullException.ThrowIfNull(fits);
        ArgumentNullException.ThrowIfNull(options);
        adjust ??= p => p;
        var (draw, weights) = ReplicateDraw.Draw(AkaikeWeights.Of(fits), fits, options.Replicates, options.Seed);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : Environment.ProcessorCount };

        // The full runs at the estimates (the costly part) side by side, each into its own slot.
        var runs = new ScenarioResult[weights.Count];
        Parallel.For(0, runs.Length, parallel, s => runs[s] = Simulator.Run(
            regimen, adjust(fits.First(f => f.Structure == weights[s].Structure).Estimate), condition, outputStep, [weights[s].Structure], tlr4, retainSeries).Scenarios[0]);
        var estimates = runs.ToList();

        var outputTimes = estimates[0].Series.TimeHours;
        var summaryTimes = Simulator.SummaryTimes(regimen);
        var rows = new double[draw.Count][];
        var windows = new MorWindow[draw.Count];
        Parallel.For(0, draw.Count, parallel, r =>
        {
            var model = new NaltrexoneModel(adjust(draw[r].Parameters), condition, regimen.FormulationsUsed, tlr4);
            var summaryMor = new double[summaryTimes.Length];
            rows[r] = new double[outputTimes.Length];
            MorTrajectory.Run(model, draw[r].Structure, regimen, outputTimes, rows[r], summaryTimes, summaryMor);
            windows[r] = MorWindow.Of(summaryTimes, summaryMor);
        });

        var scratch = new double[draw.Count];
        var median = new double[outputTimes.Length];
        var low = new double[outputTimes.Length];
        var high = new double[outputTimes.Length];
        for (var i = 0; i < outputTimes.Length; i++)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                scratch[r] = rows[r][i];
            }

            (low[i], median[i], high[i]) = BandQuantiles.Of(scratch);
        }

        BandQuantiles Quantiles(Func<MorWindow, double> value)
        {
            for (var r = 0; r < windows.Length; r++)
            {
                scratch[r] = value(windows[r]);
            }

            return BandQuantiles.Of(scratch);
        }

        var band = new MorBand(low, high, Quantiles(w => w.Peak), Quantiles(w => w.Trough), Quantiles(w => w.Mean), Quantiles(w => w.HoursAbove25), Quantiles(w => w.HoursAbove50));
        var shares = weights.Select(w => w.Weight).ToArray();
        var test = fits.First(f => f.Structure == weights[0].Structure).AdequacyTest;
        return new ModelAverageResult(weights, test, options, AverageSummary(estimates, shares, band), AverageSeries(estimates, shares, median), band, estimates)
        {
            Fits = fits,
            Adjust = adjust,
        };
    }

    private static ExposureSummary AverageSummary(List<ScenarioResult> estimates, double[] w, MorBand band)
    {
        double Mean(Func<ExposureSummary, double> value) => estimates.Select((e, i) => w[i] * value(e.Summary)).Sum();
        double? MeanOrNull(Func<ExposureSummary, double?> value) =>
            estimates.All(e => value(e.Summary) is not null) ? estimates.Select((e, i) => w[i] * value(e.Summary)!.Value).Sum() : null;
        var first = estimates[0].Summary;
        return first with
        {
            ParentCmax = MassConcentration.FromNanogramsPerMillilitre(Mean(s => s.ParentCmax.NanogramsPerMillilitre)),
            ParentTmax = Duration.FromHours(Mean(s => s.ParentTmax.Hours)),
            ParentAuc = Exposure.FromNanogramHoursPerMillilitre(Mean(s => s.ParentAuc.NanogramHoursPerMillilitre)),
            MetaboliteCmax = MassConcentration.FromNanogramsPerMillilitre(Mean(s => s.MetaboliteCmax.NanogramsPerMillilitre)),
            MetaboliteTmax = Duration.FromHours(Mean(s => s.MetaboliteTmax.Hours)),
            MorPeak = band.Peak.Median,
            MorTrough = band.Trough.Median,
            MorMean = band.Mean.Median,
            MorAbove25Percent = Duration.FromHours(band.HoursAbove25.Median),
            MorAbove50Percent = Duration.FromHours(band.HoursAbove50.Median),
            SignallingOvershootHoursPerDay = Mean(s => s.SignallingOvershootHoursPerDay),
            NocturnalSignalling = MeanOrNull(s => s.NocturnalSignalling),
            InflammationChangeWeek12 = MeanOrNull(s => s.InflammationChangeWeek12),
        };
    }

    private static SimulationSeries AverageSeries(List<ScenarioResult> estimates, double[] w, double[] mor)
    {
        double[] Mean(Func<SimulationSeries, double[]> quantity)
        {
            var result = new double[mor.Length];
            for (var s = 0; s < estimates.Count; s++)
            {
                var values = quantity(estimates[s].Series);
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] += w[s] * values[i];
                }
            }

            return result;
        }

        return new SimulationSeries
        {
            TimeHours = (double[])estimates[0].Series.TimeHours.Clone(),
            ParentNgPerMl = Mean(s => s.ParentNgPerMl),
            MetaboliteNgPerMl = Mean(s => s.MetaboliteNgPerMl),
            Mor = mor,
            Dor = Mean(s => s.Dor),
            Kor = Mean(s => s.Kor),
            OpioidSignalling = Mean(s => s.OpioidSignalling),
            ReceptorDensity = Mean(s => s.ReceptorDensity),
            Synthesis = Mean(s => s.Synthesis),
            Inflammation = Mean(s => s.Inflammation),
            ClinicalScore = Mean(s => s.ClinicalScore),
        };
    }
}
