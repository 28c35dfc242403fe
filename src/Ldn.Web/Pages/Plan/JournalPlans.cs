using Ldn.Core.Journal;
using NodaTime;

namespace Ldn.Web.Pages.Plan;

/// <summary>The journal's plan versions as the plan page lists them: each with the last day it is in force (null: open) and whether it is in force today.</summary>
internal sealed record JournalPlans(IReadOnlyList<JournalPlans.Version> Versions, LocalDate Today, string TimeZoneId)
{
    public static JournalPlans Empty { get; } = new([], default, "UTC");

    /// <summary>One version: <see cref="End"/> before <see cref="PlanVersion.From"/> means it was replaced on its first day.</summary>
    public sealed record Version(PlanVersion Plan, LocalDate? End, bool InForce);

    public static JournalPlans Read(JournalService journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var data = journal.Store.Load(journal.Now, journal.Now);
        var today = journal.Today;
        var current = data.PlanOn(today);
        return new([.. data.Plans.Select(p => new Version(p, data.PlanEnd(p), ReferenceEquals(p, current)))], today, journal.Profile.TimeZoneId);
    }
}
