using System.Text.Json;
using Ldn.Core.Calendar;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using Ldn.Core.Units;
using Ldn.Tests.Shared;
using NodaTime;
using Xunit.Abstractions;
using Xunit;

namespace Ldn.Core.Tests.Calendar;

/// <summary>
/// The .ics file checked by an independent parser: Mozilla's ical.js (npm) parses it, expands every
/// RRULE through the file's own VTIMEZONE, and the instants it finds are compared with those .NET's
/// TimeZoneInfo (the operating system's time-zone data, not NodaTime's copy) gives for the same local
/// times. Needs node; without it the check says so and does nothing, except in CI (LDN_CI=1).
/// </summary>
public sealed class PlanCalendarTests(ITestOutputHelper output)
{
    private static readonly Instant Stamp = Instant.FromUtc(2026, 11, 21, 12, 0);

    [Fact]
    public void The_file_has_CRLF_lines_balanced_components_and_one_reminding_series_per_step()
    {
        var text = PlanCalendar.Write(Plan("standard", "Europe/Oslo", new DateOnly(2026, 12, 1)), Stamp);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = text.Split("\r\n");
        foreach (var component in new[] { "VCALENDAR", "VTIMEZONE", "VEVENT", "VALARM", "STANDARD", "DAYLIGHT" })
        {
            Assert.Equal(lines.Count(l => l == "BEGIN:" + component), lines.Count(l => l == "END:" + component));
        }

        Assert.Equal(3, lines.Count(l => l == "BEGIN:VEVENT"));
        Assert.Equal(3, lines.Count(l => l == "BEGIN:VALARM"));
        Assert.Equal(["RRULE:FREQ=DAILY;COUNT=14", "RRULE:FREQ=DAILY;COUNT=14", "RRULE:FREQ=DAILY"], lines.Where(l => l.StartsWith("RRULE", StringComparison.Ordinal)));
        Assert.Contains("DTSTART;TZID=Europe/Oslo:20261201T220000", lines);
        Assert.Contains("DTSTAMP:20261121T120000Z", lines);
        Assert.Contains("UID:ldn-standard-20261201-step1@ldn-workbench", lines);
    }

    [Theory]
    [InlineData("standard", "Europe/Oslo", "2027-03-20", "22:00")]        // spring forward on 28 March
    [InlineData("standard", "Europe/Oslo", "2027-10-20", "22:00")]        // fall back on 31 October
    [InlineData("slow-start", "America/New_York", "2027-02-28", "21:30")] // 14 March, then the maintenance step
    [InlineData("gentle", "Australia/Sydney", "2027-03-01", "22:00")]     // southern hemisphere: clocks go back in April
    [InlineData("fixed-4.5", "Etc/UTC", "2026-12-01", "08:00")]           // a zone without changes
    public void An_independent_parser_finds_every_dose_at_the_local_clock_time_across_daylight_saving_changes(string protocol, string zone, string start, string at)
    {
        var plan = Plan(protocol, zone, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), ClockTime.Parse(at));
        var parsed = ParseWithIcalJs(PlanCalendar.Write(plan, Stamp), 120);
        if (parsed is null)
        {
            return;
        }

        Assert.Empty(parsed.RootElement.GetProperty("problems").EnumerateArray());
        var events = parsed.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(plan.Steps.Count, events.Count);
        var system = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var checkedCount = 0;
        foreach (var (step, ev) in plan.Steps.Zip(events))
        {
            Assert.Equal(1, ev.GetProperty("alarms").GetInt32());
            Assert.Equal(zone, ev.GetProperty("tzid").GetString());
            var occurrences = ev.GetProperty("occurrences").EnumerateArray().Select(o => DateTime.Parse(o.GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)).ToList();
            Assert.Equal(step.Days ?? 120, occurrences.Count);
            for (var i = 0; i < occurrences.Count; i++)
            {
                var local = step.From.AddDays(i).ToDateTime(new TimeOnly(step.At.Hour, step.At.Minute), DateTimeKind.Unspecified);
                Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(local, system), occurrences[i]);
                checkedCount++;
            }
        }

        output.WriteLine($"ical.js agreed with TimeZoneInfo on {checkedCount} doses in {zone}.");
    }

    [Fact]
    public void Text_from_a_users_protocol_file_cannot_break_the_file_structure()
    {
        var hostile = ProtocolReader.Read(
            "schema: ldn-protocol/1\nid: \"x\\r\\nEND:VCALENDAR\"\nname: \"Evil; name, with\\nBEGIN:VEVENT\"\nsource: \"a\\\\b\"\nat: \"22:00\"\nsteps:\n  - { doseMg: 1.5 }\n",
            "hostile.yaml");
        var text = PlanCalendar.Write(PlanBuilder.Build(new PlanRequest { Protocol = hostile, Start = new DateOnly(2026, 12, 1) }), Stamp);
        var lines = text.Split("\r\n");
        Assert.Equal(1, lines.Count(l => l == "END:VCALENDAR"));
        Assert.Equal(1, lines.Count(l => l == "BEGIN:VEVENT"));
        var parsed = ParseWithIcalJs(text, 3);
        if (parsed is not null)
        {
            Assert.Empty(parsed.RootElement.GetProperty("problems").EnumerateArray());
            Assert.StartsWith("Step 1 of 1 of the protocol 'Evil; name, with\nBEGIN:VEVENT'", parsed.RootElement.GetProperty("events")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        }
    }

    private static TitrationPlan Plan(string protocol, string zone, DateOnly start, ClockTime? at = null) => PlanBuilder.Build(new PlanRequest
    {
        Protocol = ProtocolCatalog.Find(protocol),
        Start = start,
        At = at,
        TimeZone = DateTimeZoneProviders.Tzdb[zone],
        Formulation = Formulation.Liquid,
        ConcentrationMgPerMl = 1m,
    });

    /// <summary>Runs tests/ical-check/check.mjs on the text; null (with a note) when node is not installed.</summary>
    private JsonDocument? ParseWithIcalJs(string ics, int maxOccurrences) =>
        new NodeCheck("ical-check", "ical.js", "ical.js", output).Run(ics, ".ics", maxOccurrences.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
