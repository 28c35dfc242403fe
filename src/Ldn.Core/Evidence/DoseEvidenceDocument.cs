namespace Ldn.Core.Evidence;

/// <summary>
/// One entry of the <c>evidence</c> array of <c>ldn dose-response --json</c>, <c>ldn simulate --json</c> and
/// <c>POST /api/simulate</c>: <c>study</c> (citation), <c>dose</c> (as published), <c>result</c>, <c>source</c>
/// (doi, PMID, registry), and the structured values (n, daily doses in mg, published numbers). Field names
/// are binding: add, never rename.
/// </summary>
public sealed record DoseEvidenceDocument(string Study, string Dose, string Result, string Source)
{
    public string Design { get; init; } = "";

    public string Condition { get; init; } = "";

    public int N { get; init; }

    public IReadOnlyList<double> DoseMg { get; init; } = [];

    public IReadOnlyList<ClinicalDoseNumber> Numbers { get; init; } = [];

    /// <summary>The studies of <paramref name="evidence"/> in file order (dose-finding first).</summary>
    public static IReadOnlyList<DoseEvidenceDocument> From(ClinicalDoseEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return [.. evidence.Studies.Select(s => new DoseEvidenceDocument(s.Citation, s.DoseText, s.Result, s.Source)
        {
            Design = s.Design,
            Condition = s.Condition,
            N = s.N,
            DoseMg = s.DosesMg,
            Numbers = s.Numbers,
        })];
    }
}
