using System.Text.Json.Serialization;

namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>
/// The band fields of the JSON contract (issue 12 item 4), shared by every document row that can carry the model
/// average: trough and peak MOR blockade (0–1) at the 2.5% and 97.5% quantiles of the parameter-uncertainty draws.
/// Null, and then not written, on the structures' own rows.
/// </summary>
public abstract record MorBandDocument
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MorTroughLow { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MorTroughHigh { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MorPeakLow { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? MorPeakHigh { get; init; }
}
