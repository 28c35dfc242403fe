using Ldn.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages;

/// <summary>Sign-out by form (POST, with the antiforgery token): renews the security stamp as the API's logout does, so every session of the account ends.</summary>
[AllowAnonymous]
internal sealed class LogoutModel(UserManager<WebUser> users, SignInManager<WebUser> signIn) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User).ConfigureAwait(false) is { } user)
        {
            await users.UpdateSecurityStampAsync(user).ConfigureAwait(false);
        }

        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignOutAsync().ConfigureAwait(false);
        return RedirectToPage();
    }
}
