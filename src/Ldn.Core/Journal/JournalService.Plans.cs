using Ldn.Core.Calendar;
using Ldn.Core.Protocols;
using NodaTime;

namespace Ldn.Core.Journal;

public sealed partial class JournalService
{
    /// <summary>
    /// Adds a plan (the JSON of <c>ldn plan --json</c>) as a new version. The journal's first plan is in
    /// force from its own first step; a later one from <paramref name="from"/> (default today), which may
    /// not be before the first plan's start. Earlier versions stay.
    /// </summary>
    /// <exception cref="InvalidInputException">Not a plan document, or a start before the first plan's.</exception>
    public PlanVersion SetPlan(string planJson, LocalDate? from = null)
    {
        ArgumentNullException.ThrowIfNull(planJson);
        var first = Store.Load(Now, Now).Plans;
        var version = first.Count == 0 && from is null
            ? PlanVersion.Initial(planJson, Now)
            : new PlanVersion(0, from ?? Today, Now, planJson, "set");
        return Added(version, first);
    }

    /// <summary>
    /// Adds a plan version made by <paramref name="adjustment"/> from <paramref name="from"/> (default
    /// today) on, with the doses at <paramref name="at"/> when given (morning 08:00 and evening 22:00 are
    /// the defaults of the moves).
    /// </summary>
    /// <exception cref="InvalidInputException">No plan yet, a start before the first plan's, or no step to advance or step down to.</exception>
    public PlanVersion AdjustPlan(PlanAdjustment adjustment, LocalDate? from = null, LocalTime? at = null)
    {
        var day = from ?? Today;
        var versions = Store.Load(Now, Now).Plans;
        var current = versions.LastOrDefault(p => p.From <= day)
            ?? (versions.Count > 0
                ? throw TooEarly(day, versions[0])
                : throw new InvalidInputException("The journal has no plan to adjust; set one first with 'ldn journal plan set FILE'."));
        var json = PlanAdjuster.Adjust(current, adjustment, day, at);
        return Added(new PlanVersion(0, day, Now, json, PlanAdjustments.Name(adjustment)), versions);
    }

    /// <summary>
    /// The iCalendar file (RFC 5545) of the plan from the version in force today (or the first, before it)
    /// on: each version's steps cut to the days it is in force, so a reminder ends when a later version
    /// takes over, and the versions already planned for later follow with their own times. In the
    /// journal's zone.
    /// </summary>
    /// <exception cref="InvalidInputException">The journal has no plan.</exception>
    public string PlanCalendarFile()
    {
        var data = Store.Load(Now, Now);
        var current = CalendarVersion(data)
            ?? throw new InvalidInputException("The journal has no plan to make a calendar of; set one with 'ldn journal plan set FILE'.");
        var plan = CalendarPlan(data, current)
            ?? throw new InvalidInputException($"The plan in force has no dose planned from {current.From:uuuu-MM-dd} on, so there is nothing to put in a calendar.");
        return PlanCalendar.Write(plan, Now);
    }

    private PlanVersion Added(PlanVersion version, IReadOnlyList<PlanVersion> existing)
    {
        if (existing.Count > 0 && version.From < existing.Min(p => p.From))
        {
            throw TooEarly(version.From, existing.MinBy(p => p.From)!);
        }

        var id = Store.AddPlanVersion(version);
        return version with { Id = id };
    }

    private static InvalidInputException TooEarly(LocalDate day, PlanVersion first) =>
        new($"A plan version cannot start on {day:uuuu-MM-dd}, before the journal's first plan ({first.From:uuuu-MM-dd}).");
}
