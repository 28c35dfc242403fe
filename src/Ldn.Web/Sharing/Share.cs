using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Ldn.Web.Sharing;

/// <summary>
/// Read-only access to a patient's data given to a clinician or pharmacist by an accepted invitation (table
/// <c>Shares</c>). A revoked share is kept with <see cref="Revoked"/> set; it gives no access from that moment.
/// </summary>
[Index(nameof(PatientId))]
[Index(nameof(GranteeId))]
internal sealed class Share
{
    public long Id { get; set; }

    [MaxLength(450)]
    public required string PatientId { get; set; }

    /// <summary>The clinician's or pharmacist's account id.</summary>
    [MaxLength(450)]
    public required string GranteeId { get; set; }

    /// <summary><c>clinician</c> or <c>pharmacist</c>, as the grantee's role was when accepting.</summary>
    [MaxLength(32)]
    public required string GranteeRole { get; set; }

    public DateTimeOffset Since { get; set; }

    public DateTimeOffset? Revoked { get; set; }
}
