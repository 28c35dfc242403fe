using Ldn.Core.Journal;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Journal;

/// <summary>
/// A page over the signed-in patient's own journal (clinicians and pharmacists get 403). A form's mistake is
/// shown on the page as one sentence (400; an unknown id 404), a question the journal asks before recording
/// (a second dose that day) as the question with a button that posts the same form again with
/// <c>confirm=true</c> (409); in each case nothing was stored and the page is rendered again from the journal.
/// </summary>
[Authorize(Policy = JournalEndpoints.PatientPolicy)]
internal abstract class PatientPageModel(PatientJournals journals) : RefusablePageModel
{
    protected PatientJournals Journals { get; } = journals;

    /// <summary>Reads what the page shows from the journal (called for GET and after a refused form).</summary>
    protected abstract void Load(JournalService journal);

    /// <summary>Renders the page; a mistake in what the page was asked to show (a bad filter) is its sentence.</summary>
    protected IActionResult Show() => Act(_ => Page());

    /// <summary>Runs <paramref name="work"/> on the journal; a mistake or a question re-renders the page with it.</summary>
    protected IActionResult Act(Func<JournalService, IActionResult> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        IActionResult? result = null;
        var done = Attempt(() => result = Journals.Use(User, j =>
        {
            var answer = work(j);
            if (answer is PageResult)
            {
                Load(j);
            }

            return answer;
        }));
        return done ? result! : Again();
    }

    /// <summary>The page with <paramref name="sentence"/> and the status <paramref name="status"/> (404 for an unknown id).</summary>
    protected IActionResult Refused(int status, string sentence)
    {
        Refuse(status, sentence);
        return Again();
    }

    /// <summary>404 unless the journal holds entry <paramref name="kind"/> <paramref name="id"/> (another patient's ids are not in it).</summary>
    protected static void MustExist(JournalService journal, JournalEntryKind kind, long id)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (kind == JournalEntryKind.Plan || journal.Store.Find(kind, id) is null)
        {
            throw new UnknownEntryException($"The journal has no {JournalEntryKinds.Name(kind)} with id {id}.");
        }
    }

    // What the page shows could not be read (a bad filter as well as a bad form): the first sentence stands.
    private PageResult Again()
    {
        Attempt(() => Journals.Use(User, j =>
        {
            Load(j);
            return 0;
        }));
        return Page();
    }
}
