using Ldn.Core.Journal;

namespace Ldn.Web.Journal;

/// <summary>
/// The routes every kind of entry shares under <c>/api/journal/{kind}</c>: read one (<c>GET /{id}</c>, with
/// <c>deleted</c>), delete it and restore it (<c>If-Match: "revision"</c> honoured, 412 when stale), and the
/// answers of a create (201 with <c>Location</c> and <c>ETag</c>) and an edit (the same refusals first).
/// </summary>
internal static class EntryRoutes
{
    /// <summary>Maps <c>GET /{id}</c>, <c>DELETE /{id}</c> and <c>POST /{id}/restore</c> for <paramref name="kind"/>.</summary>
    public static void MapReadDeleteRestore(RouteGroupBuilder group, JournalEntryKind kind)
    {
        group.MapGet("/{id:long}", (long id, HttpContext http, PatientJournals journals) => Get(kind, id, http, journals))
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:long}", (long id, string? reason, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
                Revisions.Refusal(j, kind, id, http.Request) ?? Flipped(http, id, j.Delete(kind, id, Revisions.Expected(http.Request), reason), deleted: true)))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/{id:long}/restore", (long id, string? reason, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
                Revisions.Refusal(j, kind, id, http.Request, restoring: true) ?? Flipped(http, id, j.Restore(kind, id, Revisions.Expected(http.Request), reason), deleted: false)))
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    /// <summary>201 with the new entry, its <c>Location</c> (<c>{path}/{id}</c>) and <c>ETag</c>.</summary>
    public static IResult Created<T>(HttpContext http, string path, Recorded<T> recorded)
        where T : IJournalEntry
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(recorded);
        http.Response.Headers.Location = $"{path}/{recorded.Entry.Id}";
        return JournalEndpoints.Entry(http, recorded.Entry, recorded.Notes, StatusCodes.Status201Created);
    }

    /// <summary>
    /// Edits entry <paramref name="id"/> with <paramref name="edit"/> (given the revision of <c>If-Match</c>)
    /// unless it is missing (404), deleted (409) or stale (412); 200 with the entry as stored now.
    /// </summary>
    public static IResult Edited<T>(JournalService journal, JournalEntryKind kind, long id, HttpContext http, Func<int?, Recorded<T>> edit)
        where T : IJournalEntry
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(edit);
        if (Revisions.Refusal(journal, kind, id, http.Request) is { } refused)
        {
            return refused;
        }

        var recorded = edit(Revisions.Expected(http.Request));
        return JournalEndpoints.Entry(http, recorded.Entry, recorded.Notes);
    }

    private static IResult Get(JournalEntryKind kind, long id, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
        j.Store.Find(kind, id) is { } stored
            ? JournalEndpoints.Entry(http, stored.Entry, [], deleted: stored.Deleted)
            : Hosting.Problems.Of(StatusCodes.Status404NotFound, $"The journal has no {JournalEntryKinds.Name(kind)} with id {id}."));

    private static IResult Flipped(HttpContext http, long id, int revision, bool deleted)
    {
        http.Response.Headers.ETag = Revisions.ETag(revision);
        return Results.Json(new { id, revision, deleted });
    }
}
