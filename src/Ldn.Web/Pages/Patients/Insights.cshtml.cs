using Ldn.Web.Pages.Insights;
using Ldn.Web.Sharing;

namespace Ldn.Web.Pages.Patients;

/// <summary>
/// <c>/patients/{id}/insights</c>, the Insights tab of a clinician's or pharmacist's view of a patient: what
/// the patient's own <c>/insights</c> shows (<see cref="InsightsView"/>: the analysis with intervals, adherence,
/// the side-effect timeline and the charts, drawn by the same scripts), read-only, read through
/// <see cref="SharedJournals.Read{T}"/> as <c>insights</c>.
/// </summary>
internal sealed class InsightsModel(SharedJournals sharing) : SharedPatientPageModel(sharing)
{
    public InsightsView? View { get; private set; }

    public override string Tab => "insights";

    public override string Subtitle => "Insights" + (View is { } view ? " up to " + Insights.InsightsModel.Date(view.Analysis.AsOf) : "");

    protected override void Read(string id) => View = Sharing.Read(User, id, "insights", j => InsightsView.Of(j) with { ReadOnly = true });
}
