using Ldn.Core.Pharmacology.ModelAverage;

namespace Ldn.Core.Pharmacology.Streaming;

/// <summary>
/// The <c>model-average</c> series streamed: the adequate structures run at their estimates, each on its own thread
/// (<see cref="StructureFeed"/>, with the solver calls of a separate run, hence its numbers), handing over batches of
/// <see cref="ChunkPoints"/> points, and every replicate's MOR blockade follows batch by batch (<see cref="IMorCursor"/>);
/// each batch is reduced to the weighted means and the 2.5/50/97.5% quantiles as <see cref="ModelAverager.Run"/>
/// computes them (same draw, same order of sums), written and dropped. Memory is a few batches per structure plus one
/// batch times the replicates, whatever the horizon or the gap between doses.
/// </summary>
internal static class AverageStream
{
    /// <summary>Points gathered before the band is read: 200 replicates × 4096 × 8 bytes ≈ 6.6 MB.</summary>
    public const int ChunkPoints = 4096;

    public static void Write(SimulationResult result, ModelAverageResult average, ISeriesSink sink)
    {
        var regimen = result.Regimen;
        var fits = average.Fits;
        var (draw, weights) = ReplicateDraw.Draw(AkaikeWeights.Of(fits), fits, average.Options.Replicates, average.Options.Seed);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = average.Options.Threads > 0 ? average.Options.Threads : Environment.ProcessorCount };
        var times = Simulator.OutputTimes(regimen, result.OutputStep);
        var replicates = new IMorCursor[draw.Count];
        Parallel.For(0, draw.Count, parallel, r =>
        {
            var model = new NaltrexoneModel(average.Adjust(draw[r].Parameters), result.Condition, regimen.FormulationsUsed, result.Tlr4);
            replicates[r] = draw[r].Structure == OccupancyScenario.SlowBinding
                ? Whole(model, draw[r].Structure, result, times)
                : new SuperposedBlockade(model, draw[r].Structure).Start(regimen);
        });

        var feeds = new StructureFeed[weights.Count];
        try
        {
            for (var s = 0; s < feeds.Length; s++)
            {
                var model = new NaltrexoneModel(
                    average.Adjust(fits.First(f => f.Structure == weights[s].Structure).Estimate), result.Condition, regimen.FormulationsUsed, result.Tlr4);
                feeds[s] = new StructureFeed(model, weights[s].Structure, regimen, times, ChunkPoints);
            }

            Reduce(feeds, replicates, weights.Select(w => w.Weight).ToArray(), parallel, sink);
        }
        finally
        {
            foreach (var feed in feeds)
            {
                feed?.Dispose();
            }
        }
    }

    /// <summary>Takes the structures' points a batch at a time, reads the replicates' MOR there and writes the averaged points.</summary>
    private static void Reduce(StructureFeed[] feeds, IMorCursor[] replicates, double[] shares, ParallelOptions parallel, ISeriesSink sink)
    {
        var rows = new double[replicates.Length][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new double[ChunkPoints];
        }

        var chunkTimes = new double[ChunkPoints];
        var scratch = new double[replicates.Length];
        var batches = new SeriesPoint[feeds.Length][];
        while (true)
        {
            // The structures share the grid, so batch k of each holds the same times.
            var ended = 0;
            for (var s = 0; s < feeds.Length; s++)
            {
                var next = feeds[s].Next();
                ended += next is null ? 1 : 0;
                batches[s] = next ?? [];
            }

            if (ended == feeds.Length)
            {
                return;
            }

            var n = batches[0].Length;
            if (ended > 0 || batches.Any(b => b.Length != n))
            {
                throw new InvalidOperationException("The averaged structures produced different numbers of output points.");
            }

            for (var i = 0; i < n; i++)
            {
                chunkTimes[i] = batches[0][i].TimeHours;
            }

            Parallel.For(0, replicates.Length, parallel, r => replicates[r].Fill(chunkTimes.AsSpan(0, n), rows[r].AsSpan(0, n)));
            for (var i = 0; i < n; i++)
            {
                for (var r = 0; r < rows.Length; r++)
                {
                    scratch[r] = rows[r][i];
                }

                var (low, median, high) = BandQuantiles.Of(scratch);
                sink.Add(Mean(batches, i, shares) with { Mor = median, MorLow = low, MorHigh = high });
            }
        }
    }

    /// <summary>The Akaike-weighted mean of the structures' point <paramref name="i"/>, summed in structure order as the in-memory average.</summary>
    private static SeriesPoint Mean(SeriesPoint[][] batches, int i, double[] w)
    {
        double parent = 0, metabolite = 0, dor = 0, kor = 0, signalling = 0, density = 0, synthesis = 0, inflammation = 0, score = 0;
        for (var s = 0; s < batches.Length; s++)
        {
            var p = batches[s][i];
            parent += w[s] * p.ParentNgPerMl;
            metabolite += w[s] * p.MetaboliteNgPerMl;
            dor += w[s] * p.Dor;
            kor += w[s] * p.Kor;
            signalling += w[s] * p.OpioidSignalling;
            density += w[s] * p.ReceptorDensity;
            synthesis += w[s] * p.Synthesis;
            inflammation += w[s] * p.Inflammation;
            score += w[s] * p.ClinicalScore;
        }

        return new SeriesPoint(batches[0][i].TimeHours, parent, metabolite, double.NaN, dor, kor, signalling, density, synthesis, inflammation, score);
    }

    private static PrecomputedMor Whole(NaltrexoneModel model, OccupancyScenario structure, SimulationResult result, double[] times)
    {
        var row = new double[times.Length];
        MorTrajectory.Run(model, structure, result.Regimen, times, row, [], []);
        return new PrecomputedMor(row);
    }
}
