using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Web.Journal;
using Ldn.Web.Pages.Journal;
using Microsoft.AspNetCore.Mvc;

namespace Ldn.Web.Pages.Today;

/// <summary>
/// <c>/today</c>, the patient's day: the dose due from the plan version in force on today's dose day (before
/// 06:00 the night before's), one-tap Taken / Skipped (the plan's mg at now; without a plan step, the mg typed),
/// the doses already recorded that dose day, the check-in on every scale of the journal's catalogue, the
/// ongoing side effects (add, end), and the advice of <see cref="JournalService.Advise"/> with its safety
/// findings. Every form posts back here and, once stored, redirects to <c>/today?done={kind}&amp;id={id}</c>
/// (post/redirect/get), which shows what was recorded with a link to correct it.
/// </summary>
internal sealed class TodayModel(PatientJournals journals) : PatientPageModel(journals)
{
    /// <summary>What the page shows of the journal (the forms post back here).</summary>
    public TodayView? View { get; private set; }

    /// <summary>The entry just recorded (from <c>?done=</c>), with its correction link.</summary>
    public EntryRow? Done { get; private set; }

    [BindProperty(SupportsGet = true, Name = "done")]
    public string? DoneKind { get; set; }

    [BindProperty(SupportsGet = true, Name = "id")]
    public long? DoneId { get; set; }

    /// <summary>What the journal said about the entry just recorded (its notes, e.g. that the plan's dose differs), kept across the redirect.</summary>
    public IReadOnlyList<string> DoneNotes { get; private set; } = [];

    /// <summary>The time typed on the dose form, shown again when the form was refused.</summary>
    public string? DoseAt { get; private set; }

    /// <summary>The longest time the dose form takes (its field's maxlength): the journal's sentence repeats what was typed.</summary>
    private const int MaxTimeLength = 40;

    /// <summary>The TempData key of an entry's notes: per entry, so they are never shown beside another one.</summary>
    private static string NotesKey(JournalEntryKind kind, long id) => $"notes-{JournalEntryKinds.Name(kind)}-{id.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public IActionResult OnGet() => Show();

    /// <summary>
    /// Taken: the plan's dose for the day at now, or at <paramref name="at"/> when typed (as the API's and the CLI's
    /// times: <c>21:30</c>, <c>yesterday 22:00</c>, <c>2026-11-30 22:00</c>, in the journal's zone; not more than an
    /// hour ahead); <paramref name="doseMg"/> when typed.
    /// </summary>
    public IActionResult OnPostTaken(string? doseMg, string? at, bool confirm) => RecordDose(doseMg, at, skipped: false, confirm);

    public IActionResult OnPostSkipped(string? doseMg, string? at, bool confirm) => RecordDose(doseMg, at, skipped: true, confirm);

    /// <summary>A check-in: fields <c>score-{scale id}</c> (0–10, empty skips) and <c>note</c>.</summary>
    public IActionResult OnPostCheckIn(string? note) => Act(j =>
    {
        var scales = j.LoadDays(j.Today, j.Today).Scales;
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scale in scales)
        {
            if (Request.Form[$"score-{scale.Id}"].ToString() is { Length: > 0 } text && !string.IsNullOrWhiteSpace(text))
            {
                scores[scale.Id] = JournalInput.Score(text, scale.Label);
            }
        }

        if (scores.Count == 0)
        {
            throw new InvalidInputException("Give at least one score from 0 to 10; nothing was recorded.");
        }

        return Recorded(j.RecordCheckIn(new CheckInRequest(scores, Note: note)).Entry);
    });

    /// <summary>A side effect starting now: <paramref name="kind"/> from the catalogue (or a name for one), <paramref name="severity"/> mild, moderate or severe.</summary>
    public IActionResult OnPostSideEffect(string? kind, string? severity, string? note, bool confirm) => Act(j =>
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw new InvalidInputException("Choose the kind of side effect; nothing was recorded.");
        }

        var request = new SideEffectRequest(kind, JournalInput.Severity(severity ?? "mild"), Note: note);
        var recorded = j.RecordSideEffect(request, confirm);
        return Recorded(recorded.Entry, recorded.Notes);
    });

    /// <summary>Ends the ongoing side effect <paramref name="id"/> now.</summary>
    public IActionResult OnPostEndSideEffect(long id) => Act(j =>
    {
        MustExist(j, JournalEntryKind.SideEffect, id);
        j.EndSideEffect(id, null);
        return Recorded(j.Find(JournalEntryKind.SideEffect, id).Entry);
    });

    protected override void Load(JournalService journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var view = View = TodayView.Of(journal) with { DoseAt = DoseAt };
        if (DoneId is { } id && DoneKind is { } kind && Kinds.TryGetValue(kind, out var k) && journal.Store.Find(k, id) is { Deleted: false } stored)
        {
            Done = EntryRow.Of(stored.Entry, journal, view.Scales);
            DoneNotes = TempData[NotesKey(k, id)] as string[] ?? [];
        }
    }

    private static readonly Dictionary<string, JournalEntryKind> Kinds = new(StringComparer.Ordinal)
    {
        ["dose"] = JournalEntryKind.Dose,
        ["check-in"] = JournalEntryKind.CheckIn,
        ["side-effect"] = JournalEntryKind.SideEffect,
    };

    private IActionResult RecordDose(string? doseMg, string? at, bool skipped, bool confirm)
    {
        DoseAt = at?.Length > MaxTimeLength ? null : at;
        return Act(j =>
        {
            if (at?.Trim().Length > MaxTimeLength)
            {
                throw new InvalidInputException($"A time is at most {MaxTimeLength} characters, such as 21:30 or yesterday 22:00; nothing was recorded.");
            }

            decimal? mg = string.IsNullOrWhiteSpace(doseMg) ? null : JournalInput.DoseMg(doseMg);
            // An empty time is now; anything else is read by the journal as the API reads "at" (one sentence if not a time).
            var recorded = j.RecordDose(new DoseRequest(mg, At: string.IsNullOrWhiteSpace(at) ? null : at, Skipped: skipped), confirm);
            return Recorded(recorded.Entry, recorded.Notes);
        });
    }

    /// <summary>Post/redirect/get to the entry; its notes travel in TempData (a protected cookie) so the redirect does not lose them.</summary>
    private RedirectResult Recorded(IJournalEntry entry, IReadOnlyList<string>? notes = null)
    {
        if (notes is { Count: > 0 })
        {
            TempData[NotesKey(entry.Kind, entry.Id)] = notes.ToArray();
        }

        return Redirect($"/today?done={JournalEntryKinds.Name(entry.Kind)}&id={entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    }
}
