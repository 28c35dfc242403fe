using Ldn.Core;
using Ldn.Core.Journal;

namespace Ldn.Web.Journal;

/// <summary><c>/api/journal/events</c>: record (201), read, edit, delete and restore an event (flare, infection, medication-change, other).</summary>
internal static class EventEndpoints
{
    private const JournalEntryKind Kind = JournalEntryKind.Event;
    private const string Path = "/api/journal/events";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("", Add).Produces<EventDocument>(StatusCodes.Status201Created);
        group.MapPut("/{id:long}", Edit).Produces<EventDocument>().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        EntryRoutes.MapReadDeleteRestore(group, Kind);
    }

    private static IResult Add(EventBody body, HttpContext http, PatientJournals journals)
    {
        var kind = EventKinds.Parse(body.Kind ?? throw new InvalidInputException("Give the event's kind: flare, infection, medication-change or other."));
        return journals.Use(http.User, j => EntryRoutes.Created(http, Path, j.RecordEvent(new EventRequest(kind, body.At, body.TimeZone, body.Note))));
    }

    private static IResult Edit(long id, EventBody body, HttpContext http, PatientJournals journals)
    {
        var edit = new EventEdit(body.Kind is null ? null : EventKinds.Parse(body.Kind), body.At, body.TimeZone, body.Note);
        return journals.Use(http.User, j => EntryRoutes.Edited(j, Kind, id, http, revision => j.EditEvent(id, edit, revision, body.Reason)));
    }
}
