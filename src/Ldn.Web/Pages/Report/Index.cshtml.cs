using Ldn.Core.Journal;
using Ldn.Reports;
using Ldn.Web.Hosting;
using Ldn.Web.Journal;
using Ldn.Web.Pages.Journal;
using Microsoft.AspNetCore.Mvc;

namespace Ldn.Web.Pages.Report;

/// <summary>
/// <c>/report</c>: the prescriber's report of the patient's own journal in the page — the same sections as
/// <c>ldn journal report</c> (<see cref="JournalReview.Of"/> rendered by <see cref="JournalReport.RenderEmbedded"/>),
/// its charts drawn by the report's script served as a file (the site's policy runs no inline script), and the
/// report's print rules, so that the browser's print gives the PDF whose first page is the summary.
/// </summary>
internal sealed class IndexModel(PatientJournals journals) : PatientPageModel(journals)
{
    /// <summary>The report's HTML (encoded by Ldn.Reports), or null when the journal has nothing to report.</summary>
    public string? ReportHtml { get; private set; }

    public IActionResult OnGet() => Show();

    protected override void Load(JournalService journal) => ReportHtml = Render(journal);

    /// <summary>
    /// The report of <paramref name="journal"/> up to its today as the page embeds it (also a clinician's
    /// <c>/patients/{id}</c>), or null when the journal has no dose and no check-in to report on.
    /// </summary>
    public static string? Render(JournalService journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var today = journal.Today;
        var data = journal.LoadUpTo(today);
        if (data.Doses.Count == 0 && data.CheckIns.Count == 0)
        {
            return null;
        }

        var review = JournalReview.Of(data, today, now: journal.Now);
        return JournalReport.RenderEmbedded(data, review.Analysis, review.Advice, review.Safety, journal.Now.InZone(journal.HomeZone).ToDateTimeOffset(), ReportAssets.Scripts);
    }
}
