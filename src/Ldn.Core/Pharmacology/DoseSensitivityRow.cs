namespace Ldn.Core.Pharmacology;

/// <summary>
/// One row of the what-if sensitivity table: α_P as <see cref="Multiplier"/> × its default, or (multiplier
/// null) derived per structure from Kosten 1986 (<see cref="Evidence.SynthesisHint"/>); one cell per structure.
/// </summary>
public sealed record DoseSensitivityRow(string Label, double? Multiplier, IReadOnlyList<DoseSensitivityCell> Cells);
