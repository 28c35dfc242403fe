namespace Ldn.Core.Evidence;

/// <summary>
/// What one evidence file holds: usually either one condition, the side-effect vocabulary or the
/// claims. References to other conditions are checked only when the files are put together
/// (<see cref="EvidenceSet"/>).
/// </summary>
public sealed record EvidenceDocument
{
    public required string SourceName { get; init; }

    /// <summary>The condition the file defines, with its own studies only; null for the other kinds.</summary>
    public ConditionEvidence? Condition { get; init; }

    public IReadOnlyList<SideEffectEvidence> SideEffects { get; init; } = [];

    /// <summary>Dropouts and stops for side effects, per study.</summary>
    public IReadOnlyList<SideEffectFinding> Discontinuations { get; init; } = [];

    public IReadOnlyList<ClaimVerdict> Claims { get; init; } = [];
}
