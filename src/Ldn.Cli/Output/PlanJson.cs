using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Protocols;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn plan --json</c> (issue 4): <c>protocol</c>, <c>steps</c> with <c>from</c>,
/// <c>to</c>, <c>doseMg</c>, <c>at</c>, <c>volumeMl</c>, and <c>warnings</c>. Field names are binding: add,
/// never rename. The same document is what <c>ldn simulate --plan FILE</c> and the journal read back
/// (<see cref="PlanDocument.ReadSteps(string, string)"/>).
/// </summary>
internal static class PlanJson
{
    public static void Write(TitrationPlan plan, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(PlanDocument.From(plan, LdnApp.Notice), DocumentJson.Options));
    }
}
