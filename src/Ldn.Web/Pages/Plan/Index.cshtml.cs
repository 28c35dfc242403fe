using System.Globalization;
using System.Text.Json;
using Ldn.Core;
using Ldn.Core.Journal;
using Ldn.Core.Protocols;
using Ldn.Core.Safety;
using Ldn.Core.Units;
using Ldn.Web.Journal;
using Ldn.Web.Pages.Safety;
using Ldn.Web.Pages.Simulator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Ldn.Web.Pages.Plan;

/// <summary>
/// <c>/plan</c>, for patients: make a plan from a catalogue protocol with the options of <c>ldn plan</c>
/// (preview: <c>POST /plan?handler=preview</c>), save it into the journal as a new plan version
/// (<c>?handler=save</c>, <see cref="JournalService.SetPlan"/>), list the versions with the one in force,
/// and adjust it as <c>ldn journal plan adjust</c> does (<c>?handler=adjust</c>,
/// <see cref="JournalService.AdjustPlan"/>). The plan is always rebuilt on the server from the options, never
/// taken from the browser. As in the CLI a hard stop (an opioid, or one within its washout) or a refusal
/// (above 10 mg) makes no plan, so there is nothing to save until the stop is answered (the medication
/// stopped, with the day it was last taken, and the washout over by the start); a plan with warnings is
/// saved only once the patient ticks that they have read them.
/// </summary>
[Authorize(Policy = JournalEndpoints.PatientPolicy)]
internal sealed class PlanModel(PatientJournals journals) : PageModel
{
    [BindProperty]
    public PlanForm Form { get; set; } = new();

    [BindProperty]
    public SafetyFields Safety { get; set; } = new();

    /// <summary>First day of the new version (yyyy-MM-dd; blank: the first plan from its first step, a later one from today).</summary>
    [BindProperty]
    public string? From { get; set; }

    /// <summary>The patient has read the plan's warnings.</summary>
    [BindProperty]
    public bool Acknowledge { get; set; }

    [BindProperty]
    public string? Adjustment { get; set; }

    [BindProperty]
    public string? AdjustFrom { get; set; }

    [BindProperty]
    public string? AdjustAt { get; set; }

    /// <summary>The version just made (after the redirect), to say so.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Saved { get; set; }

    public TitrationPlan? Preview { get; private set; }

    /// <summary>Findings to show: the plan's warnings, or the stop that kept a plan from being made.</summary>
    public IReadOnlyList<SafetyFinding>? Findings { get; private set; }

    public string? Error { get; private set; }

    public string? AdjustError { get; private set; }

    public JournalPlans Journal { get; private set; } = JournalPlans.Empty;

    public static IReadOnlyList<TitrationProtocol> Protocols => ProtocolCatalog.All;

    public void OnGet() => journals.Use(User, j =>
    {
        Journal = JournalPlans.Read(j);
        Form.Start = j.Today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
        Form.Tz = j.Profile.TimeZoneId;
        var profile = j.Profile;
        var data = j.Store.Load(j.Now, j.Now);
        Safety = new SafetyFields
        {
            Medications = string.Join('\n', data.Medications.Where(m => m.Until is null).Select(m => m.Name)),
            HepaticImpairment = profile.HepaticImpairment,
            RenalImpairment = profile.RenalImpairment,
            Pregnant = profile.Pregnant,
            Breastfeeding = profile.Breastfeeding,
            Transplant = profile.TransplantImmunosuppression,
            Surgery = profile.PlannedSurgery?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        };
        return 0;
    });

    public void OnPostPreview() => journals.Use(User, j =>
    {
        Journal = JournalPlans.Read(j);
        TryBuild(j);
        return 0;
    });

    public IActionResult OnPostSave() => journals.Use<IActionResult>(User, j =>
    {
        Journal = JournalPlans.Read(j);
        if (TryBuild(j) is not { } plan)
        {
            return Page();
        }

        if (plan.Warnings.Count > 0 && !Acknowledge)
        {
            Error = "The plan has warnings: tick that you have read them to save it.";
            return Page();
        }

        try
        {
            var from = string.IsNullOrWhiteSpace(From) ? (LocalDate?)null : JournalTime.ParseDate(FormText.Checked(From, "first day of the version")!, j.HomeZone, j.Now);
            var version = j.SetPlan(JsonSerializer.Serialize(PlanDocument.From(plan, Disclaimer.NotMedicalAdvice), JournalDocument.Options), from);
            return RedirectToPage(new { saved = version.Id });
        }
        catch (InvalidInputException mistake)
        {
            Error = mistake.Message;
            return Page();
        }
    });

    public IActionResult OnPostAdjust() => journals.Use<IActionResult>(User, j =>
    {
        try
        {
            var kind = PlanAdjustments.Parse(FormText.Checked(Adjustment, "adjustment") ?? "");
            var day = string.IsNullOrWhiteSpace(AdjustFrom) ? (LocalDate?)null : JournalTime.ParseDate(FormText.Checked(AdjustFrom, "first day of the change")!, j.HomeZone, j.Now);
            var at = string.IsNullOrWhiteSpace(AdjustAt) ? (ClockTime?)null : ClockTime.Parse(FormText.Checked(AdjustAt, "time")!);
            var version = j.AdjustPlan(kind, day, at is { } c ? new LocalTime(c.Hour, c.Minute) : null);
            return RedirectToPage(new { saved = version.Id });
        }
        catch (InvalidInputException mistake)
        {
            AdjustError = mistake.Message;
            Journal = JournalPlans.Read(j);
            Form.Start = j.Today.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
            Form.Tz = j.Profile.TimeZoneId;
            return Page();
        }
    });

    /// <summary>The preview's step chart: the daily dose (mg) from the start, each step holding until the next.</summary>
    public ChartData StepChart()
    {
        var plan = Preview!;
        var start = plan.Steps[0].From.DayNumber;
        var x = new List<double>();
        var mg = new List<double>();
        foreach (var step in plan.Steps)
        {
            x.Add(step.From.DayNumber - start + 1);
            mg.Add((double)step.TakenDoseMg);
        }

        var last = plan.Steps[^1];
        x.Add((last.To ?? last.From.AddDays(27)).DayNumber - start + 1);
        mg.Add((double)last.TakenDoseMg);
        return new ChartData("day of the plan", "daily dose (mg)", x, [new ChartSeries("dose", mg)]) { Stepped = true, YMin = 0 };
    }

    private TitrationPlan? TryBuild(JournalService j)
    {
        PlanRequest? request = null;
        try
        {
            request = Form.ToRequest(Safety, j.Profile.TimeZoneId);
            Preview = PlanBuilder.Build(request);
            Findings = Preview.Warnings.Count > 0 ? Preview.Warnings : [];
            return Preview;
        }
        catch (InvalidInputException mistake)
        {
            // The same evaluator the builder ran, so a stop is shown with all the findings (and their published
            // sources) beside it; the builder's own sentence names the project's notes, not a published source.
            Findings = request is null ? null : SafetyChecks.Evaluate(new SafetyContext { Patient = request.Patient, StartDate = request.Start });
            Error = Findings?.Any(f => f.Severity != SafetySeverity.Warning) == true
                ? "No plan was made because of the stop below, so there is nothing to save until it is answered."
                : mistake.Message;
            return null;
        }
    }
}
