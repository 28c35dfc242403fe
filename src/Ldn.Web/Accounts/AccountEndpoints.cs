using Ldn.Web.Hosting;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Ldn.Web.Accounts;

/// <summary>
/// <c>/api/account</c>: register, login and logout, written on Identity's <see cref="UserManager{TUser}"/> and
/// <see cref="SignInManager{TUser}"/> (Identity's ready-made MapIdentityApi ignores a role and has no logout).
/// Login answers a bearer token as Identity's bearer handler writes it, or with <c>?useCookies=true</c> sets
/// the Identity cookie; logout renews the security stamp, so every token and cookie of the account stops working.
/// </summary>
internal static class AccountEndpoints
{
    public const string SignInLimit = "sign-in";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/register", RegisterAsync).AllowAnonymous().RequireRateLimiting(SignInLimit)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SignInLimit)
            .Produces<AccessTokenResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        group.MapPost("/logout", LogoutAsync).RequireAuthorization();
        AccountDataEndpoints.Map(group);
        PasskeyEndpoints.Map(group);
        group.MapGet("/antiforgery", AntiforgeryForApi.Token).AllowAnonymous();
    }

    private static async Task<Created<AccountCreated>> RegisterAsync(RegisterBody body, AccountRegistration registration)
    {
        var created = await registration.RegisterAsync(body.Email, body.Password, body.Role, body.TimeZone).ConfigureAwait(false);
        return TypedResults.Created("/api/account", created);
    }

    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(LoginBody body, bool? useCookies, SignInManager<WebUser> signIn)
    {
        var email = AccountRegistration.LookupEmail(body.Email);
        var password = AccountRegistration.Required(body.Password, "password");
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        var result = await signIn.PasswordSignInAsync(email, password, isPersistent: useCookies == true, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            // The sign-in wrote the response: the cookie, or the bearer token's JSON.
            return TypedResults.Empty;
        }

        var detail = result.IsLockedOut
            ? "The account is locked after too many failed sign-ins; try again in 15 minutes."
            : result.IsNotAllowed ? "The account may not sign in yet." : "The email or password is wrong.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed in");
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context, UserManager<WebUser> users, SignInManager<WebUser> signIn)
    {
        if (await users.GetUserAsync(context.User).ConfigureAwait(false) is { } user)
        {
            // A new stamp makes every bearer token and cookie issued so far fail SecurityStampCheck.
            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        }

        await signIn.SignOutAsync().ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
