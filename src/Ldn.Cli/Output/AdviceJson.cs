using System.Text.Json;
using Ldn.Core.Advice;
using Ldn.Core.Safety;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn advise --json</c> (issue 4): <c>action</c>, <c>reason</c>, <c>source</c>
/// are binding; <c>ruleId</c>, <c>suggestedDoseMg</c>, <c>safety</c> and <c>notice</c> are additions.
/// </summary>
internal static class AdviceJson
{
    public static void Write(Advice advice, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(From(advice), SimulationJson.Options));
    }

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
            LdnApp.Notice);
    }
}

internal sealed record AdviceDocument(string Action, string Reason, string Source, string RuleId, decimal? SuggestedDoseMg, IReadOnlyList<SafetyFindingDocument> Safety, string Notice);

internal sealed record SafetyFindingDocument(string Code, string Severity, string Message, string Source);
