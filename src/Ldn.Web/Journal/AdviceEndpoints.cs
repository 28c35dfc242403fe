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

    private static IResult Advise(string? today, ClaimsPrincipal user, PatientJournals journals) => journals.Use(user, j =>
    {
        var day = today is null ? j.Today : JournalTime.ParseDate(today, j.HomeZone, j.Now);
        return Results.Json(AdviceDocument.From(j.Advise(day).Advice));
    });
}
