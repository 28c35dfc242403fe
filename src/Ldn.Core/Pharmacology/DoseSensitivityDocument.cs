namespace Ldn.Core.Pharmacology;

/// <summary>
/// The <c>sensitivity</c> table of <c>ldn dose-response --json</c> (<see cref="DoseSensitivityTable"/>): a
/// what-if; doses in mg, changes relative (−0.1 = 10% less modelled inflammation at week 12), null where no
/// swept dose reaches a 0.05% reduction. Field names are binding: add, never rename.
/// </summary>
public sealed record DoseSensitivityDocument(
    bool WhatIf,
    string WhatIfNote,
    double DefaultSynthesisUpregulation,
    double ReferenceDoseMg,
    IReadOnlyList<double> DosesMg,
    IReadOnlyList<string> Structures,
    IReadOnlyList<DoseSensitivityRowDocument> Rows,
    string Derivation)
{
    public static DoseSensitivityDocument From(DoseSensitivityTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new DoseSensitivityDocument(
            true,
            Pharmacology.WhatIf.Note,
            table.DefaultSynthesisUpregulation,
            table.ReferenceDose.Milligrams,
            [.. table.Doses.Select(d => d.Milligrams)],
            [.. table.Structures.Select(s => s.Name())],
            [.. table.Rows.Select(r => new DoseSensitivityRowDocument(r.Label, r.Multiplier, [.. r.Cells.Select(c => new DoseSensitivityCellDocument(
                c.Structure.Name(), c.SynthesisUpregulation, c.ChangeAtReference, c.LargestReductionDose?.Milligrams, c.LargestReductionChange))]))],
            table.Derivation);
    }
}

/// <summary>One α_P row; <c>multiplier</c> null for the row derived from Kosten 1986.</summary>
public sealed record DoseSensitivityRowDocument(string Label, double? Multiplier, IReadOnlyList<DoseSensitivityCellDocument> Cells);

/// <summary>One structure at one α_P: the week-12 change at the reference dose and the swept dose with the largest modelled reduction.</summary>
public sealed record DoseSensitivityCellDocument(
    string Structure,
    double SynthesisUpregulation,
    double InflammationChangeAtReference,
    double? LargestReductionDoseMg,
    double? LargestReductionChange);
