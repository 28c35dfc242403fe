using Ldn.Web.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Patients;

/// <summary>
/// A tab of a clinician's or pharmacist's read-only view of one patient, <c>/patients/{id}[/today|/insights|/notes]</c>:
/// the tab reads what it shows with exactly one read of <see cref="SharedJournals"/> (so one entry in the
/// patient's audit log, before anything is shown), under the patient's name, the tab bar and the form to leave
/// a note. Without an active share (never shared, revoked, someone else's id) the page is the one 404 sentence
/// that reveals nothing, and nothing is written. <c>POST ?handler=Note</c> (<c>text</c>) leaves a note and goes
/// to the Notes tab; a refused note (empty, longer than 4000 characters) shows its sentence above the tab (400).
/// </summary>
[Authorize(Policy = PatientEndpoints.GranteePolicy)]
internal abstract class SharedPatientPageModel(SharedJournals sharing) : RefusablePageModel
{
    /// <summary>The tabs: their names as in the route (<c>""</c> for the report) and their labels.</summary>
    public static readonly IReadOnlyList<(string Tab, string Label)> Tabs = [("today", "Today"), ("insights", "Insights"), ("", "Report"), ("notes", "Notes")];

    /// <summary>The patient's account id, from the route.</summary>
    public string Id { get; private set; } = "";

    /// <summary>The patient's email, once the read was allowed; null before.</summary>
    public string? Name { get; private set; }

    /// <summary>True once the tab's read was allowed: the tabs, the view and the note form are shown.</summary>
    public bool Shown { get; private set; }

    /// <summary>This tab, as in <see cref="Tabs"/>.</summary>
    public abstract string Tab { get; }

    /// <summary>The words after the patient's name in the heading ("Today, Tuesday 1 December 2026").</summary>
    public abstract string Subtitle { get; }

    protected SharedJournals Sharing { get; } = sharing;

    /// <summary>The address of tab <paramref name="tab"/> of this patient.</summary>
    public string TabUrl(string tab) => UrlOf(Id, tab);

    public IActionResult OnGet(string id) => Show(id);

    public IActionResult OnPostNote(string id, string? text) =>
        Attempt(() => Sharing.AddNote(User, id, text)) ? Redirect(UrlOf(id, "notes") + "?left=true") : Show(id);

    /// <summary>Reads what the tab shows with one audited read of <see cref="Sharing"/> (a refusal is thrown).</summary>
    protected abstract void Read(string id);

    private PageResult Show(string id)
    {
        Id = id;
        Shown = Attempt(() =>
        {
            Read(id);
            Name = Sharing.Patients(User).FirstOrDefault(p => p.Id == id)?.Name ?? id;
        });
        return Page();
    }

    private static string UrlOf(string id, string tab) =>
        "/patients/" + Uri.EscapeDataString(id) + (tab.Length == 0 ? "" : "/" + tab);
}
