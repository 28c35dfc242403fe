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
    private const string Path = "/api/journal/doses";

    public static void Map(RouteGroupBuilder doses)
    {
        doses.MapPost("", Add).Produces<DoseDocument>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        doses.MapPut("/{id:long}", Edit).Produces<DoseDocument>().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status409Conflict);
        EntryRoutes.MapReadDeleteRestore(doses, Kind);
    }

    private static IResult Add(DoseBody body, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
    {
        var request = new DoseRequest(body.DoseMg, body.At, body.TimeZone, FormulationOf(body.Formulation), body.Skipped ?? false, body.Note);
        return EntryRoutes.Created(http, Path, j.RecordDose(request, body.Confirm ?? false));
    });

    private static IResult Edit(long id, DoseBody body, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
        EntryRoutes.Edited(j, Kind, id, http, revision =>
            j.EditDose(id, new DoseEdit(body.DoseMg, body.At, body.TimeZone, FormulationOf(body.Formulation), body.Skipped, body.Note), revision, body.Confirm ?? false, body.Reason)));

    private static Formulation? FormulationOf(string? text) => text is null ? null : Formulations.Parse(text);
}
