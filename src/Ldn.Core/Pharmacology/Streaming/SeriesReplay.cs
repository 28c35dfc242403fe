using Ldn.Core.Pharmacology.ModelAverage;

namespace Ldn.Core.Pharmacology.Streaming;

/// <summary>
/// Replays the series of a <see cref="SimulationResult"/> run with <c>retainSeries: false</c> into a sink, point by
/// point (issue 13 item 5): the front end writes each point and keeps none, so memory stays flat with the horizon.
/// Entries are in document order (<see cref="SimulationDocument"/>): the <c>model-average</c> first when there is one,
/// then the scenarios. Each replay integrates again; the numbers are those of the in-memory run, bit for bit.
/// </summary>
public static class SeriesReplay
{
    /// <summary>How many series the result has (the average, then one per scenario).</summary>
    public static int Count(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Scenarios.Count + (result.Average is null ? 0 : 1);
    }

    /// <summary>The name of entry <paramref name="index"/> (<c>model-average</c> or a scenario's name).</summary>
    public static string Name(SimulationResult result, int index)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Average is not null
            ? index == 0 ? ModelAverageResult.Name : result.Scenarios[index - 1].Scenario.Name()
            : result.Scenarios[index].Scenario.Name();
    }

    /// <summary>Feeds entry <paramref name="index"/>'s series on the output grid to <paramref name="sink"/>, in time order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not below <see cref="Count"/>.</exception>
    public static void Write(SimulationResult result, int index, ISeriesSink sink)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count(result));
        if (result.Average is { } average)
        {
            if (index == 0)
            {
                AverageStream.Write(result, average, sink);
                return;
            }

            index--;
        }

        var regimen = result.Regimen;
        var scenario = result.Scenarios[index].Scenario;
        var model = new NaltrexoneModel(result.Parameters, result.Condition, regimen.FormulationsUsed, result.Tlr4);
        var observer = new PointObserver(model, scenario, Simulator.OutputTimes(regimen, result.OutputStep), sink);
        var state = new double[model.Dimension];
        model.Baseline(state);
        Simulator.Integrate(model, regimen, state, ref observer);
    }
}
