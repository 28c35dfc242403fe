using System.Security.Claims;
using Ldn.Web.Accounts;
using Ldn.Web.Journal;

namespace Ldn.Web.Sharing;

/// <summary>
/// <c>/api/patients</c>: the clinician's or pharmacist's read-only view of the patients who share with them.
/// <c>GET /api/patients</c> lists them; <c>GET /api/patients/{id}/journal</c>, <c>…/advice</c>, <c>…/analysis</c> and
/// <c>…/report</c> (each with <c>?today=</c> where the patient's route has it) are the same documents as the
/// patient's <c>GET /api/journal</c>, <c>/api/advice</c>, <c>/api/analysis</c> and <c>/api/report</c>; notes can be left and read
/// back. Every read is written to the patient's audit log first; an id without an active share answers 404
/// with one sentence that reveals nothing. A patient gets 403.
/// </summary>
internal static class PatientEndpoints
{
    /// <summary>The policy of clinicians and pharmacists (for the pages too).</summary>
    public const string GranteePolicy = "grantee";

    public static void AddPolicy(IServiceCollection services) =>
        services.AddAuthorizationBuilder().AddPolicy(GranteePolicy, policy => policy.RequireRole(AccountRoles.Clinician, AccountRoles.Pharmacist));

    public static void Map(IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("/api/patients").RequireAuthorization(GranteePolicy).WithTags("Patients").AddEndpointFilter(SharingRefusal.AsProblem);
        patients.MapGet("", (ClaimsPrincipal user, SharedJournals shared) => new PatientList(shared.Patients(user)));
        patients.MapGet("/{id}/journal", (string id, ClaimsPrincipal user, SharedJournals shared) => shared.Read(user, id, "journal", JournalEndpoints.Document))
            .ProducesProblem(StatusCodes.Status404NotFound);
        patients.MapGet("/{id}/advice", (string id, string? today, ClaimsPrincipal user, SharedJournals shared) => shared.Read(user, id, "advice", j => AdviceEndpoints.Document(j, today)))
            .ProducesProblem(StatusCodes.Status404NotFound);
        patients.MapGet("/{id}/analysis", (string id, string? today, ClaimsPrincipal user, SharedJournals shared) => shared.Read(user, id, "analysis", j => AnalysisEndpoints.Document(j, today)))
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound);
        patients.MapGet("/{id}/report", (string id, string? today, ClaimsPrincipal user, SharedJournals shared, HttpContext http) => shared.Read(user, id, "report", j => ReportEndpoints.Document(j, today, http)))
            .Produces(StatusCodes.Status200OK, contentType: "text/html").ProducesProblem(StatusCodes.Status404NotFound);
        patients.MapPost("/{id}/notes", (string id, NoteBody body, ClaimsPrincipal user, SharedJournals shared) =>
                TypedResults.Created($"/api/patients/{id}/notes", shared.AddNote(user, id, body.Text)))
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        patients.MapGet("/{id}/notes", (string id, ClaimsPrincipal user, SharedJournals shared) => new SharingEndpoints.NoteList(shared.NotesBy(user, id)))
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary><c>GET /api/patients</c>: by email.</summary>
    internal sealed record PatientList(IReadOnlyList<SharedPatient> Patients);
}
