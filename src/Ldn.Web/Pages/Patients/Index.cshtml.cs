using Ldn.Web.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ldn.Web.Pages.Patients;

/// <summary><c>/patients</c>, for clinicians and pharmacists: the patients who share their journal with them (<see cref="SharedJournals.Patients"/>).</summary>
[Authorize(Policy = PatientEndpoints.GranteePolicy)]
internal sealed class IndexModel(SharedJournals sharing) : PageModel
{
    public IReadOnlyList<SharedPatient> Patients { get; private set; } = [];

    public void OnGet() => Patients = sharing.Patients(User);
}
