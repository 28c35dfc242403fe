namespace Ldn.Core.Evidence;

/// <summary>
/// One human study that bears on the LDN dose (<c>data/evidence/dose/clinical-dose.yaml</c>): who, how,
/// which daily doses (mg), and what was found, with the published numbers and identifiers.
/// </summary>
public sealed record ClinicalDoseStudy
{
    /// <summary>Kebab-case key, e.g. <c>bruun-plesner-2020</c>.</summary>
    public required string Id { get; init; }

    public required string Citation { get; init; }

    public required string Design { get; init; }

    public required string Condition { get; init; }

    /// <summary>Participants analysed (or randomised, as the source gives it).</summary>
    public required int N { get; init; }

    /// <summary>Enrolment detail when it differs from <see cref="N"/>, e.g. "27 women enrolled, 25 evaluable".</summary>
    public string? NText { get; init; }

    /// <summary>Each daily dose studied, mg, ascending.</summary>
    public required IReadOnlyList<double> DosesMg { get; init; }

    public required string DoseText { get; init; }

    /// <summary>The result as one or two sentences.</summary>
    public required string Result { get; init; }

    public required IReadOnlyList<ClinicalDoseNumber> Numbers { get; init; }

    public string? Doi { get; init; }

    public string? Pmid { get; init; }

    public string? Registry { get; init; }

    /// <summary>The identifiers that exist, joined: "doi:…, PMID …, NCT…".</summary>
    public string Source => string.Join(", ", new[] { Doi is null ? null : "doi:" + Doi, Pmid is null ? null : "PMID " + Pmid, Registry }.OfType<string>());

    /// <summary>The value of the published number called <paramref name="name"/>; null when the study does not give it.</summary>
    public double? Number(string name) => Numbers.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
