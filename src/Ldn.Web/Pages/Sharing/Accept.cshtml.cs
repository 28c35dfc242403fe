using Ldn.Web.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Sharing;

/// <summary><c>/sharing/accept[?code=]</c>, for clinicians and pharmacists: enter a patient's invitation code (the GET only fills the form; accepting is a POST).</summary>
[Authorize(Policy = PatientEndpoints.GranteePolicy)]
internal sealed class AcceptModel(SharedJournals sharing, AcceptLimit limit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnPost()
    {
        try
        {
            limit.Check(HttpContext); // 429 with its sentence, as the API
            var accepted = sharing.Accept(User, Code);
            return Redirect($"/patients/{accepted.PatientId}");
        }
        catch (SharingRefusal refusal)
        {
            Error = refusal.Message;
            Response.StatusCode = refusal.Status;
            return Page();
        }
        catch (Ldn.Core.InvalidInputException mistake)
        {
            Error = mistake.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
