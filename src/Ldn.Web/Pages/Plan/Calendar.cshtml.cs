using Ldn.Web.Calendar;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Plan;

/// <summary>
/// <c>/plan/calendar</c>: subscribe to the plan as a calendar. A POST makes a private feed address
/// (<see cref="CalendarTokens"/>, as <c>POST /api/calendar/tokens</c>) and shows it once, as a <c>webcal://</c>
/// link that opens a calendar app's subscription and as the <c>https://</c> address to paste; the feed follows
/// plan changes, and each reminder links to the page that confirms the dose as taken. Addresses in use are
/// listed and can be revoked (their feed answers 404 at once).
/// </summary>
[Authorize(Policy = JournalEndpoints.PatientPolicy)]
internal sealed class CalendarModel(CalendarTokens tokens) : PageModel
{
    public CalendarTokenList Tokens { get; private set; } = new([]);

    /// <summary>The address just made (its secret is shown only now), or null.</summary>
    public CalendarTokenCreated? Created { get; private set; }

    /// <summary>The address just revoked, to say so.</summary>
    public long? Revoked { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => Tokens = await tokens.ListAsync(UserId).ConfigureAwait(false);

    public async Task OnPostAsync()
    {
        Created = await tokens.CreateAsync(UserId, Request).ConfigureAwait(false);
        Tokens = await tokens.ListAsync(UserId).ConfigureAwait(false);
    }

    public async Task<IActionResult> OnPostRevokeAsync(long id)
    {
        if (await tokens.RevokeAsync(UserId, id).ConfigureAwait(false))
        {
            Revoked = id;
        }
        else
        {
            Error = $"You have no calendar address with id {id}.";
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        Tokens = await tokens.ListAsync(UserId).ConfigureAwait(false);
        return Page();
    }

    private string UserId => CalendarTokenEndpoints.UserId(User);
}
