using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// How the module's what-if verdict depends on α_P and on the blockade structure (issue 12 item 5):
/// rows of α_P, columns of structures, cells at <see cref="ReferenceDose"/> after 12 weeks of daily dosing
/// with the largest modelled reduction among <see cref="Doses"/>. <see cref="Derivation"/> explains the Kosten row.
/// </summary>
public sealed record DoseSensitivityTable(
    double DefaultSynthesisUpregulation,
    Mass ReferenceDose,
    IReadOnlyList<Mass> Doses,
    IReadOnlyList<OccupancyScenario> Structures,
    IReadOnlyList<DoseSensitivityRow> Rows,
    string Derivation);
