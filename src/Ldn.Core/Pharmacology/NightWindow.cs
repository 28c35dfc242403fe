using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// The night over which <c>nocturnalSignalling</c> is averaged: 23:00 to 07:00 clock time, the
/// hours of the sleep disturbance and vivid dreams the source documents report.
/// </summary>
public static class NightWindow
{
    public static ClockTime Start { get; } = ClockTime.FromHoursAndMinutes(23, 0);

    public static ClockTime End { get; } = ClockTime.FromHoursAndMinutes(7, 0);

    /// <summary>
    /// The last full 23:00–07:00 night within [0, horizon] on the model time axis whose zero is at
    /// <paramref name="startClock"/>; null if the horizon holds no full night.
    /// </summary>
    public static (Duration From, Duration To)? Last(ClockTime startClock, Duration horizon)
    {
        var length = 24 - Start.HoursSinceMidnight + End.HoursSinceMidnight;

        // First 07:00 at or after time zero, then step forward whole days to the last one in range.
        var firstEnd = (End.HoursSinceMidnight - startClock.HoursSinceMidnight + 24) % 24;
        if (firstEnd > horizon.Hours)
        {
            return null;
        }

        var end = firstEnd + (Math.Floor((horizon.Hours - firstEnd) / 24 + 1e-9) * 24);
        var from = end - length;
        if (from < 0)
        {
            return null;
        }

        return (Duration.FromHours(from), Duration.FromHours(end));
    }
}
