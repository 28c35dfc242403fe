using Ldn.Web.Sharing;

namespace Ldn.Web.Pages.Patients;

/// <summary>
/// <c>/patients/{id}</c>, the Report tab of a clinician's or pharmacist's view of a patient: the patient's
/// report, read-only, rendered as the patient's own Report page renders it (<see cref="Report.IndexModel.Render"/>),
/// read through <see cref="SharedJournals.Read{T}"/> as <c>report</c>.
/// </summary>
internal sealed class PatientModel(SharedJournals sharing) : SharedPatientPageModel(sharing)
{
    /// <summary>The report's HTML (encoded by Ldn.Reports), or null when the journal has nothing to report.</summary>
    public string? ReportHtml { get; private set; }

    public override string Tab => "";

    public override string Subtitle => "Report";

    protected override void Read(string id) => ReportHtml = Sharing.Read(User, id, "report", Report.IndexModel.Render);
}
