using Ldn.Core.Journal;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ldn.Web.Accounts;

/// <summary>
/// What an account does with itself, over <see cref="AccountActions"/> (the code the <c>/account</c> page calls
/// too): change its password (<c>POST /api/account/password</c>), download all its data
/// (<c>GET /api/account/data</c>) and delete itself with all its data (<c>POST /api/account/delete</c>).
/// Changing the password and deleting ask for the password; a wrong one counts toward the lockout like a
/// failed sign-in (5 failures lock the account for 15 minutes), so a stolen session cannot be used to guess it.
/// </summary>
internal static class AccountDataEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(AccountEndpoints.SignInLimit)
            .AddEndpointFilter(AccountRefusal.AsProblem).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/delete", DeleteAsync).RequireAuthorization().RequireRateLimiting(AccountEndpoints.SignInLimit)
            .AddEndpointFilter(AccountRefusal.AsProblem).ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("/data", DataAsync).RequireAuthorization()
            .Produces<JournalDocument>(contentType: "application/json").Produces<AccountData>(contentType: "application/json");
    }

    /// <summary>
    /// Sets a new password. Identity renews the security stamp, so every bearer token and every other cookie
    /// of the account stops working; a cookie caller gets a fresh cookie, a bearer caller signs in again. 204.
    /// </summary>
    private static async Task<NoContent> ChangePasswordAsync(ChangePasswordBody body, HttpContext context, AccountActions account)
    {
        await account.ChangePasswordAsync(context, body.CurrentPassword, body.NewPassword).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>Deletes the account with all its data (see <see cref="AccountActions.DeleteAsync"/>). 204.</summary>
    private static async Task<NoContent> DeleteAsync(DeleteAccountBody body, HttpContext context, AccountActions account)
    {
        await account.DeleteAsync(context, body.Password).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>All the account's data as a download (<c>Content-Disposition: attachment</c>; see <see cref="AccountActions.DataAsync"/>).</summary>
    private static async Task<FileContentHttpResult> DataAsync(HttpContext context, AccountActions account)
    {
        var download = await account.DataAsync(context.User).ConfigureAwait(false);
        return TypedResults.File(download.Bytes, "application/json", download.FileName);
    }
}
