using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Ldn.Web.Sharing;

/// <summary>
/// One read of a patient's data by someone else (table <c>AuditEntries</c>), written before the data is
/// returned. The reader's email and role are copied in, so the patient's log still says who read after the
/// reader's account is gone.
/// </summary>
[Index(nameof(PatientId))]
internal sealed class AuditEntry
{
    public long Id { get; set; }

    [MaxLength(450)]
    public required string PatientId { get; set; }

    [MaxLength(450)]
    public required string ByUserId { get; set; }

    /// <summary>The reader's email when reading.</summary>
    [MaxLength(256)]
    public required string ByName { get; set; }

    [MaxLength(32)]
    public required string ByRole { get; set; }

    /// <summary>What was read: <c>journal</c>, <c>advice</c>, <c>notes</c>, … (a word the route gives).</summary>
    [MaxLength(64)]
    public required string What { get; set; }

    public DateTimeOffset At { get; set; }
}
