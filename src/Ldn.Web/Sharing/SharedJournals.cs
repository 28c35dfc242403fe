using System.Buffers;
using System.Security.Claims;
using System.Text;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Web.Accounts;
using Ldn.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Ldn.Web.Sharing;

/// <summary>
/// Sharing by consent (issue 11 §3), for the API routes and the pages: a patient makes invitations, sees and
/// revokes shares, reads notes and the audit log; a clinician or pharmacist accepts an invitation, lists their
/// patients, reads a patient's data read-only through <see cref="Read{T}"/> and leaves notes. Every read of a
/// patient's data by someone else is written to the audit log before the data is given. A patient id the
/// caller has no active share of throws <see cref="SharingRefusal"/> (404, the same sentence whether the
/// patient exists or not) and writes nothing. Times are the clock's (UTC). One per request (scoped).
/// </summary>
internal sealed class SharedJournals(AccountsDb db, WebStorage storage, IClock clock)
{
    /// <summary>How long an invitation is valid when the patient does not say (hours).</summary>
    public const int DefaultValidHours = 72;

    /// <summary>The longest an invitation may be valid (hours: 30 days).</summary>
    public const int MaxValidHours = 720;

    private const string UnknownCode = "No open invitation has this code (it may be mistyped, expired or already used); ask the patient for a new one.";

    private DateTimeOffset Now => clock.GetCurrentInstant().ToDateTimeOffset();

    /// <summary>
    /// Runs <paramref name="work"/> on the journal of <paramref name="patientId"/> for <paramref name="viewer"/>,
    /// who must hold an active share of it; first writes the audit entry (<paramref name="what"/>: a short word
    /// such as <c>journal</c>, <c>advice</c>, <c>report</c>).
    /// </summary>
    /// <exception cref="SharingRefusal">404: no active share (unknown patient, never shared, or revoked); nothing is written.</exception>
    public T Read<T>(ClaimsPrincipal viewer, string patientId, string what, Func<JournalService, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var share = ActiveShare(viewer, patientId);
        Record(share, viewer, what);
        using var store = storage.OpenJournal(share.PatientId, clock);
        return work(new JournalService(store, clock));
    }

    /// <summary>The patients who share with <paramref name="viewer"/> now, by email.</summary>
    public IReadOnlyList<SharedPatient> Patients(ClaimsPrincipal viewer)
    {
        var id = UserId(viewer);
        return [.. (from s in db.Shares
                    where s.GranteeId == id && s.Revoked == null
                    join u in db.Users on s.PatientId equals u.Id
                    orderby u.Email
                    select new SharedPatient(s.PatientId, u.Email ?? s.PatientId, s.Since)).AsNoTracking()];
    }

    /// <summary>A new invitation of <paramref name="patient"/>, valid for <paramref name="validHours"/> (default 72, 1–720).</summary>
    /// <exception cref="InvalidInputException">The hours are out of range.</exception>
    /// <exception cref="SharingRefusal">403: the caller is not a patient.</exception>
    public InvitationMade Invite(ClaimsPrincipal patient, int? validHours)
    {
        var patientId = PatientId(patient);
        var hours = validHours ?? DefaultValidHours;
        if (hours is < 1 or > MaxValidHours)
        {
            throw new InvalidInputException($"validHours is the invitation's lifetime in whole hours, from 1 to {MaxValidHours} (30 days); {hours} is not.");
        }

        var code = InvitationCodes.New();
        var now = Now;
        var invitation = new ShareInvitation { PatientId = patientId, CodeHash = InvitationCodes.Hash(code), Created = now, Expires = now.AddHours(hours) };
        db.ShareInvitations.Add(invitation);
        db.SaveChanges();
        return new InvitationMade(invitation.Id, code, invitation.Expires);
    }

    /// <summary>The patient's invitations still open (not used, not expired), oldest first.</summary>
    public IReadOnlyList<OpenInvitation> Invitations(ClaimsPrincipal patient)
    {
        var id = PatientId(patient);
        var now = Now;
        // Filtered after reading: SQLite cannot compare DateTimeOffset values in a query.
        return [.. db.ShareInvitations.AsNoTracking().Where(i => i.PatientId == id && i.Used == null).OrderBy(i => i.Id)
            .AsEnumerable().Where(i => i.Expires > now).Select(i => new OpenInvitation(i.Id, i.Created, i.Expires))];
    }

    /// <summary>Withdraws an open invitation of the patient: its code stops working.</summary>
    /// <exception cref="SharingRefusal">404: no open invitation of this patient has that id.</exception>
    public void Withdraw(ClaimsPrincipal patient, long invitationId)
    {
        var id = PatientId(patient);
        var removed = db.ShareInvitations.Where(i => i.Id == invitationId && i.PatientId == id && i.Used == null).ExecuteDelete();
        if (removed == 0)
        {
            throw new SharingRefusal($"You have no open invitation with id {invitationId}.");
        }
    }

    /// <summary>
    /// Accepts an invitation: the viewer (a clinician or pharmacist) gets read-only access to the patient's data.
    /// The code is used up in the same transaction that makes the share, so two acceptances cannot both succeed.
    /// </summary>
    /// <exception cref="InvalidInputException">No code, or not of the code's form.</exception>
    /// <exception cref="SharingRefusal">
    /// 403: the caller is a patient; 404: no open invitation has the code (one sentence for unknown, expired
    /// and used); 409: the caller accepted this code already or already has access to this patient.
    /// </exception>
    public Accepted Accept(ClaimsPrincipal viewer, string? code)
    {
        var role = GranteeRole(viewer)
            ?? throw new SharingRefusal(StatusCodes.Status403Forbidden, "Only a clinician or a pharmacist can accept an invitation; a patient shares by making one.");
        var hash = InvitationCodes.Hash(code);
        var viewerId = UserId(viewer);
        var now = Now;
        var invitation = db.ShareInvitations.AsNoTracking().SingleOrDefault(i => i.CodeHash == hash);
        if (invitation is not null && invitation.UsedBy == viewerId)
        {
            throw new SharingRefusal(StatusCodes.Status409Conflict, "You have already accepted this invitation.");
        }

        if (invitation is null || invitation.Used is not null || invitation.Expires <= now)
        {
            throw new SharingRefusal(UnknownCode);
        }

        if (db.Shares.Any(s => s.PatientId == invitation.PatientId && s.GranteeId == viewerId && s.Revoked == null))
        {
            throw new SharingRefusal(StatusCodes.Status409Conflict, "You already have access to this patient's data; the code was not used.");
        }

        using var transaction = db.Database.BeginTransaction();
        DateTimeOffset? used = now;
        var taken = db.ShareInvitations.Where(i => i.Id == invitation.Id && i.Used == null)
            .ExecuteUpdate(set => set.SetProperty(i => i.Used, used).SetProperty(i => i.UsedBy, viewerId));
        if (taken == 0)
        {
            throw new SharingRefusal(UnknownCode);
        }

        var share = new Share { PatientId = invitation.PatientId, GranteeId = viewerId, GranteeRole = role, Since = now };
        db.Shares.Add(share);
        db.SaveChanges();
        transaction.Commit();
        var name = db.Users.Where(u => u.Id == share.PatientId).Select(u => u.Email).SingleOrDefault();
        return new Accepted(share.Id, share.PatientId, name ?? share.PatientId, share.Since);
    }

    /// <summary>The patient's active shares, oldest first, with each grantee's email and role.</summary>
    public IReadOnlyList<ShareView> Shares(ClaimsPrincipal patient)
    {
        var id = PatientId(patient);
        return [.. (from s in db.Shares
                    where s.PatientId == id && s.Revoked == null
                    join u in db.Users on s.GranteeId equals u.Id
                    orderby s.Id
                    select new ShareView(s.Id, u.Email ?? s.GranteeId, s.GranteeRole, s.Since)).AsNoTracking()];
    }

    /// <summary>Revokes a share of the patient at once: the grantee's next request answers 404. The audit log is kept.</summary>
    /// <exception cref="SharingRefusal">404: the patient has no active share with that id.</exception>
    public void Revoke(ClaimsPrincipal patient, long shareId)
    {
        var id = PatientId(patient);
        var share = db.Shares.SingleOrDefault(s => s.Id == shareId && s.PatientId == id && s.Revoked == null)
            ?? throw new SharingRefusal($"You have no share with id {shareId}.");
        share.Revoked = Now;
        db.SaveChanges();
    }

    /// <summary>Leaves a note for the patient (1–<see cref="PatientNote.MaxLength"/> characters, line breaks and tabs allowed).</summary>
    /// <exception cref="InvalidInputException">Empty, too long, or holding control characters or broken UTF-16.</exception>
    /// <exception cref="SharingRefusal">404: no active share.</exception>
    public NoteView AddNote(ClaimsPrincipal viewer, string patientId, string? text)
    {
        var clean = NoteText(text);
        var share = ActiveShare(viewer, patientId);
        var note = new PatientNote
        {
            PatientId = share.PatientId, AuthorId = share.GranteeId, AuthorName = Email(viewer), AuthorRole = share.GranteeRole, At = Now, Text = clean,
        };
        db.PatientNotes.Add(note);
        db.SaveChanges();
        return View(note);
    }

    /// <summary>The notes the viewer left for the patient, oldest first (a read, so audited as <c>notes</c>).</summary>
    /// <exception cref="SharingRefusal">404: no active share.</exception>
    public IReadOnlyList<NoteView> NotesBy(ClaimsPrincipal viewer, string patientId)
    {
        var share = ActiveShare(viewer, patientId);
        Record(share, viewer, "notes");
        return [.. db.PatientNotes.AsNoTracking().Where(n => n.PatientId == share.PatientId && n.AuthorId == share.GranteeId).OrderBy(n => n.Id).AsEnumerable().Select(View)];
    }

    /// <summary>Every note left for the patient, by anyone, oldest first.</summary>
    public IReadOnlyList<NoteView> NotesFor(ClaimsPrincipal patient)
    {
        var id = PatientId(patient);
        return [.. db.PatientNotes.AsNoTracking().Where(n => n.PatientId == id).OrderBy(n => n.Id).AsEnumerable().Select(View)];
    }

    /// <summary>
    /// One page of the patient's audit log (every read of their data by someone else), newest first: at most <see cref="AuditPage.Limit"/> entries older
    /// than the page's cursor or instant, and the cursor of the next page when older entries remain.
    /// </summary>
    public AuditSlice Audit(ClaimsPrincipal patient, AuditPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var id = PatientId(patient);
        var query = db.AuditEntries.AsNoTracking().Where(a => a.PatientId == id);
        if (page.BeforeId is { } beforeId)
        {
            query = query.Where(a => a.Id < beforeId);
        }

        // Read newest first and stop once the page is full; an instant is compared after reading because SQLite
        // cannot compare DateTimeOffset values in a query (the entries newer than it are skipped as they stream).
        var rows = query.OrderByDescending(a => a.Id).AsEnumerable();
        if (page.BeforeInstant is { } before)
        {
            rows = rows.Where(a => a.At < before);
        }

        var taken = rows.Take(page.Limit + 1).ToList();
        var shown = taken.Take(page.Limit).ToList();
        return new AuditSlice(
            [.. shown.Select(a => new AuditView(a.At, a.ByName, a.ByRole, a.What))],
            taken.Count > page.Limit ? AuditPage.CursorAfter(shown[^1].Id) : null);
    }

    /// <summary>
    /// Deletes what sharing keeps of an account being deleted: as a patient, its invitations, shares, the notes
    /// left for it and its audit log; as a grantee, its shares. What a deleted reader did in another patient's
    /// records (audit entries, notes left) stays there: it is that patient's record, and deleting an account
    /// must not erase a trail of reads. Joins the caller's transaction if there is one.
    /// </summary>
    public void RemoveAllFor(string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        using var transaction = db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null;
        db.ShareInvitations.Where(i => i.PatientId == userId).ExecuteDelete();
        db.Shares.Where(s => s.PatientId == userId || s.GranteeId == userId).ExecuteDelete();
        db.PatientNotes.Where(n => n.PatientId == userId).ExecuteDelete();
        db.AuditEntries.Where(a => a.PatientId == userId).ExecuteDelete();
        transaction?.Commit();
    }

    private Share ActiveShare(ClaimsPrincipal viewer, string? patientId)
    {
        var viewerId = UserId(viewer);
        return string.IsNullOrEmpty(patientId)
            ? throw SharingRefusal.NotShared()
            : db.Shares.AsNoTracking().FirstOrDefault(s => s.PatientId == patientId && s.GranteeId == viewerId && s.Revoked == null)
              ?? throw SharingRefusal.NotShared();
    }

    private void Record(Share share, ClaimsPrincipal viewer, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        db.AuditEntries.Add(new AuditEntry { PatientId = share.PatientId, ByUserId = share.GranteeId, ByName = Email(viewer), ByRole = share.GranteeRole, What = what, At = Now });
        db.SaveChanges();
    }

    private static NoteView View(PatientNote note) => new(note.Id, note.AuthorName, note.AuthorRole, note.At, note.Text);

    private static string NoteText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidInputException("Write the note's text.");
        }

        var clean = text.Trim();
        if (clean.Length > PatientNote.MaxLength)
        {
            throw new InvalidInputException($"A note is at most {PatientNote.MaxLength} characters; this one has {clean.Length}.");
        }

        if (clean.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            throw new InvalidInputException("A note may hold line breaks and tabs but no other control characters.");
        }

        for (var i = 0; i < clean.Length;)
        {
            if (Rune.DecodeFromUtf16(clean.AsSpan(i), out _, out var used) != OperationStatus.Done)
            {
                throw new InvalidInputException("The note holds a broken character (a lone UTF-16 surrogate).");
            }

            i += used;
        }

        return clean;
    }

    private static string UserId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A sharing route ran without a signed-in account.");
    }

    private static string PatientId(ClaimsPrincipal user) =>
        user?.IsInRole(AccountRoles.Patient) == true
            ? UserId(user)
            : throw new SharingRefusal(StatusCodes.Status403Forbidden, "Only a patient shares their data.");

    private static string? GranteeRole(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(AccountRoles.Clinician) ? AccountRoles.Clinician : user.IsInRole(AccountRoles.Pharmacist) ? AccountRoles.Pharmacist : null;
    }

    private static string Email(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.Name) ?? UserId(user);
}
