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
                // Subtract in seconds, not as Offset: a zone that changes its UTC offset by a whole day (Samoa
                // skipped 2011-12-30) has a 24-h gap, beyond the ±18 h an Offset can hold.
                var gapSeconds = (long)mapping.LateInterval.WallOffset.Seconds - mapping.EarlyInterval.WallOffset.Seconds;
                var shown = local.PlusSeconds(gapSeconds);
                yield return new SafetyFinding("clock-time-skipped", SafetySeverity.Warning,
                    shown.Date == local.Date
                        ? $"On {day:yyyy-MM-dd} the clocks in {zone.Id} skip {at}, so calendars will remind at {shown:HH:mm} that day."
                        : $"On {day:yyyy-MM-dd} the clocks in {zone.Id} skip {at} (the date jumps ahead), so that day has no dose time: the next dose is on {shown:yyyy-MM-dd} at {shown:HH:mm}.",
                    "RFC 5545 §3.3.5");
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
