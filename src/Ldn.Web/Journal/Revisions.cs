using System.Globalization;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Web.Hosting;

namespace Ldn.Web.Journal;

/// <summary>
/// Optimistic concurrency over HTTP: an entry's revision is its ETag (<c>"3"</c>), and <c>If-Match</c> on a
/// change must name the revision the client read. The store checks the revision again in its transaction.
/// </summary>
internal static class Revisions
{
    /// <summary>The revision in <c>If-Match</c>; null without the header or with <c>*</c>.</summary>
    /// <exception cref="InvalidInputException">The header is not a revision.</exception>
    public static int? Expected(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return null;
        }

        var text = header.ToString().Trim();
        if (text == "*")
        {
            return null;
        }

        text = (text.StartsWith("W/", StringComparison.Ordinal) ? text[2..] : text).Trim('"');
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) && revision >= 1
            ? revision
            : throw new InvalidInputException($"If-Match must be the entry's revision, e.g. If-Match: \"3\" (got '{header}').");
    }

    public static string ETag(int revision) => "\"" + revision.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The problem that stops a change of entry <paramref name="id"/>, or null: 404 when there is no such
    /// entry, 409 when it is deleted (or, for a restore, not deleted), 412 when <c>If-Match</c> names another revision.
    /// </summary>
    public static IResult? Refusal(JournalService journal, JournalEntryKind kind, long id, HttpRequest request, bool restoring = false)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var expected = Expected(request);
        var name = JournalEntryKinds.Name(kind);
        if (journal.Store.Find(kind, id) is not { } stored)
        {
            return Problems.Of(StatusCodes.Status404NotFound, $"The journal has no {name} with id {id}.");
        }

        if (stored.Deleted != restoring)
        {
            return Problems.Of(StatusCodes.Status409Conflict, restoring ? $"The {name} {id} is not deleted." : $"The {name} {id} is deleted; restore it first.");
        }

        return expected is { } revision && revision != stored.Entry.Revision
            ? Problems.Of(StatusCodes.Status412PreconditionFailed, $"The {name} {id} was changed since you read it (revision {stored.Entry.Revision}, you had {revision}); nothing was changed.")
            : null;
    }
}
