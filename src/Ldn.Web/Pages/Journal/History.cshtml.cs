using System.Text.Json.Nodes;
using Ldn.Core.Journal;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Mvc;

namespace Ldn.Web.Pages.Journal;

/// <summary>
/// <c>/journal/history/{kind}/{id}</c>: every change of one entry, oldest first (<see cref="JournalService.History"/>):
/// what was done (added, edited, deleted, restored), when, the revision it made, the reason given, and for
/// an edit the fields that changed with their old and new values. 404 for an id not in the journal.
/// </summary>
internal sealed class HistoryModel(PatientJournals journals) : PatientPageModel(journals)
{
    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindText { get; set; }

    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    public JournalEntryKind Kind { get; private set; }

    /// <summary>The entry as it is now, or null when it is not in the journal.</summary>
    public EntryRow? Current { get; private set; }

    public IReadOnlyList<ChangeLine> Changes { get; private set; } = [];

    public IActionResult OnGet() => Show();

    protected override void Load(JournalService journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        Kind = JournalModel.RouteKind(KindText);
        MustExist(journal, Kind, Id);
        var stored = journal.Store.Find(Kind, Id)!;
        Current = EntryRow.Of(stored.Entry, journal, journal.LoadDays(journal.Today, journal.Today).Scales, stored.Deleted);
        Changes = [.. journal.History(Kind, Id).Select(c => new ChangeLine(
            JournalChange.Name(c.Change),
            journal.Describe(c.At, journal.Profile.TimeZoneId),
            c.Revision,
            c.Reason,
            c.Change == JournalChangeType.Edit ? Differences(c.Before, c.After) : []))];
    }

    /// <summary>The fields whose JSON value differs between the two documents, as (field, before, after).</summary>
    private static List<FieldChange> Differences(string? before, string? after)
    {
        var old = before is null ? [] : JsonNode.Parse(before)?.AsObject() ?? [];
        var now = after is null ? [] : JsonNode.Parse(after)?.AsObject() ?? [];
        return [.. old.Select(p => p.Key).Union(now.Select(p => p.Key))
            .Where(key => key is not "revision" && !JsonNode.DeepEquals(old[key], now[key]))
            .Select(key => new FieldChange(key, Text(old[key]), Text(now[key])))];
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "—",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => value.ToJsonString(),
    };
}

/// <summary>One change of an entry as the history page lists it.</summary>
internal sealed record ChangeLine(string Change, string When, int Revision, string? Reason, IReadOnlyList<FieldChange> Fields);

/// <summary>A field an edit changed: its JSON name, the value before and after.</summary>
internal sealed record FieldChange(string Field, string Before, string After);
