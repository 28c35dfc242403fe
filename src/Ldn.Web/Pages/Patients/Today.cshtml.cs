using System.Globalization;
using Ldn.Web.Pages.Today;
using Ldn.Web.Sharing;

namespace Ldn.Web.Pages.Patients;

/// <summary>
/// <c>/patients/{id}/today</c>, the Today tab of a clinician's or pharmacist's view of a patient: what the
/// patient's own <c>/today</c> shows (<see cref="TodayView"/>: the dose due, the doses and check-ins recorded,
/// the ongoing side effects, the advice and any safety stop), read-only, read through
/// <see cref="SharedJournals.Read{T}"/> as <c>today</c>.
/// </summary>
internal sealed class TodayModel(SharedJournals sharing) : SharedPatientPageModel(sharing)
{
    public TodayView? View { get; private set; }

    public override string Tab => "today";

    public override string Subtitle => "Today" + (View is { } view ? ", " + view.Day.ToString("dddd d MMMM uuuu", CultureInfo.InvariantCulture) : "");

    protected override void Read(string id) => View = Sharing.Read(User, id, "today", j => TodayView.Of(j) with { ReadOnly = true });
}
