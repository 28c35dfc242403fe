using Ldn.Core;
using Ldn.Core.Advice;
using Ldn.Core.Journal;
using Ldn.Core.Text;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>/api/journal/sideeffects</c>: record (201), read, edit, delete and restore a side effect. An alias is
/// recorded under its kind with the words kept (<c>typedName</c>); a near-miss name or a kind already ongoing
/// needs <c>"confirm": true</c>, else 409 with the question.
/// </summary>
internal static class SideEffectEndpoints
{
    private const JournalEntryKind Kind = JournalEntryKind.SideEffect;
    private const string Path = "/api/journal/sideeffects";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("", Add).Produces<SideEffectDocument>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:long}", Edit).Produces<SideEffectDocument>().ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status409Conflict);
        EntryRoutes.MapReadDeleteRestore(group, Kind);
    }

    private static IResult Add(SideEffectBody body, HttpContext http, PatientJournals journals)
    {
        var name = body.Kind ?? throw new InvalidInputException("Give the side effect's kind, e.g. \"kind\": \"insomnia\".");
        var request = new SideEffectRequest(name, SeverityOf(body.Severity) ?? SideEffectSeverity.Mild, body.From, body.To, body.TimeZone, body.Note);
        return journals.Use(http.User, j => EntryRoutes.Created(http, Path, j.RecordSideEffect(request, body.Confirm ?? false)));
    }

    private static IResult Edit(long id, SideEffectBody body, HttpContext http, PatientJournals journals)
    {
        var edit = new SideEffectEdit(body.Kind, SeverityOf(body.Severity), body.From, body.To, body.TimeZone, body.Note);
        return journals.Use(http.User, j => EntryRoutes.Edited(j, Kind, id, http, revision => j.EditSideEffect(id, edit, revision, body.Confirm ?? false, body.Reason)));
    }

    private static SideEffectSeverity? SeverityOf(string? text) => text is null ? null : EnumWords.Parse<SideEffectSeverity>(text, Word, "a severity");

    private static string Word(SideEffectSeverity severity) => severity switch
    {
        SideEffectSeverity.Mild => "mild",
        SideEffectSeverity.Moderate => "moderate",
        SideEffectSeverity.Severe => "severe",
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
