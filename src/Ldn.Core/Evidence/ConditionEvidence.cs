namespace Ldn.Core.Evidence;

/// <summary>
/// What is published about LDN in one condition: its studies strongest first (including those another
/// condition's file shares with it), registered trials without results, and narrative reviews.
/// </summary>
public sealed record ConditionEvidence
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>One plain sentence.</summary>
    public required string Summary { get; init; }

    /// <summary>Studies with results, strongest grade first.</summary>
    public IReadOnlyList<Study> Studies { get; init; } = [];

    public IReadOnlyList<Study> RegisteredTrials { get; init; } = [];

    public IReadOnlyList<Study> Reviews { get; init; } = [];

    /// <summary>
    /// The strongest grade among the studies with results, each counted as <see cref="Study.CountsAs"/>;
    /// <see cref="EvidenceGrade.None"/> when there are none.
    /// </summary>
    public EvidenceGrade BestGrade => Studies.Count == 0 ? EvidenceGrade.None : Studies.Min(s => s.CountsAs);
}
