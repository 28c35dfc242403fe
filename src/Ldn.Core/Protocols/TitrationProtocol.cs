using Ldn.Core.Units;

namespace Ldn.Core.Protocols;

/// <summary>
/// A titration protocol as written in <c>data/protocols/*.yaml</c> (schema <c>ldn-protocol/1</c>): the
/// steps, the default clock time, an optional dose cap, and the source the values come from.
/// </summary>
public sealed record TitrationProtocol
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public required string Description { get; init; }

    public required string Source { get; init; }

    /// <summary>The clock time the protocol recommends (bedtime for most).</summary>
    public required ClockTime DefaultTime { get; init; }

    public required IReadOnlyList<ProtocolStep> Steps { get; init; }

    /// <summary>Cap on a weight-based dose (the paediatric 4.5 mg).</summary>
    public decimal? MaxDoseMg { get; init; }

    /// <summary>
    /// The lowest dose that still counts as reaching the target when higher steps are not tolerated
    /// (the LDN Research Trust's "highest tolerated dose ≥ 3 mg").
    /// </summary>
    public decimal? LowestTargetMg { get; init; }

    public bool NeedsWeight => Steps.Any(s => s.Dose.IsPerKilogram);
}
