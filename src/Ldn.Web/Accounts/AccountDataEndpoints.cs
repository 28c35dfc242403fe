using System.Globalization;
using System.Text.Json;
using Ldn.Core.Journal;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace Ldn.Web.Accounts;

/// <summary>
/// What an account does with itself, on Identity's <see cref="UserManager{TUser}"/> and
/// <see cref="SignInManager{TUser}"/>: change its password (<c>POST /api/account/password</c>), download all its
/// data (<c>GET /api/account/data</c>) and delete itself with all its data (<c>POST /api/account/delete</c>).
/// Changing the password and deleting ask for the password; a wrong one counts toward the lockout like a
/// failed sign-in (5 failures lock the account for 15 minutes), so a stolen session cannot be used to guess it.
/// </summary>
internal static class AccountDataEndpoints
{
    private static readonly JsonSerializerOptions AccountJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(AccountEndpoints.SignInLimit)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/delete", DeleteAsync).RequireAuthorization().RequireRateLimiting(AccountEndpoints.SignInLimit)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/data", DataAsync).RequireAuthorization()
            .Produces<JournalDocument>(contentType: "application/json").Produces<AccountData>(contentType: "application/json");
    }

    /// <summary>
    /// Sets a new password. Identity renews the security stamp, so every bearer token and every other cookie
    /// of the account stops working; a cookie caller gets a fresh cookie, a bearer caller signs in again. 204.
    /// </summary>
    private static async Task<IResult> ChangePasswordAsync(ChangePasswordBody body, HttpContext context, UserManager<WebUser> users, SignInManager<WebUser> signIn)
    {
        var current = AccountRegistration.Required(body.CurrentPassword, "current password");
        var next = AccountRegistration.Required(body.NewPassword, "new password");
        var user = await SignedInAsync(context, users).ConfigureAwait(false);
        if (await CheckPasswordAsync(user, current, "The current password is wrong.", signIn).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var changed = await users.ChangePasswordAsync(user, current, next).ConfigureAwait(false);
        if (!changed.Succeeded)
        {
            return TypedResults.Problem(string.Join(" ", changed.Errors.Select(e => e.Description)), statusCode: StatusCodes.Status400BadRequest, title: "The password was not changed");
        }

        if (!await BearerRequests.IsBearerAsync(context).ConfigureAwait(false))
        {
            // The cookie that made this request carries the old stamp: give the browser one with the new.
            await signIn.RefreshSignInAsync(user).ConfigureAwait(false);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// Deletes the account: first a new security stamp (every session ends at once, even if a step below
    /// fails), then each <see cref="IAccountDataRemover"/> (the journal; sharing's data), then the Identity user
    /// with its passkeys, logins and tokens. 204; registering the same email again starts a new, empty journal.
    /// </summary>
    private static async Task<IResult> DeleteAsync(DeleteAccountBody body, HttpContext context, UserManager<WebUser> users, SignInManager<WebUser> signIn, IEnumerable<IAccountDataRemover> removers)
    {
        var password = AccountRegistration.Required(body.Password, "password");
        var user = await SignedInAsync(context, users).ConfigureAwait(false);
        if (await CheckPasswordAsync(user, password, "The password is wrong.", signIn).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

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

        await signIn.SignOutAsync().ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// All the account's data as a download (<c>Content-Disposition: attachment</c>): a patient's journal as
    /// the document of <c>GET /api/journal</c> (<c>ldn-journal/2</c>, which <c>ldn journal import</c> reads),
    /// named <c>ldn-journal-{date}.json</c>; for a clinician or pharmacist (no journal) the account's details
    /// <c>{ "schema": "ldn-account/1", "id", "email", "role" }</c>, named <c>ldn-account-{date}.json</c>.
    /// </summary>
    private static async Task<FileContentHttpResult> DataAsync(HttpContext context, UserManager<WebUser> users, PatientJournals journals, IClock clock)
    {
        var user = await SignedInAsync(context, users).ConfigureAwait(false);
        if (context.User.IsInRole(AccountRoles.Patient))
        {
            var (bytes, today) = journals.Use(context.User, j => (JsonSerializer.SerializeToUtf8Bytes(JournalDocument.From(j.LoadDays(null, null), j.Today), JournalDocument.Options), j.Today));
            return TypedResults.File(bytes, "application/json", $"ldn-journal-{Day(today)}.json");
        }

        var role = (await users.GetRolesAsync(user).ConfigureAwait(false)).FirstOrDefault() ?? "";
        var account = new AccountData("ldn-account/1", user.Id, user.Email ?? "", role);
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(account, AccountJson), "application/json", $"ldn-account-{Day(clock.GetCurrentInstant().InUtc().Date)}.json");
    }

    private static string Day(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The password checked as a sign-in would (lockout counted), or the 400 to answer.</summary>
    private static async Task<IResult?> CheckPasswordAsync(WebUser user, string password, string wrong, SignInManager<WebUser> signIn)
    {
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true).ConfigureAwait(false);
        return check.Succeeded
            ? null
            : TypedResults.Problem(
                check.IsLockedOut ? "The account is locked after too many wrong passwords; try again in 15 minutes." : wrong,
                statusCode: StatusCodes.Status400BadRequest,
                title: "Password refused");
    }

    private static async Task<WebUser> SignedInAsync(HttpContext context, UserManager<WebUser> users) =>
        await users.GetUserAsync(context.User).ConfigureAwait(false)
        ?? throw new InvalidOperationException("An account route ran without a signed-in account.");
}
