using System.Globalization;

namespace Ldn.Core.Units;

/// <summary>
/// A span of model time, stored in hours (the time unit of every rate constant in the model).
/// Unlike <see cref="TimeSpan"/> it is a plain real number, so the solver can work with it directly.
/// </summary>
public readonly record struct Duration : IComparable<Duration>
{
    private Duration(double hours) => Hours = hours;

    public double Hours { get; }

    public double Days => Hours / 24.0;

    public static Duration Zero => default;

    public static Duration FromHours(double hours) => new(hours);

    public static Duration FromMinutes(double minutes) => new(minutes / 60.0);

    public static Duration FromDays(double days) => new(days * 24.0);

    public static Duration FromWeeks(double weeks) => new(weeks * 168.0);

    /// <summary>
    /// Reads <c>24h</c>, <c>14d</c>, <c>15min</c>, <c>2w</c>, <c>1y</c>, <c>1.5 h</c>. A unit is required: a bare
    /// number is ambiguous between hours and days, and guessing wrong silently is worse than asking.
    /// </summary>
    public static Duration Parse(string text)
    {
        var (value, unit) = QuantityText.Split(text, "duration");
        return unit.ToLowerInvariant() switch
        {
            "h" or "hr" or "hrs" or "hour" or "hours" => FromHours(value),
            "d" or "day" or "days" => FromDays(value),
            "w" or "wk" or "week" or "weeks" => FromWeeks(value),
            "min" or "mins" or "minute" or "minutes" => FromMinutes(value),
            "y" or "yr" or "year" or "years" => FromDays(value * 365.25),
            "" => throw new InvalidInputException(
                $"'{text}' is not a duration: add a unit, e.g. 24h, 14d, 15min or 2w."),
            _ => throw new InvalidInputException(
                $"'{text}' is not a duration: '{unit}' is not a unit of time (use min, h, d, w or y, e.g. 24h)."),
        };
    }

    public static Duration operator +(Duration left, Duration right) => new(left.Hours + right.Hours);

    public static Duration operator -(Duration left, Duration right) => new(left.Hours - right.Hours);

    public static Duration operator *(Duration duration, double factor) => new(duration.Hours * factor);

    public static double operator /(Duration left, Duration right) => left.Hours / right.Hours;

    public static bool operator <(Duration left, Duration right) => left.Hours < right.Hours;

    public static bool operator >(Duration left, Duration right) => left.Hours > right.Hours;

    public static bool operator <=(Duration left, Duration right) => left.Hours <= right.Hours;

    public static bool operator >=(Duration left, Duration right) => left.Hours >= right.Hours;

    public int CompareTo(Duration other) => Hours.CompareTo(other.Hours);

    public override string ToString() => Hours.ToString("0.###", CultureInfo.InvariantCulture) + " h";
}
