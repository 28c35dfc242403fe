using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>
/// A local time of day with minute resolution (<c>22:00</c>): when a dose is taken. It carries no
/// date and no time zone; the journal (a later module) turns it into instants.
/// </summary>
public readonly record struct ClockTime
{
    private const int MinutesPerDay = 24 * 60;

    private ClockTime(int minutesSinceMidnight) => MinutesSinceMidnight = minutesSinceMidnight;

    public int MinutesSinceMidnight { get; }

    public int Hour => MinutesSinceMidnight / 60;

    public int Minute => MinutesSinceMidnight % 60;

    public double HoursSinceMidnight => MinutesSinceMidnight / 60.0;

    public static ClockTime FromHoursAndMinutes(int hour, int minute)
    {
        if (hour is < 0 or > 23 || minute is < 0 or > 59)
        {
            throw new InvalidInputException($"{hour:00}:{minute:00} is not a time of day (hours 00–23, minutes 00–59).");
        }

        return new ClockTime((hour * 60) + minute);
    }

    /// <summary>Reads <c>HH:mm</c> on a 24-hour clock, e.g. <c>22:00</c> or <c>8:30</c>.</summary>
    public static ClockTime Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(':');
        if (parts.Length != 2
            || parts[0].Length is < 1 or > 2 || parts[1].Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minute))
        {
            throw new InvalidInputException($"'{text}' is not a clock time: write it as HH:mm on a 24-hour clock, e.g. 22:00.");
        }

        if (hour > 23 || minute > 59)
        {
            throw new InvalidInputException($"'{text}' is not a clock time: hours run 00–23 and minutes 00–59.");
        }

        return new ClockTime((hour * 60) + minute);
    }

    /// <summary>The clock time reached <paramref name="elapsed"/> after this one, wrapping at midnight.</summary>
    public ClockTime Plus(Duration elapsed)
    {
        var minutes = (long)Math.Floor((MinutesSinceMidnight + (elapsed.Hours * 60.0)) + 1e-9);
        return new ClockTime((int)(((minutes % MinutesPerDay) + MinutesPerDay) % MinutesPerDay));
    }

    public override string ToString() => $"{Hour:00}:{Minute:00}";
}
