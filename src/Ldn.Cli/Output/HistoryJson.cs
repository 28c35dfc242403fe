using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Core.Journal;

namespace Ldn.Cli.Output;

/// <summary>
/// The JSON contract of <c>ldn journal history --json</c> (issue 10): <c>{ "changes": [ { kind, id,
/// revision, change, at, before, after, reason, undoes } ] }</c>, oldest first; <c>before</c> and
/// <c>after</c> are the entry's JSON documents (null where there is none), <c>at</c> is ISO 8601 with the
/// journal zone's offset.
/// </summary>
internal static class HistoryJson
{
    public static void Write(IReadOnlyList<JournalChange> changes, string homeZoneId, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(writer);
        var list = new JsonArray();
        foreach (var c in changes)
        {
            list.Add(new JsonObject
            {
                ["kind"] = JournalEntryKinds.Name(c.Kind),
                ["id"] = c.EntryId,
                ["revision"] = c.Revision,
                ["change"] = JournalChange.Name(c.Change),
                ["at"] = JournalTime.Format(c.At, homeZoneId),
                ["before"] = c.Before is null ? null : JsonNode.Parse(c.Before),
                ["after"] = c.After is null ? null : JsonNode.Parse(c.After),
                ["reason"] = c.Reason,
                ["undoes"] = c.Undoes,
            });
        }

        writer.WriteLine(new JsonObject { ["changes"] = list }.ToJsonString(new JsonSerializerOptions { Encoder = JournalDocument.Options.Encoder }));
    }
}
