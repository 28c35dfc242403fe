using Ldn.Core;
using Ldn.Core.Journal;

namespace Ldn.Web.Journal;

/// <summary>
/// <c>/api/journal/medications</c>: add (201), read, edit, delete and restore a medication. An opioid gets a
/// warning in <c>notes</c>; a name only close to an opioid ("tramadl") needs <c>"confirm": true</c>, else 409.
/// A new medication is current: its <c>until</c> (the last dose taken) is set by <c>PUT</c>.
/// </summary>
internal static class MedicationEndpoints
{
    private const JournalEntryKind Kind = JournalEntryKind.Medication;
    private const string Path = "/api/journal/medications";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("", Add).Produces<MedicationDocument>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:long}", Edit).Produces<MedicationDocument>().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        EntryRoutes.MapReadDeleteRestore(group, Kind);
    }

    private static IResult Add(MedicationBody body, HttpContext http, PatientJournals journals)
    {
        var name = body.Name ?? throw new InvalidInputException("Give the medication's name, e.g. \"name\": \"sertraline\".");
        if (body.Until is not null)
        {
            throw new InvalidInputException("A new medication is current; set \"until\" (its last dose) with PUT on the medication.");
        }

        return journals.Use(http.User, j => EntryRoutes.Created(http, Path, j.AddMedication(name, body.Since, body.Confirm ?? false)));
    }

    private static IResult Edit(long id, MedicationBody body, HttpContext http, PatientJournals journals) => journals.Use(http.User, j =>
        EntryRoutes.Edited(j, Kind, id, http, revision => j.EditMedication(id, new MedicationEdit(body.Name, body.Since, body.Until), revision, body.Reason)));
}
