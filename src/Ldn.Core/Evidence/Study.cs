namespace Ldn.Core.Evidence;

/// <summary>
/// One study, registered trial or review as the research document gives it. Values the document does
/// not state are null; <see cref="Verified"/> is false where it flags a figure as unverified.
/// </summary>
public sealed record Study
{
    /// <summary>The condition whose file lists the study.</summary>
    public required string ConditionId { get; init; }

    /// <summary>Other conditions the study also informs (e.g. a mixed Crohn's/UC cohort).</summary>
    public IReadOnlyList<string> AlsoFor { get; init; } = [];

    public string? Authors { get; init; }

    public int? Year { get; init; }

    public string? Journal { get; init; }

    public string? Doi { get; init; }

    public string? Pmid { get; init; }

    /// <summary>Trial registry id (NCT, EudraCT, CTRI).</summary>
    public string? Registry { get; init; }

    /// <summary>Free-text citation for items with no DOI, PMID or registry id.</summary>
    public string? Source { get; init; }

    public required string Design { get; init; }

    public required EvidenceGrade Grade { get; init; }

    /// <summary>
    /// For a systematic review: the strongest design among the studies it pools. A review of uncontrolled
    /// studies is no stronger than they are, whatever its own label.
    /// </summary>
    public EvidenceGrade? PooledGrade { get; init; }

    /// <summary>
    /// True when the study's population lies mostly outside the condition whose file lists it (GRADE's
    /// "indirectness"), e.g. an arthritis-pain trial with 6 of 23 patients having inflammatory arthritis.
    /// It is shown but does not set the condition's best grade.
    /// </summary>
    public bool Indirect { get; init; }

    /// <summary>
    /// The grade the study lends its condition's <c>bestGrade</c>: a systematic review of randomised trials
    /// keeps its grade, one of weaker designs counts as the strongest of them; an indirect study lends none.
    /// </summary>
    public EvidenceGrade CountsAs => Indirect
        ? EvidenceGrade.None
        : PooledGrade is { } pooled && pooled > EvidenceGrade.CrossoverRct ? pooled : Grade;

    public StudyStatus Status { get; init; } = StudyStatus.Published;

    public int? N { get; init; }

    /// <summary>How the document describes the sample ("80 enrolled, 60 completed").</summary>
    public string? NText { get; init; }

    public string? Population { get; init; }

    public double? DoseMg { get; init; }

    public string? DoseText { get; init; }

    public double? DurationWeeks { get; init; }

    public string? DurationText { get; init; }

    /// <summary>The outcome instrument.</summary>
    public string? Outcome { get; init; }

    public string? Result { get; init; }

    public bool Verified { get; init; } = true;

    public string? Notes { get; init; }

    /// <summary>The dose as the document words it, else "4.5 mg"; null when not stated.</summary>
    public string? DoseDescription =>
        DoseText ?? (DoseMg is { } mg ? mg.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " mg" : null);

    /// <summary>The duration as the document words it, else "12 wk"; null when not stated.</summary>
    public string? DurationDescription =>
        DurationText ?? (DurationWeeks is { } w ? w.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " wk" : null);

    /// <summary>"Smith JP 2011": first author (or the source) and year, for tables.</summary>
    public string ShortName
    {
        get
        {
            var who = Authors is { Length: > 0 } a ? a.Split(',')[0].Trim() : Journal ?? Source ?? Registry ?? "Unattributed";
            return Year is { } y ? $"{who} {y}" : who;
        }
    }

    /// <summary>The identifiers and journal in one line ("doi:…; PMID …; NCT…").</summary>
    public string Citation
    {
        get
        {
            var parts = new List<string>();
            if (Journal is not null)
            {
                parts.Add(Journal);
            }

            if (Doi is not null)
            {
                parts.Add("doi:" + Doi);
            }

            if (Pmid is not null)
            {
                parts.Add("PMID " + Pmid);
            }

            if (Registry is not null)
            {
                parts.Add(Registry);
            }

            if (Source is not null && Journal is null)
            {
                parts.Add(Source);
            }

            return string.Join("; ", parts);
        }
    }
}
