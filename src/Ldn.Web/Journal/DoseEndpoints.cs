using Ldn.Core.Dosing;
using Ldn.Core.Journal;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>/api/journal/doses</c>: record (201), read, edit and delete a dose, and restore a deleted one. A
/// change honours <c>If-Match: "revision"</c> (412 when stale, nothing changed); a dose that looks like a
/// mistake (a second one that day, above 10 mg, above twice the plan's) needs <c>"confirm": true</c>, else 409.
/// </summary>
internal static class DoseEndpoints
{
    private const JournalEntryKind Kind = JournalEntryKind.Dose;

    public static void Map(RouteGroupBuilder doses)
    {
        doses.MapPost("", Add).Produces<DoseDocument>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        doses.MapGet("/{id:long}", Get).Produces<DoseDocument>().ProducesProblem(StatusCodes.Status404NotFound);
        doses.MapPut("/{id:long}", Edit).Produces<DoseDocument>().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status409Conflict);
        doses.MapDelete("/{id:long}", Delete).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        doses.MapPost("/{id:long}/restore", Restore).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    private static IResult Add(DoseBody body, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
    {
        var request = new DoseRequest(body.DoseMg, body.At, body.TimeZone, FormulationOf(body.Formulation), body.Skipped ?? false, body.Note);
        var recorded = j.RecordDose(request, body.Confirm ?? false);
        http.Response.Headers.Location = $"/api/journal/doses/{recorded.Entry.Id}";
        return JournalEndpoints.Entry(http, recorded.Entry, recorded.Notes, StatusCodes.Status201Created);
    });

    private static IResult Get(long id, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
        j.Store.Find(Kind, id) is { } stored
            ? JournalEndpoints.Entry(http, stored.Entry, [], deleted: stored.Deleted)
            : Hosting.Problems.Of(StatusCodes.Status404NotFound, $"The journal has no dose with id {id}."));

    private static IResult Edit(long id, DoseBody body, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
    {
        if (Revisions.Refusal(j, Kind, id, http.Request) is { } refused)
        {
            return refused;
        }

        var edit = new DoseEdit(body.DoseMg, body.At, body.TimeZone, FormulationOf(body.Formulation), body.Skipped, body.Note);
        var recorded = j.EditDose(id, edit, Revisions.Expected(http.Request), body.Confirm ?? false, body.Reason);
        return JournalEndpoints.Entry(http, recorded.Entry, recorded.Notes);
    });

    private static IResult Delete(long id, string? reason, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
        Revisions.Refusal(j, Kind, id, http.Request) ?? Flipped(http, id, j.Delete(Kind, id, Revisions.Expected(http.Request), reason), deleted: true));

    private static IResult Restore(long id, string? reason, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
        Revisions.Refusal(j, Kind, id, http.Request, restoring: true) ?? Flipped(http, id, j.Restore(Kind, id, Revisions.Expected(http.Request), reason), deleted: false));

    private static IResult Flipped(HttpContext http, long id, int revision, bool deleted)
    {
        http.Response.Headers.ETag = Revisions.ETag(revision);
        return Results.Json(new { id, revision, deleted });
    }

    private static Formulation? FormulationOf(string? text) => text is null ? null : Formulations.Parse(text);
}
