using System.Security.Claims;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Extensions;

namespace Ldn.Web.Sharing;

/// <summary>
/// The patient's side of sharing, over <see cref="SharedJournals"/>: <c>/api/sharing</c> (invitations, shares,
/// revoking), <c>/api/audit</c> (who read what, when) and <c>/api/notes</c> (notes left for them); and
/// <c>POST /api/sharing/accept</c> for a clinician or pharmacist. Refusals are problem details with one sentence.
/// </summary>
internal static class SharingEndpoints
{
    /// <summary>Registers <see cref="SharedJournals"/> and the grantee policy.</summary>
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<SharedJournals>();
        services.AddSingleton<AcceptLimit>();
        PatientEndpoints.AddPolicy(services);
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        var sharing = app.MapGroup("/api/sharing").WithTags("Sharing").AddEndpointFilter(SharingRefusal.AsProblem);
        sharing.MapPost("/invitations", Invite).RequireAuthorization(JournalEndpoints.PatientPolicy)
            .Produces<InvitationCreated>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest);
        sharing.MapDelete("/invitations/{id:long}", (long id, ClaimsPrincipal user, SharedJournals shared) =>
            {
                shared.Withdraw(user, id);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(JournalEndpoints.PatientPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        sharing.MapGet("", (ClaimsPrincipal user, SharedJournals shared) => new SharingList(shared.Shares(user), shared.Invitations(user)))
            .RequireAuthorization(JournalEndpoints.PatientPolicy);
        sharing.MapDelete("/{id:long}", (long id, ClaimsPrincipal user, SharedJournals shared) =>
            {
                shared.Revoke(user, id);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(JournalEndpoints.PatientPolicy).ProducesProblem(StatusCodes.Status404NotFound);
        sharing.MapPost("/accept", (AcceptBody body, HttpContext http, ClaimsPrincipal user, SharedJournals shared, AcceptLimit limit) =>
            {
                limit.Check(http);
                var accepted = shared.Accept(user, body.Code);
                return TypedResults.Created($"/api/patients/{accepted.PatientId}", accepted);
            })
            .RequireAuthorization().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        app.MapGet("/api/audit", (string? before, string? limit, ClaimsPrincipal user, SharedJournals shared) =>
            {
                var page = shared.Audit(user, AuditPage.Parse(before, limit));
                return new AuditLog(page.Entries, page.Next);
            })
            .RequireAuthorization(JournalEndpoints.PatientPolicy).WithTags("Sharing").ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/api/notes", (ClaimsPrincipal user, SharedJournals shared) => new NoteList(shared.NotesFor(user)))
            .RequireAuthorization(JournalEndpoints.PatientPolicy).WithTags("Sharing");
        PatientEndpoints.Map(app);
    }

    private static Created<InvitationCreated> Invite(InvitationBody? body, HttpContext http, SharedJournals shared)
    {
        var made = shared.Invite(http.User, body?.ValidHours);
        var request = http.Request;
        var link = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, "/sharing/accept", QueryString.Create("code", made.Code));
        return TypedResults.Created("/api/sharing", new InvitationCreated(made.Id, made.Code, made.Expires, link));
    }

    /// <summary>The new invitation: the code to give (shown this once), its expiry (UTC) and a link to the page that accepts it.</summary>
    internal sealed record InvitationCreated(long Id, string Code, DateTimeOffset Expires, string Link);

    /// <summary><c>GET /api/sharing</c>: the active shares and the open invitations.</summary>
    internal sealed record SharingList(IReadOnlyList<ShareView> Shares, IReadOnlyList<OpenInvitation> Invitations);

    /// <summary>
    /// <c>GET /api/audit[?before=&amp;limit=]</c>: a page of the log, newest first (<c>limit</c> 1–200, default 50);
    /// <c>next</c> is the <c>before</c> of the next (older) page, null on the last page.
    /// </summary>
    internal sealed record AuditLog(IReadOnlyList<AuditView> Entries, string? Next);

    /// <summary><c>GET /api/notes</c> and <c>GET /api/patients/{id}/notes</c>: oldest first.</summary>
    internal sealed record NoteList(IReadOnlyList<NoteView> Notes);
}
