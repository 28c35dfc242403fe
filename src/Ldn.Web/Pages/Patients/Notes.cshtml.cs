using Ldn.Web.Sharing;
using Microsoft.AspNetCore.Mvc;

namespace Ldn.Web.Pages.Patients;

/// <summary>
/// <c>/patients/{id}/notes[?left=true]</c>, the Notes tab of a clinician's or pharmacist's view of a patient:
/// the notes this reader left for the patient, oldest first (<see cref="SharedJournals.NotesBy"/>, audited as
/// <c>notes</c>), and the form to leave one; <c>left=true</c> (where a note just left leads) says it was left.
/// </summary>
internal sealed class NotesModel(SharedJournals sharing) : SharedPatientPageModel(sharing)
{
    public IReadOnlyList<NoteView> Notes { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Left { get; set; }

    public override string Tab => "notes";

    public override string Subtitle => "Notes";

    protected override void Read(string id) => Notes = Sharing.NotesBy(User, id);
}
