using Ldn.Core.Journal;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Mvc;

namespace Ldn.Web.Pages.Journal;

/// <summary>
/// <c>/journal/scales</c>: the journal's symptom scales (what each check-in asks, 0–10 with what the ends mean)
/// and a form to add one (<c>POST</c> <c>name</c>, <c>higherIsWorse</c>, <c>low</c>, <c>high</c>) through
/// <see cref="JournalService.AddScale"/>, as <c>ldn journal scale add</c> and <c>POST /api/journal/scales</c>.
/// Once added, 302 to <c>/journal/scales?added={id}</c>; the scale is then asked on <c>/today</c>'s check-in.
/// A name the catalogue has is refused with its sentence (409), a bad one 400.
/// </summary>
internal sealed class ScalesModel(PatientJournals journals) : PatientPageModel(journals)
{
    public IReadOnlyList<SymptomScale> Scales { get; private set; } = [];

    /// <summary>The scale just added (from <c>?added=</c>), or null.</summary>
    public SymptomScale? Added { get; private set; }

    [BindProperty(SupportsGet = true, Name = "added")]
    public string? AddedId { get; set; }

    public IActionResult OnGet() => Show();

    /// <summary>The sentence of a name the catalogue has already (answered 409), or null.</summary>
    public string? Conflict { get; private set; }

    public IActionResult OnPost(string? name, bool higherIsWorse, string? low, string? high) => Act(j =>
    {
        try
        {
            return Redirect($"/journal/scales?added={Uri.EscapeDataString(j.AddScale(name ?? "", higherIsWorse, low, high).Id)}");
        }
        catch (ScaleExistsException clash)
        {
            // A clash with the catalogue is a conflict (409), as the API answers it, not a mistake (400).
            Conflict = clash.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
    });

    protected override void Load(JournalService journal)
    {
        Scales = ScaleEndpoints.Catalogue(journal);
        Added = AddedId is { } id ? Scales.FirstOrDefault(s => s.Id == id) : null;
    }
}
