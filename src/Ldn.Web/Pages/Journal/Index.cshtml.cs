using System.Globalization;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Ldn.Web.Pages.Journal;

/// <summary>
/// <c>/journal</c>: every entry (doses, check-ins, side effects, events, medications), newest first, filtered
/// by the query <c>?kind=dose&amp;from=2026-12-01&amp;to=2026-12-31&amp;deleted=1</c> (kind as the routes
/// write it; from/to are days in the journal's zone, an entry counted on its own local day; deleted entries
/// shown greyed only with <c>deleted=1</c>). Each line links to its edit form and history and has a Delete
/// or Restore form (POST, the revision read carried so a stale one is refused); forms add an event and a
/// medication.
/// </summary>
internal sealed class JournalModel(PatientJournals journals) : PatientPageModel(journals)
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "deleted")]
    public string? ShowDeleted { get; set; }

    public IReadOnlyList<EntryRow> Rows { get; private set; } = [];

    /// <summary>The kinds a line can have, as the filter and the routes write them.</summary>
    public static IReadOnlyList<JournalEntryKind> Kinds { get; } =
        [JournalEntryKind.Dose, JournalEntryKind.CheckIn, JournalEntryKind.SideEffect, JournalEntryKind.Event, JournalEntryKind.Medication];

    /// <summary>The kind named in a page's route (<c>/journal/edit/{kind}/{id}</c>); a word that is not a listed kind is 404.</summary>
    /// <exception cref="UnknownEntryException">Not dose, check-in, side-effect, event or medication.</exception>
    public static JournalEntryKind RouteKind(string? text)
    {
        var kind = Kinds.FirstOrDefault(k => string.Equals(JournalEntryKinds.Name(k), text, StringComparison.OrdinalIgnoreCase), JournalEntryKind.Plan);
        return kind != JournalEntryKind.Plan
            ? kind
            : throw new UnknownEntryException($"'{text}' is not a kind of journal entry (dose, check-in, side-effect, event or medication).");
    }

    public bool WithDeleted => ShowDeleted is "1" or "true" or "on";

    public IActionResult OnGet() => Show();

    /// <summary>Deletes entry <paramref name="entryKind"/> <paramref name="id"/> at the <paramref name="revision"/> read.</summary>
    public IActionResult OnPostDelete(string? entryKind, long id, int? revision) => Act(j =>
    {
        var kind = EntryKind(entryKind, id, j);
        j.Delete(kind, id, revision);
        return Back(kind, id, deleted: true);
    });

    public IActionResult OnPostRestore(string? entryKind, long id, int? revision) => Act(j =>
    {
        var kind = EntryKind(entryKind, id, j);
        j.Restore(kind, id, revision);
        return Back(kind, id);
    });

    /// <summary>An event: <paramref name="eventKind"/> flare, infection, medication-change or other, at <paramref name="at"/> (empty: now).</summary>
    public IActionResult OnPostEvent(string? eventKind, string? at, string? note) => Act(j =>
    {
        var kind = EventKinds.Parse(eventKind ?? "");
        var recorded = j.RecordEvent(new EventRequest(kind, Blank(at), Note: note)).Entry;
        return Back(JournalEntryKind.Event, recorded.Id);
    });

    /// <summary>A medication taken since <paramref name="since"/> (empty: now); a name close to an opioid is asked about.</summary>
    public IActionResult OnPostMedication(string? name, string? since, bool confirm) => Act(j =>
    {
        var recorded = j.AddMedication(name ?? "", Blank(since), confirm).Entry;
        return Back(JournalEntryKind.Medication, recorded.Id);
    });

    protected override void Load(JournalService journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        JournalEntryKind? only = string.IsNullOrWhiteSpace(Kind) ? null : Listed(JournalEntryKinds.Parse(Kind));
        LocalDate? from = string.IsNullOrWhiteSpace(From) ? null : JournalTime.ParseDate(From, journal.HomeZone, journal.Now);
        LocalDate? to = string.IsNullOrWhiteSpace(To) ? null : JournalTime.ParseDate(To, journal.HomeZone, journal.Now);
        var data = journal.LoadDays(from, to);
        bool InSpan(Instant at, string zone)
        {
            var day = JournalService.LocalDay(at, zone);
            return (from is null || day >= from) && (to is null || day <= to);
        }

        IEnumerable<IJournalEntry> live =
        [
            .. data.Doses, .. data.CheckIns, .. data.SideEffects, .. data.Events,
            .. data.Medications.Where(m => InSpan(m.Since, journal.Profile.TimeZoneId)),
        ];
        var rows = live.Select(e => EntryRow.Of(e, journal, data.Scales)).ToList();
        if (WithDeleted)
        {
            rows.AddRange(Deleted(journal)
                .Select(e => EntryRow.Of(e, journal, data.Scales, deleted: true))
                .Where(r => InSpan(r.At, journal.Profile.TimeZoneId)));
        }

        Rows = [.. rows.Where(r => only is null || r.Kind == only).OrderByDescending(r => r.At).ThenByDescending(r => r.Id)];
    }

    /// <summary>The query of the list as it is now, to come back to after a form.</summary>
    public string Query(bool? deleted = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("kind", Kind);
        Add("from", From);
        Add("to", To);
        if (deleted ?? WithDeleted)
        {
            parts.Add("deleted=1");
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>Where a form of the list posts: its handler, with the list's query kept.</summary>
    public string Action(string handler) => $"/journal{Query()}{(Query().Length == 0 ? "?" : "&")}handler={handler}";

    /// <summary>Entries whose newest change is a delete, as they were deleted.</summary>
    private static IEnumerable<IJournalEntry> Deleted(JournalService journal) =>
        journal.History()
            .Where(c => c.Kind != JournalEntryKind.Plan)
            .GroupBy(c => (c.Kind, c.EntryId))
            .Where(g => g.MaxBy(c => c.Sequence)!.Change == JournalChangeType.Delete)
            .Select(g => journal.Store.Find(g.Key.Kind, g.Key.EntryId))
            .Where(s => s is { Deleted: true })
            .Select(s => s!.Entry);

    private static JournalEntryKind EntryKind(string? text, long id, JournalService journal)
    {
        var kind = Listed(JournalEntryKinds.Parse(text ?? ""));
        MustExist(journal, kind, id);
        return kind;
    }

    private static JournalEntryKind Listed(JournalEntryKind kind) => kind == JournalEntryKind.Plan
        ? throw new InvalidInputException("Plan versions are on the Plan page; the journal lists dose, check-in, side-effect, event and medication.")
        : kind;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The list as it is now (a deleted entry stays in sight, greyed, so it can be restored).</summary>
    private RedirectResult Back(JournalEntryKind kind, long id, bool deleted = false) =>
        Redirect($"/journal{Query(deleted || WithDeleted)}#{JournalEntryKinds.Name(kind)}-{id.ToString(CultureInfo.InvariantCulture)}");
}
