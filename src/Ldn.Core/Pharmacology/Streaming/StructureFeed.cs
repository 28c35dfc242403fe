using System.Collections.Concurrent;
using Ldn.Core.Dosing;

namespace Ldn.Core.Pharmacology.Streaming;

/// <summary>
/// One structure of the model average integrated over the whole regimen on its own thread, exactly as
/// <see cref="Simulator.Integrate{TObserver}(NaltrexoneModel, Regimen, Span{double}, ref TObserver)"/> runs it (so
/// the same numbers), handing its output points over in batches through a queue that holds at most two batches: the
/// solver waits while the reader is behind. Memory is bounded whatever the gap between doses (a single dose over ten
/// years is one solver call), unlike running the structures in lockstep one dosing interval at a time.
/// </summary>
internal sealed class StructureFeed : IDisposable
{
    private readonly BlockingCollection<SeriesPoint[]> _queue = new(boundedCapacity: 2);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    /// <param name="model">The structure's model.</param>
    /// <param name="structure">Which structure's compartments give the points.</param>
    /// <param name="regimen">The doses and horizon.</param>
    /// <param name="times">The output grid (hours).</param>
    /// <param name="batch">Points per batch (the last batch may be shorter).</param>
    public StructureFeed(NaltrexoneModel model, OccupancyScenario structure, Regimen regimen, double[] times, int batch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var token = _stop.Token;
        _run = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    var sink = new BatchSink(_queue, batch, token);
                    var observer = new PointObserver(model, structure, times, sink);
                    var state = new double[model.Dimension];
                    model.Baseline(state);
                    Simulator.Integrate(model, regimen, state, ref observer);
                    sink.Flush();
                }
                finally
                {
                    _queue.CompleteAdding();
                }
            },
            token,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    /// <summary>The next batch of points in time order, or null after the last; rethrows what stopped the solver.</summary>
    public SeriesPoint[]? Next()
    {
        if (_queue.TryTake(out var batch, Timeout.Infinite))
        {
            return batch;
        }

        _run.GetAwaiter().GetResult();
        return null;
    }

    /// <summary>Stops the solver if it is still running (the reader gave up) and waits for its thread.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _run.Wait();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is OperationCanceledException))
        {
            // Cancelled because the reader stopped early: nothing to report.
        }
        catch (AggregateException)
        {
            // The reader stopped first for its own reason, which is the one reported; this one follows from it.
        }

        _queue.Dispose();
        _stop.Dispose();
    }

    /// <summary>Gathers points into batches and queues each full one, waiting while the queue is full.</summary>
    private sealed class BatchSink(BlockingCollection<SeriesPoint[]> queue, int size, CancellationToken token) : ISeriesSink
    {
        private SeriesPoint[] _batch = new SeriesPoint[size];
        private int _count;

        public void Add(in SeriesPoint point)
        {
            _batch[_count++] = point;
            if (_count == _batch.Length)
            {
                queue.Add(_batch, token);
                _batch = new SeriesPoint[size];
                _count = 0;
            }
        }

        public void Flush()
        {
            if (_count > 0)
            {
                queue.Add(_batch[.._count], token);
            }
        }
    }
}
