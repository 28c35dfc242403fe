namespace Ldn.Core.Evidence;

/// <summary>
/// How strong a study's design is, strongest first: the enum's order is the sort order and
/// <c>bestGrade</c> is the minimum. The scale and its order are explained in <c>docs/evidence.md</c>.
/// </summary>
public enum EvidenceGrade
{
    /// <summary>Meta-analysis or systematic review.</summary>
    SystematicReview,

    /// <summary>Randomised trial with parallel arms (placebo or active control).</summary>
    Rct,

    /// <summary>Randomised crossover trial.</summary>
    CrossoverRct,

    /// <summary>Prospective uncontrolled study.</summary>
    OpenLabelPilot,

    /// <summary>Registry, retrospective cohort, chart review or survey.</summary>
    Observational,

    CaseSeries,

    CaseReport,

    /// <summary>No study (or a narrative review, which adds no data).</summary>
    None,
}

/// <summary>The kebab-case names used in the data files and the JSON output.</summary>
public static class EvidenceGrades
{
    private static readonly (EvidenceGrade Grade, string Id)[] Names =
    [
        (EvidenceGrade.SystematicReview, "systematic-review"),
        (EvidenceGrade.Rct, "rct"),
        (EvidenceGrade.CrossoverRct, "crossover-rct"),
        (EvidenceGrade.OpenLabelPilot, "open-label-pilot"),
        (EvidenceGrade.Observational, "observational"),
        (EvidenceGrade.CaseSeries, "case-series"),
        (EvidenceGrade.CaseReport, "case-report"),
        (EvidenceGrade.None, "none"),
    ];

    /// <summary>Every grade id, strongest first.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. Names.Select(n => n.Id)];

    public static string ToId(this EvidenceGrade grade) => Names.First(n => n.Grade == grade).Id;

    public static bool TryParse(string? text, out EvidenceGrade grade)
    {
        foreach (var (g, id) in Names)
        {
            if (string.Equals(text?.Trim(), id, StringComparison.OrdinalIgnoreCase))
            {
                grade = g;
                return true;
            }
        }

        grade = EvidenceGrade.None;
        return false;
    }

    /// <summary>A plain-language label for tables ("RCT", "crossover RCT").</summary>
    public static string Label(this EvidenceGrade grade) => grade switch
    {
        EvidenceGrade.SystematicReview => "systematic review",
        EvidenceGrade.Rct => "RCT",
        EvidenceGrade.CrossoverRct => "crossover RCT",
        EvidenceGrade.OpenLabelPilot => "open-label pilot",
        EvidenceGrade.Observational => "observational",
        EvidenceGrade.CaseSeries => "case series",
        EvidenceGrade.CaseReport => "case report",
        _ => "none",
    };
}
