using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Ldn.Web.Accounts;

/// <summary>
/// Checks on every request that the signed-in account still exists and that its security stamp is the one
/// in the token or cookie. Identity's bearer tokens are not checked against the stamp by themselves, so
/// without this a token would outlive logout; with it, logout (a new stamp) ends every session at once.
/// </summary>
internal static class SecurityStampCheck
{
    public static IApplicationBuilder UseSecurityStampCheck(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated == true)
            {
                var signIn = context.RequestServices.GetRequiredService<SignInManager<WebUser>>();
                if (await signIn.ValidateSecurityStampAsync(context.User).ConfigureAwait(false) is null)
                {
                    context.User = new ClaimsPrincipal(new ClaimsIdentity());
                }
            }

            await next(context).ConfigureAwait(false);
        });
}
