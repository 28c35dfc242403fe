namespace Ldn.Core.Pharmacology.Observations;

/// <summary>What a dataset's points measure, as named in the file's <c>kind:</c>.</summary>
public enum ObservationKind
{
    /// <summary><c>mor-occupancy</c>: MOR blockade in % at a time after a single oral dose.</summary>
    MorOccupancy,

    /// <summary><c>mor-occupancy-ratio</c>: MOR blockade as % of the same subject's blockade at the dataset's reference time.</summary>
    MorOccupancyRatio,

    /// <summary><c>parent-half-life</c>: plasma naltrexone half-life (h) from a log-linear fit between <c>time</c> and <c>until</c>.</summary>
    ParentHalfLife,
}
