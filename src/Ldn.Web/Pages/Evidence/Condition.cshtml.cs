using Ldn.Core;
using Ldn.Core.Evidence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Evidence;

/// <summary>
/// <c>/evidence/{condition}</c>, open to anyone: one condition (by id, name or alias, as
/// <c>ldn evidence CONDITION</c>) with its studies strongest first, registered trials, reviews, the side
/// effects reported in it and the popular claims about it beside what the studies show. An alias redirects to
/// the condition's id; an unknown name is 404 with the catalogue's one sentence (it suggests the nearest).
/// </summary>
[AllowAnonymous]
internal sealed class ConditionEvidenceModel : PageModel
{
    public EvidenceSet Set { get; } = EvidenceCatalog.Shipped;

    public ConditionEvidence? Condition { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet(string condition)
    {
        try
        {
            Condition = Set.Find(condition.Length > 200 ? condition[..200] : condition);
        }
        catch (InvalidInputException unknown)
        {
            Error = unknown.Message;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return Condition.Id == condition ? Page() : RedirectToPage(new { condition = Condition.Id });
    }
}
