using System.Globalization;
using System.Text.Json.Nodes;
using Ldn.Core.Calendar;
using Ldn.Core.Protocols;
using NodaTime;

namespace Ldn.Core.Journal;

public sealed partial class JournalService
{
    /// <summary>
    /// The plan as a calendar feed (<see cref="PlanCalendar.WriteFeed"/>): one event per planned dose from
    /// <paramref name="daysBefore"/> days before today to <paramref name="daysAfter"/> days after it, in the
    /// journal's zone, from the same steps as <see cref="PlanCalendarFile"/> (each version cut to the days it
    /// is in force), read from the stored versions at each call so the feed follows every plan change. A
    /// journal without a plan, or whose plan has no dose left, gives a valid calendar without events.
    /// </summary>
    /// <param name="confirm">The link to the page that confirms a day's dose.</param>
    /// <param name="daysBefore">Days before today the feed still holds (0 or more).</param>
    /// <param name="daysAfter">Days after today the feed reaches (0 or more).</param>
    public string PlanCalendarFeed(Func<LocalDate, Uri> confirm, int daysBefore, int daysAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(daysBefore);
        ArgumentOutOfRangeException.ThrowIfNegative(daysAfter);
        var data = Store.Load(Now, Now);
        var plan = CalendarVersion(data) is { } current ? CalendarPlan(data, current) : null;
        return PlanCalendar.WriteFeed(plan, HomeZone, Now, Today.PlusDays(-daysBefore), Today.PlusDays(daysAfter), confirm);
    }

    /// <summary>The version a calendar starts from: the one in force today, or the first before it starts.</summary>
    private PlanVersion? CalendarVersion(JournalData data) => data.PlanOn(Today) ?? (data.Plans.Count > 0 ? data.Plans[0] : null);

    /// <summary>
    /// The plan from <paramref name="current"/> on as one titration plan: each version's steps cut to the days
    /// it is in force and numbered through, with the protocol's name and source from the version's document;
    /// null when no dose is planned from then on.
    /// </summary>
    private TitrationPlan? CalendarPlan(JournalData data, PlanVersion current)
    {
        var steps = data.Plans.SkipWhile(p => !ReferenceEquals(p, current))
            .SelectMany(p => p.StepsInForce(data.PlanEnd(p)))
            .Select((s, i) => s with { Number = i + 1 })
            .ToList();
        if (steps.Count == 0)
        {
            return null;
        }

        var document = JsonNode.Parse(current.PlanJson)?.AsObject();
        var protocolId = document?["protocol"]?.GetValue<string>() ?? "journal-plan";
        return new TitrationPlan
        {
            Protocol = new TitrationProtocol
            {
                Id = protocolId,
                Name = document?["protocolName"]?.GetValue<string>() ?? protocolId,
                Description = "The journal's plan from version " + current.Id.ToString(CultureInfo.InvariantCulture) + " on",
                Source = document?["source"]?.GetValue<string>() ?? "the journal's plan",
                DefaultTime = steps[0].At,
                Steps = [],
            },
            Start = steps[0].From,
            At = steps[0].At,
            TimeZone = HomeZone,
            Formulation = steps[0].Formulation,
            ConcentrationMgPerMl = document?["concentrationMgPerMl"]?.GetValue<decimal?>(),
            Steps = steps,
            Warnings = [],
        };
    }
}
