using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Web.Accounts;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>/api/journal</c>: the patient's own journal through <see cref="JournalService"/>, the same use cases
/// as <c>ldn journal</c>. <c>GET /api/journal</c> is the document of <c>ldn journal show --json</c>;
/// <c>GET /api/journal/history</c> that of <c>ldn journal history --json</c>. Only a patient has a journal:
/// a clinician or pharmacist gets 403.
/// </summary>
internal static class JournalEndpoints
{
    public const string PatientPolicy = "patient";

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/journal").RequireAuthorization(PatientPolicy).WithTags("Journal");
        group.MapGet("", Show).Produces<JournalDocument>();
        group.MapGet("/history", History);
        DoseEndpoints.Map(group.MapGroup("/doses"));
        CheckInEndpoints.Map(group.MapGroup("/checkins"));
        SideEffectEndpoints.Map(group.MapGroup("/sideeffects"));
        EventEndpoints.Map(group.MapGroup("/events"));
        MedicationEndpoints.Map(group.MapGroup("/medications"));
    }

    private static IResult Show(ClaimsPrincipal user, PatientJournals journals) => journals.Use(user, Document);

    /// <summary>The journal as the document of <c>ldn journal show --json</c> (also for a clinician's read-only view).</summary>
    internal static IResult Document(JournalService journal) =>
        Results.Json(JournalDocument.From(journal.LoadDays(null, null), journal.Today), JournalDocument.Options);

    /// <summary>Every change, oldest first, or one entry's (<c>?kind=dose&amp;id=3</c>): <c>{ "changes": [...] }</c>.</summary>
    private static IResult History(string? kind, long? id, ClaimsPrincipal user, PatientJournals journals)
    {
        JournalEntryKind? of = kind is null ? null : JournalEntryKinds.Parse(kind);
        if (id is not null && of is null)
        {
            throw new InvalidInputException("Give the entry's kind with its id, e.g. ?kind=dose&id=3.");
        }

        return journals.Use(user, j =>
        {
            if (of is { } k && id is { } i && j.Store.Find(k, i) is null)
            {
                return Hosting.Problems.Of(StatusCodes.Status404NotFound, $"The journal has no {JournalEntryKinds.Name(k)} with id {i}.");
            }

            return Results.Json(new { changes = j.History(of, id).Select(ChangeDocument.From) }, JournalDocument.Options);
        });
    }

    /// <summary>An entry as its export document, with <c>notes</c> for the person (and <c>deleted</c> when asked); its revision as ETag.</summary>
    internal static IResult Entry(HttpContext http, IJournalEntry entry, IReadOnlyList<string> notes, int status = StatusCodes.Status200OK, bool? deleted = null)
    {
        var node = JsonSerializer.SerializeToNode(JournalEntryJson.Document(entry), JournalDocument.Options)!.AsObject();
        if (deleted is { } d)
        {
            node["deleted"] = d;
        }

        node["notes"] = new JsonArray([.. notes.Select(n => (JsonNode)n!)]);
        http.Response.Headers.ETag = Revisions.ETag(entry.Revision);
        return Results.Json(node, statusCode: status);
    }
}
