using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Ldn.Web.Pages;

/// <summary>
/// Sign-in with a password into the Identity cookie: the same lockout (5 failures, 15 minutes) and the same
/// per-address rate limit as <c>POST /api/account/login</c>. Only a local return address is followed. The page
/// also offers "Sign in with a passkey" (<c>wwwroot/js/passkey.js</c> over <c>/api/account/passkey/request-options</c>
/// and <c>/api/account/login/passkey?useCookies=true</c>).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Accounts.AccountEndpoints.SignInLimit)]
internal sealed class LoginModel(SignInManager<Accounts.WebUser> signIn) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Set by the account page after deleting the account (<c>/login?deleted=true</c>): the page says so.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Deleted { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Error = "Give your email and password.";
            return Page();
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: true, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Error = result.IsLockedOut
            ? "The account is locked after too many failed sign-ins; try again in 15 minutes."
            : "The email or password is wrong.";
        return Page();
    }
}
