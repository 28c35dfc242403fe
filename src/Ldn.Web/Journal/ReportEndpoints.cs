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

    private static IResult Report(string? today, ClaimsPrincipal user, PatientJournals journals, HttpContext http) => journals.Use(user, j =>
    {
        var day = today is null ? j.Today : JournalTime.ParseDate(today, j.HomeZone, j.Now);
        var html = JournalReport.Build(j.LoadUpTo(day), day, j.Now.InZone(j.HomeZone).ToDateTimeOffset(), now: j.Now);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"ldn-report-{day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}.html\"";
        return Results.Text(html, "text/html; charset=utf-8");
    });
}
