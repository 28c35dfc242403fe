namespace Ldn.Core.Evidence;

/// <summary>
/// A side-effect kind (the vocabulary the journal and the advise rules use, e.g. <c>insomnia</c>) and
/// what the studies say about how often it happens.
/// </summary>
public sealed record SideEffectEvidence
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required string Summary { get; init; }

    public IReadOnlyList<SideEffectFinding> Findings { get; init; } = [];
}

/// <summary>What the comparison behind a side-effect finding was.</summary>
public enum FindingComparison
{
    /// <summary>An uncontrolled count (case series, cohort, one arm).</summary>
    None,

    Placebo,

    /// <summary>Another drug (e.g. amitriptyline).</summary>
    Active,
}

/// <summary>
/// One reported frequency or comparison: "7/17" (events/total), a risk ratio with its interval, or only
/// text. Null where the document gives no number.
/// </summary>
public sealed record SideEffectFinding
{
    public required string Source { get; init; }

    /// <summary>The condition studied, when known.</summary>
    public string? ConditionId { get; init; }

    public FindingComparison Comparison { get; init; }

    public int? Events { get; init; }

    public int? Total { get; init; }

    public double? RiskRatio { get; init; }

    public double? RiskRatioLow { get; init; }

    public double? RiskRatioHigh { get; init; }

    public required string Text { get; init; }

    /// <summary>Events / total when both are given.</summary>
    public double? Rate => Events is { } e && Total is { } t && t > 0 ? (double)e / t : null;
}
