using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace Ldn.Web.Sharing;

/// <summary>
/// A note a clinician or pharmacist with a share left for a patient (table <c>PatientNotes</c>), at most
/// <see cref="MaxLength"/> characters. The author's email and role are copied in, so the patient keeps the
/// note after the author's account is gone.
/// </summary>
[Index(nameof(PatientId))]
internal sealed class PatientNote
{
    public const int MaxLength = 4000;

    public long Id { get; set; }

    [MaxLength(450)]
    public required string PatientId { get; set; }

    [MaxLength(450)]
    public required string AuthorId { get; set; }

    [MaxLength(256)]
    public required string AuthorName { get; set; }

    [MaxLength(32)]
    public required string AuthorRole { get; set; }

    public DateTimeOffset At { get; set; }

    [MaxLength(MaxLength)]
    public required string Text { get; set; }
}
