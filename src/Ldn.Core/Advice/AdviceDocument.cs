using Ldn.Core.Safety;

namespace Ldn.Core.Advice;

/// <summary>
/// The JSON document of advice, the same for <c>ldn advise --json</c>, <c>ldn journal advise --json</c> and
/// <c>GET /api/advice</c> (issue 4's contract: <c>action</c>, <c>reason</c>, <c>source</c> are binding;
/// <c>ruleId</c>, <c>suggestedDoseMg</c> (mg, or null), <c>safety</c> and <c>notice</c> are additions).
/// </summary>
public sealed record AdviceDocument(string Action, string Reason, string Source, string RuleId, decimal? SuggestedDoseMg, IReadOnlyList<SafetyFindingDocument> Safety, string Notice)
{
    public static AdviceDocument From(Advice advice)
    {
        ArgumentNullException.ThrowIfNull(advice);
        return new AdviceDocument(
            advice.Action,
            advice.Reason,
            advice.Source,
            advice.RuleId,
            advice.SuggestedDoseMg,
            [.. advice.Safety.Select(f => new SafetyFindingDocument(f.Code, f.Severity.Name(), f.Message, f.Source))],
            Disclaimer.NotMedicalAdvice);
    }
}

/// <summary>A safety finding in JSON: <c>code</c>, <c>severity</c> (its name), <c>message</c>, <c>source</c>.</summary>
public sealed record SafetyFindingDocument(string Code, string Severity, string Message, string Source);
