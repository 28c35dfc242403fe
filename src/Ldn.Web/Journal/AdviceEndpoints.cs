using System.Security.Claims;
using Ldn.Core.Advice;
using Ldn.Core.Journal;
using Ldn.Core.Safety;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>GET /api/advice[?today=yyyy-MM-dd]</c>: the journal's current state fed to the adjustment rules
/// (<see cref="JournalService.Advise"/>), as the document of <c>ldn journal advise --json</c> — the same field
/// names: <c>action</c>, <c>reason</c>, <c>source</c>, <c>ruleId</c>, <c>suggestedDoseMg</c> (mg or null),
/// <c>safety</c> (<c>[{ code, severity, message, source }]</c>) and <c>notice</c>.
/// </summary>
internal static class AdviceEndpoints
{
    /// <summary>The CLI's notice (<c>LdnApp.Notice</c>), word for word: the document must not differ by front end.</summary>
    public const string Notice =
        "LDN Workbench is a research and self-tracking tool, not medical advice; model outputs are hypotheses, not predictions for a patient.";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/advice", Advise).RequireAuthorization(JournalEndpoints.PatientPolicy).WithTags("Journal").Produces<AdviceDocument>();
    }

    private static IResult Advise(string? today, ClaimsPrincipal user, PatientJournals journals) => journals.Use(user, j =>
    {
        var day = today is null ? j.Today : JournalTime.ParseDate(today, j.HomeZone, j.Now);
        return Results.Json(From(j.Advise(day).Advice));
    });

    internal static AdviceDocument From(Advice advice) => new(
        advice.Action,
        advice.Reason,
        advice.Source,
        advice.RuleId,
        advice.SuggestedDoseMg,
        [.. advice.Safety.Select(f => new SafetyFindingDocument(f.Code, f.Severity.Name(), f.Message, f.Source))],
        Notice);
}

/// <summary>The advice as JSON (the fields of <c>ldn journal advise --json</c>).</summary>
internal sealed record AdviceDocument(string Action, string Reason, string Source, string RuleId, decimal? SuggestedDoseMg, IReadOnlyList<SafetyFindingDocument> Safety, string Notice);

/// <summary>A safety finding: <c>code</c>, <c>severity</c> (its name), <c>message</c>, <c>source</c>.</summary>
internal sealed record SafetyFindingDocument(string Code, string Severity, string Message, string Source);
