using Ldn.Core.Safety;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// The safety checks on a journal for one day: the plan's doses in force then and the doses taken in the
/// last four weeks (what the dose checks, above 4.5 mg and above 10 mg, look at), with the medications and
/// conditions of the profile — the same findings for the report, the web and <c>advise</c>.
/// </summary>
public static class JournalSafety
{
    /// <summary>Days of taken doses the dose checks look back over.</summary>
    public const int DoseLookbackDays = 28;

    public static IReadOnlyList<SafetyFinding> Evaluate(JournalData data, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(data);
        return SafetyChecks.Evaluate(new SafetyContext
        {
            DosesMg = DosesToCheck(data, today),
            Patient = data.PatientOn(today, JournalTime.Zone(data.Profile.TimeZoneId)),
            StartDate = today.ToDateOnly(),
        });
    }

    /// <summary>The doses of the plan version in force (or the newest) and the doses taken in the last <see cref="DoseLookbackDays"/> days, distinct and ascending.</summary>
    public static IReadOnlyList<decimal> DosesToCheck(JournalData data, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(data);
        var doses = new List<decimal>();
        if ((data.PlanOn(today) ?? data.Plan) is { } plan)
        {
            doses.AddRange(plan.Steps.Select(s => s.DoseMg));
        }

        var since = today.PlusDays(-DoseLookbackDays);
        doses.AddRange(data.Doses
            .Where(d => !d.Skipped && JournalService.LocalDay(d.At, d.TimeZoneId) is var day && day > since && day <= today)
            .Select(d => d.DoseMg));
        return [.. doses.Distinct().Order()];
    }
}
