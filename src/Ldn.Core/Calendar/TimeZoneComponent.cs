using NodaTime;
using NodaTime.Text;

namespace Ldn.Core.Calendar;

/// <summary>
/// The VTIMEZONE block (RFC 5545 §3.6.5) for one IANA zone over a span of time, built from the IANA
/// database that NodaTime carries. Every offset change in the span is listed explicitly, one STANDARD or
/// DAYLIGHT sub-component per change with its onset as DTSTART. Explicit onsets are exact for the years
/// covered, whatever rule the zone follows, which a yearly RRULE guessed from recent years would not be;
/// and one onset per sub-component, rather than a DTSTART plus RDATE list, is the form every parser reads
/// (ical.js, for one, ignores the DTSTART of a sub-component that has RDATEs).
/// </summary>
internal static class TimeZoneComponent
{
    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyyMMdd'T'HHmmss");

    public static void Write(ContentLines lines, DateTimeZone zone, Instant from, Instant to)
    {
        lines.Raw("BEGIN", "VTIMEZONE").Raw("TZID", zone.Id);
        var intervals = zone.GetZoneIntervals(from, to).ToList();
        var onsets = new List<(Offset From, Offset To, string Name, bool Daylight, LocalDateTime Local)>();
        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            if (!interval.HasStart)
            {
                continue;
            }

            var before = i > 0 ? intervals[i - 1].WallOffset : zone.GetZoneInterval(interval.Start - Duration.FromTicks(1)).WallOffset;
            onsets.Add((before, interval.WallOffset, interval.Name, interval.Savings != Offset.Zero, interval.Start.WithOffset(before).LocalDateTime));
        }

        if (onsets.Count == 0)
        {
            // A zone with no change in the span (UTC, or a zone without daylight saving): one observance
            // that has always applied.
            var only = intervals[0];
            onsets.Add((only.WallOffset, only.WallOffset, only.Name, only.Savings != Offset.Zero, new LocalDateTime(1970, 1, 1, 0, 0)));
        }

        foreach (var onset in onsets)
        {
            var kind = onset.Daylight ? "DAYLIGHT" : "STANDARD";
            lines.Raw("BEGIN", kind)
                .Raw("DTSTART", LocalPattern.Format(onset.Local))
                .Raw("TZOFFSETFROM", Format(onset.From))
                .Raw("TZOFFSETTO", Format(onset.To))
                .Text("TZNAME", onset.Name)
                .Raw("END", kind);
        }

        lines.Raw("END", "VTIMEZONE");
    }

    /// <summary>UTC offset as ±hhmm (or ±hhmmss when seconds are not zero, as in old local mean times).</summary>
    private static string Format(Offset offset)
    {
        var seconds = Math.Abs(offset.Seconds);
        var sign = offset.Seconds < 0 ? "-" : "+";
        var text = $"{sign}{seconds / 3600:00}{seconds / 60 % 60:00}";
        return seconds % 60 == 0 ? text : text + $"{seconds % 60:00}";
    }
}
