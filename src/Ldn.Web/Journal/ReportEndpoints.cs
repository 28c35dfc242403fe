using System.Globalization;
using System.Security.Claims;
using Ldn.Core.Journal;
using Ldn.Reports;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>GET /api/report[?today=yyyy-MM-dd]</c>: the prescriber's report of the patient's own journal as the
/// standalone HTML document <c>ldn report --out FILE.html</c> writes (<see cref="JournalReport.Build"/>, with the
/// current instant, so tonight's dose is not counted as missed), <c>text/html</c>, as a download
/// (<c>Content-Disposition: attachment; filename="ldn-report-yyyy-MM-dd.html"</c>): the page runs its inline
/// scripts under its own policy when opened as a file; this site's policy would block them in place. The Report
/// page embeds <see cref="JournalReport.RenderEmbedded"/> instead. <c>today</c> as the CLI's <c>--today</c>;
/// anything else is 400 with one sentence.
/// </summary>
internal static class ReportEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/report", Report).RequireAuthorization(JournalEndpoints.PatientPolicy).WithTags("Journal")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
    }

    private static IResult Report(string? today, ClaimsPrincipal user, PatientJournals journals, HttpContext http) => journals.Use(user, j => Document(j, today, http));

    /// <summary>The report document up to <paramref name="today"/> (as the CLI's <c>--today</c>; null: today) as a download, also for a clinician's read-only view.</summary>
    /// <exception cref="Ldn.Core.InvalidInputException"><paramref name="today"/> is not a date.</exception>
    internal static IResult Document(JournalService journal, string? today, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(http);
        var day = today is null ? journal.Today : JournalTime.ParseDate(today, journal.HomeZone, journal.Now);
        var html = JournalReport.Build(journal.LoadUpTo(day), day, journal.Now.InZone(journal.HomeZone).ToDateTimeOffset(), now: journal.Now);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"ldn-report-{day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}.html\"";
        return Results.Text(html, "text/html; charset=utf-8");
    }
}
