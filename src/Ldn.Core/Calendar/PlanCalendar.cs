using System.Globalization;
using Ldn.Core.Dosing;
using Ldn.Core.Protocols;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Core.Calendar;

/// <summary>
/// A titration plan as an iCalendar file (RFC 5545): one daily event series per step (RRULE with a COUNT,
/// none for the open-ended maintenance step), each with a reminder (VALARM) at the dose time. Times are
/// local to the plan's IANA zone with its VTIMEZONE, so a 22:00 dose stays at 22:00 across
/// daylight-saving changes. UIDs depend only on the protocol, start date and step, so importing a
/// regenerated plan updates the events instead of duplicating them.
/// </summary>
public static class PlanCalendar
{
    /// <summary>How far the time-zone table reaches into an open-ended maintenance step.</summary>
    public const int OpenEndedYearsCovered = 10;

    private const string Notice = "LDN Workbench is a research and self-tracking tool, not medical advice.";

    private static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("yyyyMMdd'T'HHmmss");

    private static readonly InstantPattern UtcPattern = InstantPattern.CreateWithInvariantCulture("yyyyMMdd'T'HHmmss'Z'");

    /// <param name="plan">The plan to export.</param>
    /// <param name="stamp">When the file is made (DTSTAMP); passed in so that the core never reads a clock.</param>
    public static string Write(TitrationPlan plan, Instant stamp)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var zone = plan.TimeZone;
        var lines = new ContentLines()
            .Raw("BEGIN", "VCALENDAR")
            .Raw("VERSION", "2.0")
            .Raw("PRODID", "-//LDN Workbench//ldn plan//EN")
            .Raw("CALSCALE", "GREGORIAN")
            .Raw("METHOD", "PUBLISH")
            .Text("X-WR-CALNAME", $"LDN plan: {plan.Protocol.Name}")
            .Text("X-WR-TIMEZONE", zone.Id);

        var last = plan.Steps[^1];
        var end = (last.To ?? last.From.AddYears(OpenEndedYearsCovered)).AddDays(2);
        TimeZoneComponent.Write(lines, zone, AtStartOfDay(plan.Start.AddDays(-1), zone), AtStartOfDay(end, zone));
        foreach (var step in plan.Steps)
        {
            WriteStep(lines, plan, step, stamp);
        }

        return lines.Raw("END", "VCALENDAR").ToString();
    }

    private static void WriteStep(ContentLines lines, TitrationPlan plan, PlanStep step, Instant stamp)
    {
        var start = LocalDate.FromDateOnly(step.From).At(new LocalTime(step.At.Hour, step.At.Minute));
        var what = Summary(step, plan);
        var until = step.To is { } to ? $"to {to:yyyy-MM-dd}" : "onwards (maintenance dose, until your prescriber changes it)";
        var description = $"Step {step.Number} of {plan.Steps.Count} of the protocol '{plan.Protocol.Name}': {what} daily at {step.At} from {step.From:yyyy-MM-dd} {until}. "
            + $"Source: {plan.Protocol.Source} {Notice}";
        lines.Raw("BEGIN", "VEVENT")
            .Text("UID", $"ldn-{plan.Protocol.Id}-{plan.Start:yyyyMMdd}-step{step.Number}@ldn-workbench")
            .Raw("DTSTAMP", UtcPattern.Format(stamp))
            .Raw($"DTSTART;TZID={plan.TimeZone.Id}", LocalPattern.Format(start))
            .Raw("DURATION", "PT5M")
            .Raw("RRULE", step.Days is { } days ? $"FREQ=DAILY;COUNT={days.ToString(CultureInfo.InvariantCulture)}" : "FREQ=DAILY")
            .Text("SUMMARY", $"LDN {what}")
            .Text("DESCRIPTION", description)
            .Text("CATEGORIES", "LDN")
            .Raw("TRANSP", "TRANSPARENT")
            .Raw("BEGIN", "VALARM")
            .Raw("ACTION", "DISPLAY")
            .Raw("TRIGGER", "PT0S")
            .Text("DESCRIPTION", $"Time for LDN: {what}")
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

    private static Instant AtStartOfDay(DateOnly day, DateTimeZone zone) => LocalDate.FromDateOnly(day).AtStartOfDayInZone(zone).ToInstant();
}
