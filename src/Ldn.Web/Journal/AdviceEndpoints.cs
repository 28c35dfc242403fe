using System.Security.Claims;
using Ldn.Core.Advice;
using Ldn.Core.Journal;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>GET /api/advice[?today=yyyy-MM-dd]</c>: the journal's current state fed to the adjustment rules
/// (<see cref="JournalService.Advise"/>), as the document of <c>ldn journal advise --json</c> — the same field
/// names: <c>action</c>, <c>reason</c>, <c>source</c>, <c>ruleId</c>, <c>suggestedDoseMg</c> (mg or null),
/// <c>safety</c> (<c>[{ code, severity, message, source }]</c>) and <c>notice</c>.
/// </summary>
internal static class AdviceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/advice", Advise).RequireAuthorization(JournalEndpoints.PatientPolicy).WithTags("Journal").Produces<AdviceDocument>();
    }

    private static IResult Advise(string? today, ClaimsPrincipal user, PatientJournals journals) => journals.Use(user, j => Document(j, today));

    /// <summary>The advice for <paramref name="today"/> (yyyy-MM-dd in the journal's zone; null: today), also for a clinician's read-only view.</summary>
    internal static IResult Document(JournalService journal, string? today)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var day = today is null ? journal.Today : JournalTime.ParseDate(today, journal.HomeZone, journal.Now);
        return Results.Json(AdviceDocument.From(journal.Advise(day).Advice));
    }
}
