using Ldn.Core;
using Ldn.Core.Safety;
using Ldn.Core.Text;
using Ldn.Core.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Ldn.Web.Pages.Safety;

/// <summary>
/// <c>/safety</c>, open to anyone: medications and conditions in, the findings of the same safety evaluator as
/// <c>ldn plan</c> and <c>ldn advise</c> out (<see cref="SafetyChecks.Evaluate"/>), hard stops first. The form
/// is posted (with the antiforgery token) so medication names never appear in an address; nothing is stored.
/// </summary>
[AllowAnonymous]
internal sealed class SafetyModel(IClock clock) : PageModel
{
    [BindProperty]
    public SafetyFields Safety { get; set; } = new();

    /// <summary>The day of the check, yyyy-MM-dd (default today, UTC): an opioid's washout is measured to it.</summary>
    [BindProperty]
    public string? Day { get; set; }

    /// <summary>An optional daily dose ("4.5mg"), checked against the LDN and trial ranges.</summary>
    [BindProperty]
    public string? Dose { get; set; }

    public string? Error { get; private set; }

    /// <summary>Null until the form is sent.</summary>
    public IReadOnlyList<SafetyFinding>? Findings { get; private set; }

    public void OnGet() => Day = Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public void OnPost()
    {
        try
        {
            Findings = SafetyChecks.Evaluate(new SafetyContext
            {
                Patient = Safety.ToOptions().ToProfile(),
                StartDate = string.IsNullOrWhiteSpace(Day) ? Today() : IsoDate.Parse(FormText.Checked(Day, "day of the check")!, "day of the check"),
                DosesMg = string.IsNullOrWhiteSpace(Dose) ? [] : [Milligrams(FormText.Checked(Dose, "dose")!)],
            });
        }
        catch (InvalidInputException mistake)
        {
            Error = mistake.Message;
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetCurrentInstant().ToDateTimeUtc());

    private static decimal Milligrams(string text)
    {
        var mg = Mass.Parse(text).Milligrams;
        return mg is > 0 and < 1_000_000 ? decimal.Round((decimal)mg, 3) : throw new InvalidInputException($"'{IsoDate.Shown(text)}' is not a daily dose; give it as e.g. 4.5mg.");
    }
}
