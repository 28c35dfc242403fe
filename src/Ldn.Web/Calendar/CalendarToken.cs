using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;

namespace Ldn.Web.Calendar;

/// <summary>
/// A patient's private calendar feed address, in the accounts database (table <c>CalendarTokens</c>). Only
/// the SHA-256 of the secret is kept (<see cref="Hash"/>); the secret itself is shown once, when made.
/// <see cref="Number"/> is the id the patient sees (1, 2, … per patient, never reused: a revoked token's row
/// stays with <see cref="Revoked"/> set, and its hash no longer opens anything). Configured by attributes so
/// that <see cref="Accounts.AccountsDb"/> needs only its <c>DbSet</c>.
/// </summary>
[Table("CalendarTokens")]
[Index(nameof(Hash), IsUnique = true)]
[Index(nameof(UserId), nameof(Number), IsUnique = true)]
internal sealed class CalendarToken
{
    [Key]
    public long Row { get; set; }

    /// <summary>The patient's account id.</summary>
    [MaxLength(450)]
    public required string UserId { get; set; }

    /// <summary>The id in the API: the patient's tokens numbered from 1.</summary>
    public long Number { get; set; }

    /// <summary>SHA-256 of the secret's 32 bytes.</summary>
    [MaxLength(32)]
    public required byte[] Hash { get; set; }

    public DateTimeOffset Created { get; set; }

    /// <summary>When the feed was last fetched with it (null: never).</summary>
    public DateTimeOffset? LastUsed { get; set; }

    /// <summary>When the patient revoked it (null: in use).</summary>
    public DateTimeOffset? Revoked { get; set; }
}
