using System.Globalization;
using Ldn.Core;
using Ldn.Core.Dosing;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using Ldn.Web.Journal;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Ldn.Web.Pages.Today;

/// <summary>
/// <c>/today/confirm?date=yyyy-MM-dd</c>, the page a calendar reminder links to: the dose the plan version in
/// force schedules that day (date, time, mg, formulation) and the doses already recorded on that dose day.
/// GET shows and never records (calendar apps and mail scanners fetch links); the form's POST records the
/// dose taken or skipped through <see cref="JournalService.RecordDose"/> with the patient's own sign-in
/// cookie and the antiforgery token (the feed's token is no credential here). A dose that needs confirming
/// (a second dose that day, …) is not stored: the page shows the question and a "Record anyway" button.
/// Only the sign-in cookie opens it (a bearer token is for the API); without it the browser goes to /login and back.
/// Taken on the dose day itself, the dose is recorded now; confirmed later, at the time the plan gave.
/// A bad or unknown date is 400 and a day without a planned dose 404, each with one sentence on the page.
/// </summary>
// The cookie scheme by name: the default (Identity's bearer-or-cookie) challenges with a 401, and a page must send the browser to /login.
[Authorize(Policy = JournalEndpoints.PatientPolicy, AuthenticationSchemes = "Identity.Application")]
internal sealed class ConfirmModel(PatientJournals journals) : PageModel
{
    /// <summary>The dose day, yyyy-MM-dd (also today or yesterday); default today in the journal's zone.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    /// <summary>taken or skipped (the button pressed).</summary>
    [BindProperty]
    public string? Outcome { get; set; }

    /// <summary>True when the patient answered the question with "Record anyway".</summary>
    [BindProperty]
    public bool Confirm { get; set; }

    public LocalDate? Day { get; private set; }

    /// <summary>The step of the plan in force on <see cref="Day"/>, or null when the plan has no dose that day.</summary>
    public PlanStep? Step { get; private set; }

    /// <summary>The doses already recorded on <see cref="Day"/> (its dose day: before 06:00 counts as the night before).</summary>
    public IReadOnlyList<DoseEntry> Recorded { get; private set; } = [];

    public string ZoneId { get; private set; } = "UTC";

    public string? Error { get; private set; }

    /// <summary>What would be recorded and why it asks, when a dose needs confirming.</summary>
    public ConfirmationRequiredException? Question { get; private set; }

    public IActionResult OnGet() => journals.Use<IActionResult>(User, j => Show(j) ? Page() : Status());

    public IActionResult OnPost() => journals.Use<IActionResult>(User, j =>
    {
        if (!Show(j))
        {
            return Status();
        }

        if (!ModelState.IsValid)
        {
            Error = "The form was not sent as the page made it; open the page again.";
            return Status(StatusCodes.Status400BadRequest);
        }

        var skipped = Outcome?.Trim().ToLowerInvariant() switch
        {
            "taken" => false,
            "skipped" => true,
            _ => (bool?)null,
        };
        if (skipped is null || Step is not { } step)
        {
            Error = "Press Taken or Skipped.";
            return Status(StatusCodes.Status400BadRequest);
        }

        var day = Day!.Value;
        var doseDay = JournalService.DoseDay(j.Now, ZoneId);
        if (day > doseDay)
        {
            Error = $"The dose of {Format(day)} is not due yet; confirm it on that day.";
            return Status(StatusCodes.Status400BadRequest);
        }

        // On its own dose day the dose was taken about now; a dose confirmed later is put at its planned time.
        var at = day == doseDay ? j.Now : day.At(new LocalTime(step.At.Hour, step.At.Minute)).InZoneLeniently(j.HomeZone).ToInstant();
        try
        {
            j.RecordDose(new DoseRequest(step.DoseMg, JournalTime.Format(at, ZoneId), ZoneId, step.Formulation, skipped.Value), Confirm);
        }
        catch (ConfirmationRequiredException question)
        {
            Question = question;
            return Status(StatusCodes.Status409Conflict);
        }
        catch (InvalidInputException mistake)
        {
            Error = mistake.Message;
            return Status(StatusCodes.Status400BadRequest);
        }

        return LocalRedirect($"/today/confirm?date={Format(day)}");
    });

    public static string Format(LocalDate day) => day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    public static string Mg(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture) + " mg";

    public static string Describe(DoseEntry dose) =>
        $"{(dose.Skipped ? "Skipped" : "Taken")}: {Mg(dose.DoseMg)} ({dose.Formulation.Name()}) at {dose.At.InZone(JournalTime.Zone(dose.TimeZoneId)).ToString("HH:mm", CultureInfo.InvariantCulture)}";

    /// <summary>Reads the day, its planned step and its recorded doses; false (with <see cref="Error"/>) for a bad date or a day without a planned dose.</summary>
    private bool Show(JournalService j)
    {
        ZoneId = j.Profile.TimeZoneId;
        try
        {
            Day = string.IsNullOrWhiteSpace(Date) ? j.Today : JournalTime.ParseDate(Date, j.HomeZone, j.Now);
        }
        catch (InvalidInputException mistake)
        {
            Error = mistake.Message;
            return false;
        }

        var day = Day.Value;
        Step = j.PlanOn(day)?.StepOn(day);
        Recorded = [.. j.LoadDays(day, day.PlusDays(1)).Doses.Where(d => JournalService.DoseDay(d.At, d.TimeZoneId) == day)];
        if (Step is null)
        {
            Error = $"Your plan has no dose on {Format(day)}.";
            return false;
        }

        return true;
    }

    /// <summary>The page with a status: 400 for a bad date, 404 for a day without a planned dose, or <paramref name="status"/>.</summary>
    private PageResult Status(int? status = null)
    {
        HttpContext.Response.StatusCode = status ?? (Day is null ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound);
        return Page();
    }
}
