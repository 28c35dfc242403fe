using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Ldn.Web.Sharing;

/// <summary>
/// A patient's invitation to share (table <c>ShareInvitations</c> of the accounts database): the code is shown
/// once and only its SHA-256 (<see cref="InvitationCodes.Hash"/>, 64 hex digits) is kept; it can be accepted
/// once, before <see cref="Expires"/>. Times are UTC.
/// </summary>
[Index(nameof(CodeHash), IsUnique = true)]
[Index(nameof(PatientId))]
internal sealed class ShareInvitation
{
    public long Id { get; set; }

    /// <summary>The inviting patient's account id.</summary>
    [MaxLength(450)]
    public required string PatientId { get; set; }

    [MaxLength(64)]
    public required string CodeHash { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Expires { get; set; }

    /// <summary>When it was accepted (null: still open, unless expired).</summary>
    public DateTimeOffset? Used { get; set; }

    /// <summary>The account that accepted it.</summary>
    [MaxLength(450)]
    public string? UsedBy { get; set; }
}
