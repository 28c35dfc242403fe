using System.Globalization;
using System.Text.Json;
using Ldn.Core.Calendar;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using Ldn.Core.Units;
using Ldn.Tests.Shared;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace Ldn.Core.Tests.Calendar;

/// <summary>
/// Issue 13, field report: a dose time inside a daylight-saving gap (`plan --protocol standard --start 2027-03-20
/// --at 02:30 --tz Europe/Oslo --ics`) gave calendars that differ between applications. The file is now read by
/// two independent RFC 5545 implementations, Mozilla's ical.js (which moves a skipped time forward) and
/// rrule-temporal (which drops it, as a strict reading of the RFC does); both must find the same instants, one
/// dose on every local day of the plan, at the usual time or, on a gap day, at the time the clocks jump to.
/// </summary>
public sealed class PlanCalendarGapTests(ITestOutputHelper output)
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 12, 1, 12, 0);

    [Theory]
    [InlineData("standard", "Europe/Oslo", "2027-03-20", "02:30", "2027-03-28", "03:30")]
    [InlineData("standard", "America/New_York", "2027-03-10", "02:15", "2027-03-14", "03:15")]
    [InlineData("standard", "Australia/Lord_Howe", "2027-09-25", "02:10", "2027-10-03", "02:40")]
    [InlineData("fixed-4.5", "Pacific/Apia", "2011-12-28", "22:00", "2011-12-30", null)]
    public void Every_calendar_reads_the_same_dose_times_across_a_clock_gap(string protocol, string zoneId, string start, string at, string gapDay, string? shiftedTo)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var plan = PlanBuilder.Build(new PlanRequest
        {
            Protocol = ProtocolCatalog.Find(protocol),
            Start = DateOnly.Parse(start, CultureInfo.InvariantCulture),
            At = ClockTime.Parse(at),
            TimeZone = zone,
        });
        var ics = PlanCalendar.Write(plan, Stamp);
        Assert.DoesNotContain("EXDATE", ics, StringComparison.Ordinal);

        using var icalJs = new NodeCheck("ical-check", "ical.js", "ical.js", output).Run(ics, ".ics", "60");
        using var strict = new NodeCheck("ical-check", "rrule-temporal", "rrule-temporal", output, "check-rrule.mjs").Run(ics, ".ics", "60");
        if (icalJs is null || strict is null)
        {
            return;
        }

        Assert.Empty(icalJs.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Empty(strict.RootElement.GetProperty("problems").EnumerateArray());

        // The first 50 days of the plan: both readings, the same instants.
        var horizon = Instant.FromDateTimeOffset(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture)).Plus(NodaTime.Duration.FromDays(50));
        var a = Instants(icalJs).Where(i => i < horizon).ToList();
        var b = Instants(strict).Where(i => i < horizon).ToList();
        Assert.Equal(a, b);

        // One dose per local day, at the dose time except on the gap day.
        var byDay = a.Select(i => i.InZone(zone).LocalDateTime).GroupBy(t => t.Date).ToList();
        Assert.All(byDay, g => Assert.Single(g));
        var gap = LocalDate.FromDateTime(DateTime.Parse(gapDay, CultureInfo.InvariantCulture));
        var dose = LocalTime.FromHourMinuteSecondTick(int.Parse(at[..2], CultureInfo.InvariantCulture), int.Parse(at[3..], CultureInfo.InvariantCulture), 0, 0);
        foreach (var g in byDay)
        {
            var time = g.Single().TimeOfDay;
            if (g.Key == gap)
            {
                Assert.Equal(shiftedTo, time.ToString("HH:mm", CultureInfo.InvariantCulture));
            }
            else
            {
                Assert.Equal(dose, time);
            }
        }

        // A gap of a whole day (Samoa) leaves that date without a dose; otherwise the gap day has its own event.
        Assert.Equal(shiftedTo is not null, byDay.Any(g => g.Key == gap));
    }

    private static IEnumerable<Instant> Instants(JsonDocument document) =>
        document.RootElement.GetProperty("events").EnumerateArray()
            .SelectMany(e => e.GetProperty("occurrences").EnumerateArray())
            .Select(o => Instant.FromDateTimeOffset(DateTimeOffset.Parse(o.GetString()!, CultureInfo.InvariantCulture)))
            .Order();
}
