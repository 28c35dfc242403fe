namespace Ldn.Core.Evidence;

/// <summary>A claim from popular articles about LDN and what the literature says about it.</summary>
public sealed record ClaimVerdict
{
    public required string Id { get; init; }

    /// <summary>The claim as articles make it.</summary>
    public required string Claim { get; init; }

    /// <summary>The verdict in a few words ("Accurate numbers, overstated as evidence.").</summary>
    public required string Verdict { get; init; }

    /// <summary>
    /// A machine-readable verdict: accurate, overstated, not-established, unproven, not-evidence-based or
    /// contradicted.
    /// </summary>
    public required string Rating { get; init; }

    public required string Basis { get; init; }

    public IReadOnlyList<string> Conditions { get; init; } = [];

    public static IReadOnlyList<string> Ratings { get; } =
        ["accurate", "overstated", "not-established", "unproven", "not-evidence-based", "contradicted"];
}
