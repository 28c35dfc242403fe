using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Evidence;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn evidence --json</c>. Field names are binding: add, never rename. Values the
/// research document does not state are null; grades use the ids of <see cref="EvidenceGrades"/>.
/// </summary>
internal static class EvidenceJson
{
    public static void Write(IReadOnlyList<ConditionEvidence> conditions, EvidenceSet set, bool single, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(From(conditions, set, single), DocumentJson.Options));
    }

    /// <summary>All conditions, or one (<paramref name="single"/>) with only the claims about it.</summary>
    public static EvidenceDocumentJson From(IReadOnlyList<ConditionEvidence> conditions, EvidenceSet set, bool single)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        ArgumentNullException.ThrowIfNull(set);
        return new EvidenceDocumentJson([.. conditions.Select(Condition)])
        {
            Grades = EvidenceGrades.Ids,
            SideEffects = [.. set.SideEffects.Select(s => new SideEffectJson(s.Id, s.Name, s.Aliases, s.Summary, [.. s.Findings.Select(Finding)]))],
            Discontinuations = [.. set.Discontinuations.Select(Finding)],
            Claims = [.. (single ? set.ClaimsAbout(conditions[0].Id) : set.Claims)
                .Select(c => new ClaimJson(c.Id, c.Claim, c.Verdict, c.Rating, c.Basis, c.Conditions))],
            Notice = LdnApp.Notice,
        };
    }

    private static ConditionJson Condition(ConditionEvidence c) =>
        new(c.Id, c.Name, c.BestGrade.ToId(), [.. c.Studies.Select(Study)])
        {
            Aliases = c.Aliases,
            Summary = c.Summary,
            RegisteredTrials = [.. c.RegisteredTrials.Select(Study)],
            Reviews = [.. c.Reviews.Select(Study)],
        };

    private static StudyJson Study(Study s) =>
        new(s.Authors, s.Year, s.Journal, s.Doi, s.Pmid, s.Design, s.N, s.DoseMg, s.DurationWeeks, s.Outcome, s.Result, s.Grade.ToId())
        {
            Registry = s.Registry,
            Source = s.Source,
            Status = s.Status.ToId(),
            NText = s.NText,
            Population = s.Population,
            DoseText = s.DoseText,
            DurationText = s.DurationText,
            Verified = s.Verified,
            Notes = s.Notes,
            Condition = s.ConditionId,
            AlsoFor = s.AlsoFor,
            PooledGrade = s.PooledGrade?.ToId(),
            Indirect = s.Indirect,
            CountsAs = s.CountsAs.ToId(),
        };

    private static FindingJson Finding(SideEffectFinding f) =>
        new(f.Source, f.ConditionId, f.Comparison.ToString().ToLowerInvariant(), f.Events, f.Total, f.Rate, f.RiskRatio, f.RiskRatioLow, f.RiskRatioHigh, f.Text);
}

internal sealed record EvidenceDocumentJson(IReadOnlyList<ConditionJson> Conditions)
{
    /// <summary>The grade scale, strongest first.</summary>
    public IReadOnlyList<string> Grades { get; init; } = [];

    public IReadOnlyList<SideEffectJson> SideEffects { get; init; } = [];

    public IReadOnlyList<FindingJson> Discontinuations { get; init; } = [];

    public IReadOnlyList<ClaimJson> Claims { get; init; } = [];

    public string Notice { get; init; } = "";
}

internal sealed record ConditionJson(string Id, string Name, string BestGrade, IReadOnlyList<StudyJson> Studies)
{
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string Summary { get; init; } = "";

    public IReadOnlyList<StudyJson> RegisteredTrials { get; init; } = [];

    public IReadOnlyList<StudyJson> Reviews { get; init; } = [];
}

internal sealed record StudyJson(
    string? Authors,
    int? Year,
    string? Journal,
    string? Doi,
    string? Pmid,
    string Design,
    int? N,
    double? DoseMg,
    double? DurationWeeks,
    string? Outcome,
    string? Result,
    string Grade)
{
    public string? Registry { get; init; }

    public string? Source { get; init; }

    public string Status { get; init; } = "";

    public string? NText { get; init; }

    public string? Population { get; init; }

    public string? DoseText { get; init; }

    public string? DurationText { get; init; }

    public bool Verified { get; init; }

    public string? Notes { get; init; }

    public string Condition { get; init; } = "";

    public IReadOnlyList<string> AlsoFor { get; init; } = [];

    /// <summary>For a systematic review, the strongest design it pools.</summary>
    public string? PooledGrade { get; init; }

    /// <summary>True when the population lies mostly outside the condition (not counted for bestGrade).</summary>
    public bool Indirect { get; init; }

    /// <summary>The grade this study lends to the condition's bestGrade.</summary>
    public string CountsAs { get; init; } = "";
}

internal sealed record SideEffectJson(string Id, string Name, IReadOnlyList<string> Aliases, string Summary, IReadOnlyList<FindingJson> Findings);

internal sealed record FindingJson(
    string Source,
    string? Condition,
    string Comparison,
    int? Events,
    int? Total,
    double? Rate,
    double? RiskRatio,
    double? RiskRatioLow,
    double? RiskRatioHigh,
    string Text);

internal sealed record ClaimJson(string Id, string Claim, string Verdict, string Rating, string Basis, IReadOnlyList<string> Conditions);
