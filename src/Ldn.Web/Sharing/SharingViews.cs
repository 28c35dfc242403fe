namespace Ldn.Web.Sharing;

/// <summary>A new invitation: its code (shown once, never stored) and when it expires (UTC).</summary>
internal sealed record InvitationMade(long Id, string Code, DateTimeOffset Expires);

/// <summary>An invitation not yet accepted nor expired (the code itself is not kept).</summary>
internal sealed record OpenInvitation(long Id, DateTimeOffset Created, DateTimeOffset Expires);

/// <summary>An active share as its patient sees it: the grantee's email and role.</summary>
internal sealed record ShareView(long Id, string Grantee, string Role, DateTimeOffset Since);

/// <summary>An accepted invitation: the share, the patient's account id and email.</summary>
internal sealed record Accepted(long Id, string PatientId, string Name, DateTimeOffset Since);

/// <summary>A patient who shares with the caller: account id, email, since when.</summary>
internal sealed record SharedPatient(string Id, string Name, DateTimeOffset Since);

/// <summary>A note: its author's email and role when writing, when, and the text.</summary>
internal sealed record NoteView(long Id, string By, string Role, DateTimeOffset At, string Text);

/// <summary>One read of the patient's data: when (UTC), by whom (email), their role, and what was read.</summary>
internal sealed record AuditView(DateTimeOffset At, string By, string Role, string What);
