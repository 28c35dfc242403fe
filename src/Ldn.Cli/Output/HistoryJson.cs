using System.Text.Json;
using Ldn.Core.Journal;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn journal history --json</c> (issue 10): <c>{ "changes": [ { sequence, kind,
/// id, revision, change, at, before, after, reason, undoes } ] }</c>, oldest first, each change as the
/// export document writes its history (<see cref="ChangeDocument"/>): <c>before</c> and <c>after</c> are the
/// entry's JSON documents (null where there is none), <c>at</c> an ISO 8601 instant.
/// </summary>
internal static class HistoryJson
{
    public static void Write(IReadOnlyList<JournalChange> changes, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(JsonSerializer.Serialize(new { changes = changes.Select(ChangeDocument.From) }, JournalDocument.Options));
    }
}
