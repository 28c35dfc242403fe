using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Ldn.Core.Journal;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Ldn.Web.Accounts;

/// <summary>
/// What a signed-in account does with itself, on Identity's <see cref="UserManager{TUser}"/> and
/// <see cref="SignInManager{TUser}"/>: change its password, download all its data, delete itself with all its
/// data, list, rename and remove its passkeys. The one implementation behind both the <c>/api/account/…</c>
/// routes and the <c>/account</c> page. A refusal is an <see cref="AccountRefusal"/> (one sentence) or, for a
/// missing field, an <see cref="Core.InvalidInputException"/>; a refused call changes nothing.
/// </summary>
internal sealed class AccountActions(
    UserManager<WebUser> users,
    SignInManager<WebUser> signIn,
    IEnumerable<IAccountDataRemover> removers,
    PatientJournals journals,
    IClock clock)
{
    /// <summary>The longest passkey name, in characters.</summary>
    public const int PasskeyNameLength = 60;

    private static readonly JsonSerializerOptions AccountJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The Identity user of <paramref name="principal"/>.</summary>
    public async Task<WebUser> UserAsync(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal).ConfigureAwait(false)
        ?? throw new InvalidOperationException("An account action ran without a signed-in account.");

    /// <summary>The account's role name (patient, clinician or pharmacist).</summary>
    public async Task<string> RoleAsync(WebUser user) => (await users.GetRolesAsync(user).ConfigureAwait(false)).FirstOrDefault() ?? "";

    /// <summary>
    /// Sets a new password after checking the current one as a sign-in would (a wrong one counts toward the
    /// lockout: 5 failures lock the account for 15 minutes, so a stolen session cannot guess it). Identity renews
    /// the security stamp, so every bearer token and every other cookie of the account stops working; a request
    /// signed in by the cookie gets a fresh cookie (it stays signed in), a bearer caller signs in again.
    /// </summary>
    /// <exception cref="AccountRefusal">The current password is wrong, the account is locked, or the new one breaks Identity's rules (one sentence naming them).</exception>
    public async Task ChangePasswordAsync(HttpContext context, string? currentPassword, string? newPassword)
    {
        ArgumentNullException.ThrowIfNull(context);
        var current = AccountRegistration.Required(currentPassword, "current password");
        var next = AccountRegistration.Required(newPassword, "new password");
        var user = await UserAsync(context.User).ConfigureAwait(false);
        await CheckPasswordAsync(user, current, "The current password is wrong.").ConfigureAwait(false);
        var changed = await users.ChangePasswordAsync(user, current, next).ConfigureAwait(false);
        if (!changed.Succeeded)
        {
            throw new AccountRefusal(StatusCodes.Status400BadRequest, "The password was not changed", PasswordRules.Sentence(changed, users.Options.Password.RequiredLength));
        }

        if (!await BearerRequests.IsBearerAsync(context).ConfigureAwait(false))
        {
            // The cookie that made this request carries the old stamp: give the browser one with the new.
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Deletes the account after checking its password (lockout counted): first a new security stamp (every
    /// session ends at once, even if a step below fails), then each <see cref="IAccountDataRemover"/> (the
    /// journal, sharing's data, calendar addresses), then the Identity user with its passkeys, logins and
    /// tokens; the cookie is cleared. Registering the same email again starts a new, empty journal.
    /// </summary>
    /// <exception cref="AccountRefusal">The password is wrong or the account is locked; nothing is deleted.</exception>
    public async Task DeleteAsync(HttpContext context, string? password)
    {
        ArgumentNullException.ThrowIfNull(context);
        var secret = AccountRegistration.Required(password, "password");
        var user = await UserAsync(context.User).ConfigureAwait(false);
        await CheckPasswordAsync(user, secret, "The password is wrong.").ConfigureAwait(false);
        await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        foreach (var remover in removers)
        {
            await remover.RemoveAsync(user.Id, context.RequestAborted).ConfigureAwait(false);
        }

        var deleted = await users.DeleteAsync(user).ConfigureAwait(false);
        if (!deleted.Succeeded)
        {
            // Its data is gone and its sessions ended; the account row itself could not be removed (a server fault).
            throw new InvalidOperationException("Deleting the account failed: " + string.Join(" ", deleted.Errors.Select(e => e.Description)));
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignOutAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// All the account's data as a file: a patient's journal as the document of <c>GET /api/journal</c>
    /// (<c>ldn-journal/2</c>, which <c>ldn journal import</c> reads), named <c>ldn-journal-{yyyy-MM-dd}.json</c>
    /// (the journal's today); for a clinician or pharmacist (no journal) the account's details
    /// <c>{ "schema": "ldn-account/1", "id", "email", "role" }</c>, named <c>ldn-account-{yyyy-MM-dd}.json</c> (UTC).
    /// </summary>
    public async Task<AccountDownload> DataAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var user = await UserAsync(principal).ConfigureAwait(false);
        if (principal.IsInRole(AccountRoles.Patient))
        {
            var (bytes, today) = journals.Use(principal, j => (JsonSerializer.SerializeToUtf8Bytes(JournalDocument.From(j.LoadDays(null, null), j.Today), JournalDocument.Options), j.Today));
            return new AccountDownload(bytes, $"ldn-journal-{Day(today)}.json");
        }

        var account = new AccountData("ldn-account/1", user.Id, user.Email ?? "", await RoleAsync(user).ConfigureAwait(false));
        return new AccountDownload(JsonSerializer.SerializeToUtf8Bytes(account, AccountJson), $"ldn-account-{Day(clock.GetCurrentInstant().InUtc().Date)}.json");
    }

    /// <summary>The account's passkeys, oldest first: id (the credential id, base64url), name, when registered.</summary>
    public async Task<IReadOnlyList<PasskeyView>> PasskeysAsync(ClaimsPrincipal principal)
    {
        var user = await UserAsync(principal).ConfigureAwait(false);
        return [.. (await users.GetPasskeysAsync(user).ConfigureAwait(false))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyView(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt))];
    }

    /// <summary>Renames the account's passkey <paramref name="id"/> (trimmed, 1–60 characters, no control characters).</summary>
    /// <exception cref="AccountRefusal">404 when <paramref name="id"/> is not one of this account's passkeys (another account's included); 400 for a bad name.</exception>
    public async Task<PasskeyView> RenamePasskeyAsync(ClaimsPrincipal principal, string? id, string? name)
    {
        var newName = PasskeyName(name) ?? throw new AccountRefusal(StatusCodes.Status400BadRequest, "Passkey not renamed", "Give the passkey a name.");
        var user = await UserAsync(principal).ConfigureAwait(false);
        var passkey = await OwnPasskeyAsync(user, id).ConfigureAwait(false);
        passkey.Name = newName;
        Succeeded(await users.AddOrUpdatePasskeyAsync(user, passkey).ConfigureAwait(false), "Renaming a passkey");
        return new PasskeyView(Base64Url.EncodeToString(passkey.CredentialId), newName, passkey.CreatedAt);
    }

    /// <summary>
    /// Removes the account's passkey <paramref name="id"/>: it signs in no more (the password still does). Identity
    /// keeps the security stamp, so sessions already signed in stay; changing the password ends them.
    /// </summary>
    /// <exception cref="AccountRefusal">404 when <paramref name="id"/> is not one of this account's passkeys.</exception>
    public async Task RemovePasskeyAsync(ClaimsPrincipal principal, string? id)
    {
        var user = await UserAsync(principal).ConfigureAwait(false);
        var passkey = await OwnPasskeyAsync(user, id).ConfigureAwait(false);
        Succeeded(await users.RemovePasskeyAsync(user, passkey.CredentialId).ConfigureAwait(false), "Removing a passkey");
    }

    /// <summary>A passkey name as given (trimmed), null when blank.</summary>
    /// <exception cref="AccountRefusal">Longer than <see cref="PasskeyNameLength"/> or with control characters.</exception>
    public static string? PasskeyName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var trimmed = name.Trim();
        return trimmed.Length > PasskeyNameLength || trimmed.Any(char.IsControl)
            ? throw new AccountRefusal(StatusCodes.Status400BadRequest, "Passkey name refused", $"A passkey's name is at most {PasskeyNameLength} characters of text on one line.")
            : trimmed;
    }

    private async Task<UserPasskeyInfo> OwnPasskeyAsync(WebUser user, string? id)
    {
        // Only the account's own passkeys are looked at: another account's id is as unknown as a made-up one.
        var credentialId = Base64Url.IsValid(id ?? "", out var length) && length > 0 ? Base64Url.DecodeFromChars(id) : null;
        return (credentialId is null ? null : await users.GetPasskeyAsync(user, credentialId).ConfigureAwait(false))
            ?? throw new AccountRefusal(StatusCodes.Status404NotFound, "No such passkey", "This account has no passkey with this id.");
    }

    /// <summary>The password checked as a sign-in would (lockout counted).</summary>
    private async Task CheckPasswordAsync(WebUser user, string password, string wrong)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true).ConfigureAwait(false);
        if (!check.Succeeded)
        {
            throw new AccountRefusal(
                StatusCodes.Status400BadRequest,
                "Password refused",
                check.IsLockedOut ? "The account is locked after too many wrong passwords; try again in 15 minutes." : wrong);
        }
    }

    private static void Succeeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{what} failed: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string Day(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
