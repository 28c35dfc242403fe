using System.Text.Json.Nodes;
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
    /// The iCalendar file (RFC 5545) of <paramref name="version"/> (default: the version in force today)
    /// from its first day on, in the journal's zone.
    /// </summary>
    /// <exception cref="InvalidInputException">The journal has no plan.</exception>
    public string PlanCalendarFile(PlanVersion? version = null)
    {
        var plan = version ?? PlanOn(Today) ?? Store.Load(Now, Now).Plan
            ?? throw new InvalidInputException("The journal has no plan to make a calendar of; set one with 'ldn journal plan set FILE'.");
        var document = JsonNode.Parse(plan.PlanJson)?.AsObject();
        var start = plan.From.ToDateOnly();
        var steps = plan.Steps.Where(s => s.To is null || s.To >= start)
            .Select((s, i) => s with { Number = i + 1, From = s.From < start ? start : s.From })
            .ToList();
        var protocolId = document?["protocol"]?.GetValue<string>() ?? "journal-plan";
        var titration = new TitrationPlan
        {
            Protocol = new TitrationProtocol
            {
                Id = protocolId,
                Name = (document?["protocolName"]?.GetValue<string>() ?? protocolId) + (plan.Adjustment is { } a and not "set" ? $" ({a} from {plan.From:uuuu-MM-dd})" : ""),
                Description = "The journal's plan version in force from " + plan.From.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Source = document?["source"]?.GetValue<string>() ?? "the journal's plan",
                DefaultTime = steps[0].At,
                Steps = [],
            },
            Start = start,
            At = steps[0].At,
            TimeZone = HomeZone,
            Formulation = steps[0].Formulation,
            ConcentrationMgPerMl = document?["concentrationMgPerMl"]?.GetValue<decimal?>(),
            Steps = steps,
            Warnings = [],
        };
        return PlanCalendar.Write(titration, Now);
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
