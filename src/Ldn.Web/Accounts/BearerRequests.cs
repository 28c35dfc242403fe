using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Ldn.Web.Accounts;

/// <summary>
/// Whether a request is signed in by a bearer token rather than by the cookie. Identity's composite scheme
/// tries the bearer token first and then the cookie, and both give the same claims, so the principal cannot
/// tell; the bearer scheme is asked directly (its handler caches the answer for the request).
/// </summary>
internal static class BearerRequests
{
    /// <summary>True when the request carries a valid bearer token of Identity's bearer scheme.</summary>
    public static async Task<bool> IsBearerAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var result = await context.AuthenticateAsync(IdentityConstants.BearerScheme).ConfigureAwait(false);
        return result.Succeeded;
    }
}
