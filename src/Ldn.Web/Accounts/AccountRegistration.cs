using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Ldn.Web.Accounts;

/// <summary>
/// Makes an account with its role and, for a patient, its journal in the time zone given (UTC if none):
/// the one registration used by <c>POST /api/account/register</c> and the sign-up page.
/// </summary>
internal sealed class AccountRegistration(UserManager<WebUser> users, WebStorage storage, IClock clock)
{
    /// <summary>Registers <paramref name="email"/>; role null or blank is patient.</summary>
    /// <exception cref="InvalidInputException">A missing field, an unknown role or zone, or Identity's refusal (its sentences: a taken email, a weak password).</exception>
    public async Task<AccountCreated> RegisterAsync(string? email, string? password, string? role, string? timeZone)
    {
        var address = Required(email, "email");
        var secret = Required(password, "password");
        var roleName = AccountRoles.Parse(role);
        var zone = roleName == AccountRoles.Patient ? JournalTime.Zone(string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim()) : null;
        var user = new WebUser { UserName = address, Email = address };
        var created = await users.CreateAsync(user, secret).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            throw new InvalidInputException(Refusal(created));
        }

        try
        {
            await users.AddToRoleAsync(user, roleName).ConfigureAwait(false);
            if (zone is not null)
            {
                using var store = storage.OpenJournal(user.Id, clock);
                _ = new JournalService(store, clock).Initialize(new JournalProfile { TimeZoneId = zone.Id }, [], null);
            }
        }
        catch
        {
            // No account without its journal: a half-made account could never get one.
            await users.DeleteAsync(user).ConfigureAwait(false);
            throw;
        }

        return new AccountCreated(user.Id, address, roleName, zone?.Id);
    }

    /// <summary>The trimmed value of a required field.</summary>
    /// <exception cref="InvalidInputException">It is missing or blank.</exception>
    public static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidInputException($"Give the {field}.") : value.Trim();

    /// <summary>
    /// The email to look an account up by, trimmed. A control character is refused before any query: no account's
    /// email holds one, and PostgreSQL cannot even compare text holding NUL (it answered a login with a 500).
    /// </summary>
    /// <exception cref="InvalidInputException">Empty, or holding a control character.</exception>
    public static string LookupEmail(string? value)
    {
        var email = Required(value, "email");
        return email.Any(char.IsControl) ? throw new InvalidInputException("The email holds a control character; type it again.") : email;
    }

    /// <summary>
    /// Identity's refusal as one sentence: the password rules it breaks, else the email's problem (Identity also
    /// refuses the user name, which is the email, in a sentence of its own), else its first description.
    /// </summary>
    private string Refusal(IdentityResult refused) =>
        refused.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal))
            ? PasswordRules.Sentence(refused, users.Options.Password.RequiredLength, "The password")
            : (refused.Errors.FirstOrDefault(e => e.Code.Contains("Email", StringComparison.Ordinal)) ?? refused.Errors.FirstOrDefault())?.Description
              ?? "The account was not created.";
}
