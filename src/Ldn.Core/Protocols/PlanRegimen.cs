using Ldn.Core.Dosing;
using Ldn.Core.Units;

namespace Ldn.Core.Protocols;

/// <summary>
/// Turns a dated plan into the simulator's regimen: one dose event per step, daily at the step's clock
/// time, on a time axis that starts at the first dose. The simulator counts elapsed hours, so a
/// daylight-saving change (a one-hour shift twice a year) is not modelled; its effect on a daily dose
/// with a 13-hour metabolite half-life is negligible.
/// </summary>
public static class PlanRegimen
{
    /// <summary>Twelve weeks, the length of most LDN trials.</summary>
    public static Duration ShortestDefaultHorizon { get; } = Duration.FromDays(84);

    /// <summary>Four weeks on the maintenance dose, long enough to reach its steady state.</summary>
    public static Duration MaintenanceShown { get; } = Duration.FromDays(28);

    public static Regimen Create(IReadOnlyList<PlanStep> steps, Duration? horizon = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Count == 0)
        {
            throw new InvalidInputException("The plan has no steps.");
        }

        var first = steps[0];
        var startDay = first.From.DayNumber;
        var maintenanceStart = Duration.FromDays(steps[^1].From.DayNumber - startDay);
        var span = horizon ?? Max(ShortestDefaultHorizon, maintenanceStart + MaintenanceShown);
        if (span > DoseLimits.LongestHorizon)
        {
            throw new InvalidInputException($"The plan spans more than the {DoseLimits.LongestHorizon.Days:0} days (ten years) the simulator accepts.");
        }

        var events = new List<DoseEvent>();
        PlanStep? previous = null;
        foreach (var step in steps)
        {
            if (previous is not null && step.From.DayNumber <= (previous.To ?? previous.From).DayNumber)
            {
                throw new InvalidInputException($"Plan step {step.Number} starts on {step.From:yyyy-MM-dd}, before step {previous.Number} ends; the steps overlap.");
            }

            var offset = Duration.FromDays(step.From.DayNumber - startDay)
                + Duration.FromHours((step.At.MinutesSinceMidnight - first.At.MinutesSinceMidnight) / 60.0);
            if (offset >= span)
            {
                break;
            }

            var days = step.Days ?? (int)Math.Ceiling((span - offset).Days);
            events.Add(new DoseEvent(Mass.FromMilligrams((double)step.TakenDoseMg), offset, Duration.FromHours(24), Math.Max(days, 1), step.Formulation));
            previous = step;
        }

        return new Regimen(first.At, events, span);
    }

    private static Duration Max(Duration a, Duration b) => a > b ? a : b;
}
