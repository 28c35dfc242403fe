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

    public IActionResult OnGet() => Show();

    /// <summary>Taken: the plan's dose for today at now (or <paramref name="doseMg"/> when typed).</summary>
    public IActionResult OnPostTaken(string? doseMg, bool confirm) => RecordDose(doseMg, skipped: false, confirm);

    public IActionResult OnPostSkipped(string? doseMg, bool confirm) => RecordDose(doseMg, skipped: true, confirm);

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
        return Recorded(j.RecordSideEffect(request, confirm).Entry);
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
        var view = View = TodayView.Of(journal);
        if (DoneId is { } id && DoneKind is { } kind && Kinds.TryGetValue(kind, out var k) && journal.Store.Find(k, id) is { Deleted: false } stored)
        {
            Done = EntryRow.Of(stored.Entry, journal, view.Scales);
        }
    }

    private static readonly Dictionary<string, JournalEntryKind> Kinds = new(StringComparer.Ordinal)
    {
        ["dose"] = JournalEntryKind.Dose,
        ["check-in"] = JournalEntryKind.CheckIn,
        ["side-effect"] = JournalEntryKind.SideEffect,
    };

    private IActionResult RecordDose(string? doseMg, bool skipped, bool confirm) => Act(j =>
    {
        decimal? mg = string.IsNullOrWhiteSpace(doseMg) ? null : JournalInput.DoseMg(doseMg);
        return Recorded(j.RecordDose(new DoseRequest(mg, Skipped: skipped), confirm).Entry);
    });

    private RedirectResult Recorded(IJournalEntry entry) =>
        Redirect($"/today?done={JournalEntryKinds.Name(entry.Kind)}&id={entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
