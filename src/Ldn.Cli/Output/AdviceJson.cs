using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Advice;

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
        writer.WriteLine(JsonSerializer.Serialize(AdviceDocument.From(advice), DocumentJson.Options));
    }
}
