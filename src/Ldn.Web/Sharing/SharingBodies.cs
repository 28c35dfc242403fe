namespace Ldn.Web.Sharing;

/// <summary><c>POST /api/sharing/invitations</c>: the invitation's lifetime in whole hours (1–720; default 72). The body may be left out.</summary>
internal sealed record InvitationBody(int? ValidHours);

/// <summary><c>POST /api/sharing/accept</c>: the code the patient gave (case, spaces and dashes do not matter).</summary>
internal sealed record AcceptBody(string? Code);

/// <summary><c>POST /api/patients/{id}/notes</c>: the note's text (1–4000 characters).</summary>
internal sealed record NoteBody(string? Text);
