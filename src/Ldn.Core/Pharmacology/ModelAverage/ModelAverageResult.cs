namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// MOR blockade as the Akaike-weighted average of the adequate structures with its 95% band (issue 12 item 4).
/// <see cref="Summary"/> and <see cref="Series"/> have the shape of a structure's result: their MOR blockade values
/// (peak, trough, mean, hours above 25/50%, per-point MOR) are the medians of the weighted replicate mixture, every
/// other quantity (PK, DOR/KOR, the what-if mechanism) the Akaike-weighted average of the structures' runs at their
/// fitted estimates (<see cref="AtEstimates"/>). Only MOR blockade has a band.
/// </summary>
/// <param name="Structures">The adequate structures, best AIC first, with weights and replicate counts.</param>
/// <param name="AdequacyTest">The goodness-of-fit test a structure must pass to be averaged, in one sentence.</param>
/// <param name="Options">Replicate count, seed and threads used.</param>
/// <param name="Summary">The summary window values of the average.</param>
/// <param name="Series">The average's time series on the output grid.</param>
/// <param name="Band">The 95% MOR band.</param>
/// <param name="AtEstimates">Each adequate structure simulated at its fitted estimate, in <paramref name="Structures"/> order.</param>
public sealed record ModelAverageResult(
    IReadOnlyList<StructureWeight> Structures,
    string AdequacyTest,
    ModelAverageOptions Options,
    ExposureSummary Summary,
    SimulationSeries Series,
    MorBand Band,
    IReadOnlyList<ScenarioResult> AtEstimates)
{
    /// <summary>The name of the average among the results: <c>model-average</c>.</summary>
    public const string Name = "model-average";

    /// <summary>The fits averaged (to replay the series, <see cref="Streaming.SeriesReplay"/>).</summary>
    public IReadOnlyList<Fitting.StructureFit> Fits { get; init; } = [];

    /// <summary>The change applied to every fitted parameter set before it was simulated (identity when none).</summary>
    public Func<Parameters.ModelParameters, Parameters.ModelParameters> Adjust { get; init; } = p => p;
}
