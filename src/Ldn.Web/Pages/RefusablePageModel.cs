using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Web.Pages.Journal;
using Ldn.Web.Sharing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages;

/// <summary>
/// A page that answers a refused request with itself: the sentence saying why (<see cref="Error"/>) or the
/// question to answer first (<see cref="Question"/>), and the status — a user's mistake 400, an unknown entry
/// 404, a sharing refusal its own status (404 without an active share, 403, 409), a question 409. The one place
/// where the pages turn these exceptions into what they show; the page then renders what it can read.
/// </summary>
internal abstract class RefusablePageModel : PageModel
{
    /// <summary>The sentence saying why the request was refused, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The question to answer before the last form can be recorded, or null.</summary>
    public ConfirmationRequiredException? Question { get; private set; }

    /// <summary>
    /// Runs <paramref name="work"/>; a refusal is kept (<see cref="Error"/> or <see cref="Question"/> with its
    /// status) instead of thrown. The first refusal of a request stands. False when <paramref name="work"/> was refused.
    /// </summary>
    protected bool Attempt(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            work();
            return true;
        }
        catch (ConfirmationRequiredException question)
        {
            Question ??= question;
            Status(StatusCodes.Status409Conflict);
        }
        catch (UnknownEntryException unknown)
        {
            Refuse(StatusCodes.Status404NotFound, unknown.Message);
        }
        catch (SharingRefusal refusal)
        {
            Refuse(refusal.Status, refusal.Message);
        }
        catch (InvalidInputException mistake)
        {
            Refuse(StatusCodes.Status400BadRequest, mistake.Message);
        }

        return false;
    }

    /// <summary>Refuses with <paramref name="sentence"/> and <paramref name="status"/>, unless the request was refused already.</summary>
    protected void Refuse(int status, string sentence)
    {
        Error ??= sentence;
        Status(status);
    }

    private void Status(int status)
    {
        if (Response.StatusCode < StatusCodes.Status400BadRequest)
        {
            Response.StatusCode = status;
        }
    }
}
