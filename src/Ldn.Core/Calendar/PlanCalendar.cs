using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Core.Calendar;

/// <summary>
/// A titration plan as an iCalendar file (RFC 5545): one daily event series per step (RRULE with a COUNT,
/// none for the open-ended maintenance step; cut around any day whose dose time the clocks skip, see
/// <see cref="Pieces"/>), each with a reminder (VALARM) at the dose time. Times are
/// local to the plan's IANA zone with its VTIMEZONE, so a 22:00 dose stays at 22:00 across
/// daylight-saving changes. UIDs depend only on the protocol, start date and step, so importing a
/// regenerated plan updates the events instead of duplicating them.
/// </summary>
public static class PlanCalendar
{
    /// <summary>How far the time-zone table reaches into an open-ended maintenance step.</summary>
    public const int OpenEndedYearsCovered = 10;

    /// <summary>How often a feed asks to be fetched again (RFC 7986 REFRESH-INTERVAL).</summary>
    private const string FeedRefresh = "PT12H";

    private const string Notice = "LDN Workbench is a research and self-tracking tool, not medical advice.";

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyyMMdd'T'HHmmss");

    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("yyyyMMdd'T'HHmmss'Z'");

    /// <param name="plan">The plan to export.</param>
    /// <param name="stamp">When the file is made (DTSTAMP); passed in so that the core never reads a clock.</param>
    public static string Write(TitrationPlan plan, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var zone = plan.TimeZone;
        var last = plan.Steps[^1];
        var end = (last.To ?? last.From.AddYears(OpenEndedYearsCovered)).AddDays(2);
        var lines = Header($"LDN plan: {plan.Protocol.Name}", zone, LocalDate.FromDateOnly(plan.Start).PlusDays(-1), LocalDate.FromDateOnly(end));
        foreach (var step in plan.Steps)
        {
            var until = step.To is { } to ? $"to {to:yyyy-MM-dd}" : "onwards (maintenance dose, until your prescriber changes it)";
            var uid = $"ldn-{plan.Protocol.Id}-{plan.Start:yyyyMMdd}-step{step.Number}";
            var when = $"daily at {step.At} from {step.From:yyyy-MM-dd} {until}";
            foreach (var piece in Pieces(step, zone))
            {
                WriteEvent(
                    lines,
                    plan,
                    step,
                    stamp,
                    uid: piece.UidSuffix.Length == 0 ? $"{uid}@ldn-workbench" : $"{uid}-{piece.UidSuffix}@ldn-workbench",
                    start: piece.Start,
                    rrule: piece.Rule,
                    when: piece.Rule is null ? $"on {piece.Start:yyyy-MM-dd} at {piece.Start:HH:mm}, as the clocks skip {step.At} that day; step {when}" : when,
                    confirm: null);
            }
        }

        return lines.Raw("END", "VCALENDAR").ToString();
    }

    /// <summary>
    /// A subscription feed of the plan: one event (with its reminder) per day a step is in force between
    /// <paramref name="first"/> and <paramref name="last"/> (local dates, included), each carrying in its
    /// URL, its DESCRIPTION and its reminder's DESCRIPTION the link <paramref name="confirm"/> gives for that
    /// day (a page to confirm the dose). A feed is fetched again by the calendar app (REFRESH-INTERVAL, 12 h),
    /// so a window that moves with the fetch date replaces the open-ended series of <see cref="Write"/>: a
    /// series cannot carry a different link on each day. UIDs are per day (<c>ldn-dose-yyyyMMdd</c>), so a
    /// day whose dose a plan change alters is updated in place. Without a plan (<paramref name="plan"/> null)
    /// the calendar holds only the zone's VTIMEZONE: valid, and filled once a plan is saved.
    /// </summary>
    /// <param name="plan">The plan (its steps already cut to the versions in force), or null.</param>
    /// <param name="zone">The zone of the events (the journal's).</param>
    /// <param name="stamp">When the feed is made (DTSTAMP).</param>
    /// <param name="first">First day of the window.</param>
    /// <param name="last">Last day of the window (included).</param>
    /// <param name="confirm">The absolute link to the confirmation page of a day's dose.</param>
    public static string WriteFeed(TitrationPlan? plan, DateTimeZone zone, Instant stamp, LocalDate first, LocalDate last, Func<LocalDate, Uri> confirm)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(confirm);
        var lines = Header(plan is null ? "LDN plan" : $"LDN plan: {plan.Protocol.Name}", zone, first.PlusDays(-1), last.PlusDays(2))
            .Raw("REFRESH-INTERVAL;VALUE=DURATION", FeedRefresh)
            .Raw("X-PUBLISHED-TTL", FeedRefresh);
        for (var day = first; plan is not null && day <= last; day = day.PlusDays(1))
        {
            var date = day.ToDateOnly();
            if (plan.Steps.LastOrDefault(s => s.From <= date && (s.To is null || s.To >= date)) is { } step)
            {
                WriteEvent(lines, plan, step, stamp, uid: $"ldn-dose-{date:yyyyMMdd}@ldn-workbench", day.At(new LocalTime(step.At.Hour, step.At.Minute)), rrule: null, when: $"on {date:yyyy-MM-dd} at {step.At}", confirm(day));
            }
        }

        return lines.Raw("END", "VCALENDAR").ToString();
    }

    private static ContentLines Header(string name, DateTimeZone zone, LocalDate zoneFrom, LocalDate zoneTo)
    {
        var lines = new ContentLines()
            .Raw("BEGIN", "VCALENDAR")
            .Raw("VERSION", "2.0")
            .Raw("PRODID", "-//LDN Workbench//ldn plan//EN")
            .Raw("CALSCALE", "GREGORIAN")
            .Raw("METHOD", "PUBLISH")
            .Text("X-WR-CALNAME", name)
            .Text("X-WR-TIMEZONE", zone.Id);
        TimeZoneComponent.Write(lines, zone, zoneFrom.AtStartOfDayInZone(zone).ToInstant(), zoneTo.AtStartOfDayInZone(zone).ToInstant());
        return lines;
    }

    /// <summary>
    /// A step's daily series, cut around the days on which the clocks skip its dose time (issue 13). Calendar
    /// applications disagree on such a day: RFC 5545 §3.3.5 moves the time forward by the gap, a strict recurrence
    /// engine drops the occurrence, others move it back. So no series crosses a gap day: each piece is bounded by
    /// UNTIL (in UTC, as the RFC requires with a TZID), and the gap day gets an event of its own at the shifted
    /// time, which exists. A gap of a day or more (Samoa, 2011-12-30) leaves that date without a dose time at all;
    /// the next day's dose follows at the usual time. An open-ended step is examined for
    /// <see cref="OpenEndedYearsCovered"/> years and then continues as an open series.
    /// </summary>
    private static List<(LocalDateTime Start, string? Rule, string UidSuffix)> Pieces(PlanStep step, DateTimeZone zone)
    {
        var time = new LocalTime(step.At.Hour, step.At.Minute);
        var first = LocalDate.FromDateOnly(step.From);
        var last = LocalDate.FromDateOnly(step.To ?? step.From.AddYears(OpenEndedYearsCovered));
        var pieces = new List<(LocalDateTime, string?, string)>();
        var runStart = first;
        for (var day = first; day <= last; day = day.PlusDays(1))
        {
            var mapping = zone.MapLocal(day.At(time));
            if (mapping.Count != 0)
            {
                continue;
            }

            if (runStart < day)
            {
                pieces.Add((runStart.At(time), $"FREQ=DAILY;UNTIL={Until(day.PlusDays(-1).At(time), zone)}", pieces.Count == 0 ? "" : $"from{runStart:yyyyMMdd}"));
            }

            var gapSeconds = (long)mapping.LateInterval.WallOffset.Seconds - mapping.EarlyInterval.WallOffset.Seconds;
            var shifted = day.At(time).PlusSeconds(gapSeconds);
            if (shifted.Date == day)
            {
                pieces.Add((shifted, null, $"gap{day:yyyyMMdd}"));
            }

            runStart = day.PlusDays(1);
        }

        if (step.To is null)
        {
            pieces.Add((runStart.At(time), "FREQ=DAILY", pieces.Count == 0 ? "" : $"from{runStart:yyyyMMdd}"));
        }
        else if (runStart <= last)
        {
            pieces.Add((runStart.At(time), pieces.Count == 0 && step.Days is { } days
                ? $"FREQ=DAILY;COUNT={days.ToString(CultureInfo.InvariantCulture)}"
                : $"FREQ=DAILY;UNTIL={Until(last.At(time), zone)}", pieces.Count == 0 ? "" : $"from{runStart:yyyyMMdd}"));
        }

        return pieces;
    }

    /// <summary>An occurrence's local time as the UTC UNTIL value (lenient: this time exists, as it is not a gap day).</summary>
    private static string Until(LocalDateTime local, DateTimeZone zone) => UtcPattern.Format(local.InZoneLeniently(zone).ToInstant());

    private static void WriteEvent(ContentLines lines, TitrationPlan plan, PlanStep step, Instant stamp, string uid, LocalDateTime start, string? rrule, string when, Uri? confirm)
    {
        var what = Summary(step, plan);
        var link = confirm is null ? "" : $" Confirm it: {confirm.AbsoluteUri}";
        var description = $"Step {step.Number} of {plan.Steps.Count} of the protocol '{plan.Protocol.Name}': {what} {when}.{link} "
            + $"Source: {Evidence.PublishedSource.Of(plan.Protocol.Source)} {Notice}";
        lines.Raw("BEGIN", "VEVENT")
            .Text("UID", uid)
            .Raw("DTSTAMP", UtcPattern.Format(stamp))
            .Raw($"DTSTART;TZID={plan.TimeZone.Id}", LocalPattern.Format(start))
            .Raw("DURATION", "PT5M");
        if (rrule is not null)
        {
            lines.Raw("RRULE", rrule);
        }

        if (confirm is not null)
        {
            lines.Raw("URL", confirm.AbsoluteUri);
        }

        lines.Text("SUMMARY", $"LDN {what}")
            .Text("DESCRIPTION", description)
            .Text("CATEGORIES", "LDN")
            .Raw("TRANSP", "TRANSPARENT")
            .Raw("BEGIN", "VALARM")
            .Raw("ACTION", "DISPLAY")
            .Raw("TRIGGER", "PT0S")
            .Text("DESCRIPTION", $"Time for LDN: {what}{link}")
            .Raw("END", "VALARM")
            .Raw("END", "VEVENT");
    }

    /// <summary>"1.5 mg", or for a liquid "1.5 mg: draw 1.50 mL of 1 mg/mL".</summary>
    internal static string Summary(PlanStep step, TitrationPlan plan)
    {
        var dose = Mg(step.DoseMg);
        if (step.Liquid is not { } liquid)
        {
            return $"{dose} ({step.Formulation.Name()})";
        }

        var draws = liquid.Draws > 1 ? $" in {liquid.Draws} fills of the syringe" : "";
        return $"{dose}: draw {liquid.VolumeMl.ToString("0.00#", CultureInfo.InvariantCulture)} mL of {Mg(plan.ConcentrationMgPerMl!.Value)}/mL liquid{draws}";
    }

    private static string Mg(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " mg";
}
