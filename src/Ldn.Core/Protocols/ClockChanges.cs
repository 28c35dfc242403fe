using Ldn.Core.Safety;
using Ldn.Core.Units;
using NodaTime;

namespace Ldn.Core.Protocols;

/// <summary>
/// Finds the days on which the dose's clock time does not exist (clocks go forward past it) or exists
/// twice (clocks go back over it) in the patient's time zone. Calendars follow RFC 5545 §3.3.5 on those
/// days: a missing time is taken at the offset before the change (02:30 becomes 03:30), a repeated time
/// at its first occurrence. The plan says so rather than let a reminder move silently.
/// </summary>
public static class ClockChanges
{
    /// <summary>How far into an open-ended maintenance step the check looks: one year holds every kind of change.</summary>
    public const int OpenEndedDaysChecked = 366;

    public static IEnumerable<SafetyFinding> Check(DateTimeZone zone, ClockTime at, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var time = new LocalTime(at.Hour, at.Minute);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var local = LocalDate.FromDateOnly(day).At(time);
            var mapping = zone.MapLocal(local);
            if (mapping.Count == 0)
            {
                var shifted = mapping.LateInterval.WallOffset - mapping.EarlyInterval.WallOffset;
                var shown = local.PlusSeconds(shifted.Seconds);
                yield return new SafetyFinding("clock-time-skipped", SafetySeverity.Warning,
                    $"On {day:yyyy-MM-dd} the clocks in {zone.Id} skip {at}, so calendars will remind at {shown:HH:mm} that day.", "RFC 5545 §3.3.5");
            }
            else if (mapping.Count == 2)
            {
                yield return new SafetyFinding("clock-time-repeated", SafetySeverity.Warning,
                    $"On {day:yyyy-MM-dd} the clocks in {zone.Id} pass {at} twice; take one dose only, at the first {at}.", "RFC 5545 §3.3.5");
            }

            if (day == DateOnly.MaxValue)
            {
                yield break;
            }
        }
    }
}
