using Ldn.Core;
using Ldn.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Ldn.Web.Pages;

/// <summary>Sign-up through the same <see cref="AccountRegistration"/> as the API, then sign-in with the cookie.</summary>
[AllowAnonymous]
[EnableRateLimiting(AccountEndpoints.SignInLimit)]
internal sealed class RegisterModel(AccountRegistration registration, SignInManager<WebUser> signIn, UserManager<WebUser> users) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? TimeZone { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        AccountCreated created;
        try
        {
            created = await registration.RegisterAsync(Email, Password, Role, TimeZone).ConfigureAwait(false);
        }
        catch (InvalidInputException mistake)
        {
            Error = mistake.Message;
            return Page();
        }

        var user = await users.FindByIdAsync(created.Id).ConfigureAwait(false);
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInAsync(user!, isPersistent: true).ConfigureAwait(false);
        return LocalRedirect(created.Role == AccountRoles.Patient ? "/today" : "/patients");
    }
}
