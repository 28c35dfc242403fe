using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Reports;
using Ldn.Web.Hosting;
using Ldn.Web.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Patients;

/// <summary>
/// <c>/patients/{id}</c>, for a clinician or pharmacist with an active share: the patient's report, read-only
/// (the same <see cref="JournalReport.RenderEmbedded"/> as the patient's own Report page), read through
/// <see cref="SharedJournals.Read{T}"/> so the read is in the patient's audit log before anything is shown; and
/// the notes this reader left, with a form to leave one. Without a share: 404 with the one sentence that
/// reveals nothing.
/// </summary>
[Authorize(Policy = PatientEndpoints.GranteePolicy)]
internal sealed class PatientModel(SharedJournals sharing) : PageModel
{
    public string? ReportHtml { get; private set; }

    public IReadOnlyList<NoteView> Notes { get; private set; } = [];

    public string? Error { get; private set; }

    public string? Name { get; private set; }

    public IActionResult OnGet(string id) => Show(id, null);

    public IActionResult OnPostNote(string id, string? text) => Show(id, () => sharing.AddNote(User, id, text));

    private PageResult Show(string id, Action? before)
    {
        try
        {
            before?.Invoke();
            Name = sharing.Patients(User).FirstOrDefault(p => p.Id == id)?.Name;
            ReportHtml = sharing.Read(User, id, "report", j =>
            {
                var today = j.Today;
                var data = j.LoadUpTo(today);
                var review = JournalReview.Of(data, today, now: j.Now);
                return JournalReport.RenderEmbedded(data, review.Analysis, review.Advice, review.Safety, j.Now.InZone(j.HomeZone).ToDateTimeOffset(), ReportAssets.Scripts);
            });
            Notes = sharing.NotesBy(User, id);
        }
        catch (SharingRefusal refusal)
        {
            Error = refusal.Message;
            Response.StatusCode = refusal.Status;
        }
        catch (InvalidInputException mistake)
        {
            Error = mistake.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
