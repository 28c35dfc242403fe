using Ldn.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages;

/// <summary>The front page: a signed-in patient goes to Today, a clinician or pharmacist to their patients, anyone else sees what the workbench is.</summary>
[AllowAnonymous]
internal sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Page();
        }

        return Redirect(User.IsInRole(AccountRoles.Patient) ? "/today" : "/patients");
    }
}
