using System.Security.Claims;
using Ldn.Core.Journal;
using Ldn.Core.Journal.Analysis;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>GET /api/analysis[?today=yyyy-MM-dd]</c>: the analysis behind the report (<see cref="JournalAnalyzer"/>
/// over the journal up to that day, with the current instant so tonight's dose is not counted as missed),
/// as the document of <c>ldn journal analyse --json</c>, written by the same <see cref="AnalysisDocument"/>:
/// <c>asOf</c>, <c>now</c>, <c>from</c>, <c>daysCovered</c>, <c>firstDoseDate</c>, <c>baseline</c>, <c>scales</c>,
/// <c>comparisons</c>, <c>adherence</c>, <c>sideEffects</c>, <c>predictions</c>, <c>notes</c>, <c>notice</c>.
/// <c>today</c> is the CLI's <c>--today</c> (yyyy-MM-dd, <c>today</c> or <c>yesterday</c> in the journal's zone);
/// anything else is 400 with one sentence. Patients only (their own journal).
/// </summary>
internal static class AnalysisEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/analysis", Analyse).RequireAuthorization(JournalEndpoints.PatientPolicy).WithTags("Journal")
            .Produces(StatusCodes.Status200OK, contentType: "application/json");
    }

    private static IResult Analyse(string? today, ClaimsPrincipal user, PatientJournals journals) => journals.Use(user, j => Document(j, today));

    /// <summary>The analysis document up to <paramref name="today"/> (as the CLI's <c>--today</c>; null: today), also for a clinician's read-only view.</summary>
    /// <exception cref="Ldn.Core.InvalidInputException"><paramref name="today"/> is not a date.</exception>
    internal static IResult Document(JournalService journal, string? today)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var day = today is null ? journal.Today : JournalTime.ParseDate(today, journal.HomeZone, journal.Now);
        return Results.Text(AnalysisDocument.Json(JournalAnalyzer.Analyze(journal.LoadUpTo(day), day, null, journal.Now)), "application/json; charset=utf-8");
    }
}
