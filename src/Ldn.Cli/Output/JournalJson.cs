using System.Text.Json;
using Ldn.Core.Journal;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn journal show --json</c> and <c>export --json</c> (issue 5): <c>doses</c> [at,
/// doseMg, formulation, skipped], <c>checkIns</c> [at, fatigue, pain, sleep, mood, focus, note],
/// <c>sideEffects</c> [kind, severity, from, to], <c>events</c>, plus profile, plan and medications so the
/// export round-trips. Field names are binding: add, never rename.
/// </summary>
internal static class JournalJson
{
    public static void Write(JournalDocument document, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(document, JournalDocument.Options));
    }
}
