using Ldn.Core.Pharmacology.ModelAverage;

namespace Ldn.Core.Pharmacology.Streaming;

/// <summary>
/// The <c>model-average</c> series streamed: the adequate structures run side by side at their estimates, one dosing
/// interval at a time (<see cref="SegmentCursor"/>), and every replicate's MOR blockade follows chunk by chunk
/// (<see cref="IMorCursor"/>); each chunk is reduced to the weighted means and the 2.5/50/97.5% quantiles as
/// <see cref="ModelAverager.Run"/> computes them (same draw, same order of sums), written and dropped. Memory is one
/// chunk (at least <see cref="ChunkPoints"/> points, or one dosing interval if longer) times the replicates.
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
        var buffers = new PointBuffer[weights.Count];
        var runs = new SegmentCursor[weights.Count];
        for (var s = 0; s < runs.Length; s++)
        {
            var model = new NaltrexoneModel(
                average.Adjust(fits.First(f => f.Structure == weights[s].Structure).Estimate), result.Condition, regimen.FormulationsUsed, result.Tlr4);
            buffers[s] = new PointBuffer();
            runs[s] = new SegmentCursor(model, regimen, new PointObserver(model, weights[s].Structure, times, buffers[s]));
        }

        var replicates = new IMorCursor[draw.Count];
        Parallel.For(0, draw.Count, parallel, r =>
        {
            var model = new NaltrexoneModel(average.Adjust(draw[r].Parameters), result.Condition, regimen.FormulationsUsed, result.Tlr4);
            replicates[r] = draw[r].Structure == OccupancyScenario.SlowBinding
                ? Whole(model, draw[r].Structure, result, times)
                : new SuperposedBlockade(model, draw[r].Structure).Start(regimen);
        });

        var shares = weights.Select(w => w.Weight).ToArray();
        var rows = new double[draw.Count][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new double[ChunkPoints];
        }

        var chunkTimes = new double[ChunkPoints];
        var scratch = new double[draw.Count];
        while (!runs[0].Done)
        {
            // Structures share the dose times and the grid, so each stops after the same interval with the same count.
            Parallel.For(0, runs.Length, parallel, s =>
            {
                while (!runs[s].Done && buffers[s].Points.Count < ChunkPoints)
                {
                    runs[s].Advance();
                }
            });
            var count = buffers[0].Points.Count;
            if (buffers.Any(b => b.Points.Count != count))
            {
                throw new InvalidOperationException("The averaged structures produced different numbers of output points.");
            }

            for (var from = 0; from < count; from += ChunkPoints)
            {
                var n = Math.Min(ChunkPoints, count - from);
                for (var i = 0; i < n; i++)
                {
                    chunkTimes[i] = buffers[0].Points[from + i].TimeHours;
                }

                Parallel.For(0, replicates.Length, parallel, r => replicates[r].Fill(chunkTimes.AsSpan(0, n), rows[r].AsSpan(0, n)));
                for (var i = 0; i < n; i++)
                {
                    for (var r = 0; r < rows.Length; r++)
                    {
                        scratch[r] = rows[r][i];
                    }

                    var (low, median, high) = BandQuantiles.Of(scratch);
                    sink.Add(Mean(buffers, from + i, shares) with { Mor = median, MorLow = low, MorHigh = high });
                }
            }

            foreach (var buffer in buffers)
            {
                buffer.Points.Clear();
            }
        }
    }

    /// <summary>The Akaike-weighted mean of the structures' point <paramref name="i"/>, summed in structure order as the in-memory average.</summary>
    private static SeriesPoint Mean(PointBuffer[] buffers, int i, double[] w)
    {
        double parent = 0, metabolite = 0, dor = 0, kor = 0, signalling = 0, density = 0, synthesis = 0, inflammation = 0, score = 0;
        for (var s = 0; s < buffers.Length; s++)
        {
            var p = buffers[s].Points[i];
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

        return new SeriesPoint(buffers[0].Points[i].TimeHours, parent, metabolite, double.NaN, dor, kor, signalling, density, synthesis, inflammation, score);
    }

    private static PrecomputedMor Whole(NaltrexoneModel model, OccupancyScenario structure, SimulationResult result, double[] times)
    {
        var row = new double[times.Length];
        MorTrajectory.Run(model, structure, result.Regimen, times, row, [], []);
        return new PrecomputedMor(row);
    }
}
