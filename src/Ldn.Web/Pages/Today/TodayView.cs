using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using Ldn.Web.Pages.Journal;
using NodaTime;

namespace Ldn.Web.Pages.Today;

/// <summary>
/// What Today shows of a journal, read once: the dose day (before 06:00 the night before's), the plan version
/// and step in force that day, the doses and check-ins recorded that day, the ongoing side effects, the
/// scale catalogue, and the advice of <see cref="JournalService.Advise"/> with its safety findings.
/// <c>_TodayView.cshtml</c> renders it for the patient's <c>/today</c> (with its forms) and, with
/// <see cref="ReadOnly"/>, for a clinician's <c>/patients/{id}/today</c> (no form, no action, no correction link).
/// </summary>
/// <param name="Day">The dose day shown (the journal's zone).</param>
/// <param name="Plan">The plan version in force on <paramref name="Day"/>, or null.</param>
/// <param name="Step">The plan step of <paramref name="Day"/>, or null (no plan, or one not started or ended).</param>
/// <param name="Doses">Doses (taken or skipped) recorded for <paramref name="Day"/>, newest first.</param>
/// <param name="CheckIns">Check-ins recorded on <paramref name="Day"/> (the journal's zone), newest first.</param>
/// <param name="LastDoseMg">The dose to offer when there is no plan step: the newest dose's mg, or null.</param>
/// <param name="Scales">The journal's scale catalogue (0–10 each).</param>
/// <param name="Ongoing">Side effects without an end.</param>
/// <param name="Advice">The rules' advice for today, or null when the journal has no dose and no plan (<paramref name="NotStarted"/>).</param>
/// <param name="NotStarted">True when the journal has no dose and no plan yet.</param>
internal sealed record TodayView(
    LocalDate Day,
    PlanVersion? Plan,
    PlanStep? Step,
    IReadOnlyList<EntryRow> Doses,
    IReadOnlyList<EntryRow> CheckIns,
    decimal? LastDoseMg,
    IReadOnlyList<SymptomScale> Scales,
    IReadOnlyList<EntryRow> Ongoing,
    Ldn.Core.Advice.Advice? Advice,
    bool NotStarted)
{
    /// <summary>True for someone reading another's journal: no form, no action, no correction link.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The time typed on the dose form (shown again when the form was refused); null when none.</summary>
    public string? DoseAt { get; init; }

    /// <summary>Reads Today from <paramref name="journal"/> at its clock's now.</summary>
    public static TodayView Of(JournalService journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var day = JournalService.DoseDay(journal.Now, journal.Profile.TimeZoneId);
        var data = journal.LoadDays(day.PlusDays(-1), journal.Today);
        var plan = data.PlanOn(day);
        var step = plan?.StepOn(day);
        var doses = data.Doses
            .Where(d => JournalService.DoseDay(d.At, d.TimeZoneId) == day)
            .OrderByDescending(d => d.At)
            .Select(d => EntryRow.Of(d, journal, data.Scales))
            .ToList();
        var checkIns = data.CheckIns
            .Where(c => c.At.InZone(journal.HomeZone).Date == journal.Today)
            .OrderByDescending(c => c.At)
            .Select(c => EntryRow.Of(c, journal, data.Scales))
            .ToList();
        var ongoing = data.SideEffects.Where(s => s.To is null).Select(s => EntryRow.Of(s, journal, data.Scales)).ToList();
        // Without a plan step the Taken form asks for the mg, offering the newest dose's.
        decimal? lastDoseMg = step is null && journal.LoadUpTo(journal.Today).Doses is { Count: > 0 } all ? all[^1].DoseMg : null;
        try
        {
            return new(day, plan, step, doses, checkIns, lastDoseMg, data.Scales, ongoing, journal.Advise().Advice, NotStarted: false);
        }
        catch (InvalidInputException)
        {
            // No dose and no plan: nothing to advise on yet; the page shows how to start.
            return new(day, plan, step, doses, checkIns, lastDoseMg, data.Scales, ongoing, null, NotStarted: true);
        }
    }
}
