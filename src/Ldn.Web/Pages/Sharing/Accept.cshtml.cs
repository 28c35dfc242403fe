using Ldn.Web.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Ldn.Web.Pages.Sharing;

/// <summary><c>/sharing/accept[?code=]</c>, for clinicians and pharmacists: enter a patient's invitation code (the GET only fills the form; accepting is a POST).</summary>
[Authorize(Policy = PatientEndpoints.GranteePolicy)]
internal sealed class AcceptModel(SharedJournals sharing, AcceptLimit limit) : RefusablePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public IActionResult OnPost()
    {
        Accepted? accepted = null;
        return Attempt(() =>
        {
            limit.Check(HttpContext); // 429 with its sentence, as the API
            accepted = sharing.Accept(User, Code);
        }) ? Redirect($"/patients/{accepted!.PatientId}") : Page();
    }
}
