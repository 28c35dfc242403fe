using Ldn.Core;
using Ldn.Core.Journal;

namespace Ldn.Web.Journal;

/// <summary><c>/api/journal/checkins</c>: record (201), read, edit, delete and restore a check-in (scores by scale id or label).</summary>
internal static class CheckInEndpoints
{
    private const JournalEntryKind Kind = JournalEntryKind.CheckIn;
    private const string Path = "/api/journal/checkins";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("", Add).Produces<CheckInDocument>(StatusCodes.Status201Created);
        group.MapPut("/{id:long}", Edit).Produces<CheckInDocument>().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        EntryRoutes.MapReadDeleteRestore(group, Kind);
    }

    private static IResult Add(CheckInBody body, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
        EntryRoutes.Created(http, Path, j.RecordCheckIn(new CheckInRequest(body.Scores ?? [], body.At, body.TimeZone, body.Note))));

    private static IResult Edit(long id, CheckInBody body, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
        EntryRoutes.Edited(j, Kind, id, http, revision => j.EditCheckIn(id, new CheckInEdit(body.Scores, body.At, body.TimeZone, body.Note), revision, body.Reason)));
}
