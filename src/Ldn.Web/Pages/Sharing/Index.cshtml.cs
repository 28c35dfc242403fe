using Ldn.Web.Journal;
using Ldn.Web.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Sharing;

/// <summary>
/// <c>/sharing</c>, for patients: invite a clinician or pharmacist (a code shown once, valid for the hours
/// chosen), see who has access and revoke it at once, withdraw an open invitation, read the notes left for
/// them and the audit log of every read of their data by someone else (who, what, when) — the
/// <see cref="SharedJournals"/> use cases the <c>/api/sharing</c> routes call.
/// </summary>
[Authorize(Policy = JournalEndpoints.PatientPolicy)]
internal sealed class IndexModel(SharedJournals sharing) : RefusablePageModel
{
    public InvitationMade? Made { get; private set; }

    public IReadOnlyList<ShareView> Shares { get; private set; } = [];

    public IReadOnlyList<OpenInvitation> Invitations { get; private set; } = [];

    public IReadOnlyList<AuditView> Audit { get; private set; } = [];

    /// <summary>The <c>before</c> of the audit log's next (older) page, or null on its last page.</summary>
    public string? AuditNext { get; private set; }

    /// <summary><c>?before=</c>: where the audit log's page starts (an instant or the cursor of "Older entries"); null for the newest.</summary>
    [BindProperty(SupportsGet = true, Name = "before")]
    public string? AuditBefore { get; set; }

    public IReadOnlyList<NoteView> Notes { get; private set; } = [];

    public string? Done { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPostInvite(int? validHours) => Act(() => Made = sharing.Invite(User, validHours));

    public IActionResult OnPostRevoke(long id) => Act(() =>
    {
        sharing.Revoke(User, id);
        Done = "Access revoked: that person sees nothing of your journal from now on.";
    });

    public IActionResult OnPostWithdraw(long id) => Act(() =>
    {
        sharing.Withdraw(User, id);
        Done = "Invitation withdrawn.";
    });

    private PageResult Act(Action work)
    {
        Attempt(work);
        Load();
        return Page();
    }

    private void Load()
    {
        Shares = sharing.Shares(User);
        Invitations = sharing.Invitations(User);
        var page = AuditPage.First;
        if (!Attempt(() => page = AuditPage.Parse(AuditBefore, null)))
        {
            AuditBefore = null;
        }

        var audit = sharing.Audit(User, page);
        (Audit, AuditNext) = (audit.Entries, audit.Next);
        Notes = sharing.NotesFor(User);
    }
}
