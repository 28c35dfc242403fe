using Ldn.Core;
using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Ldn.Web.Pages.Simulator;

/// <summary>
/// <c>/simulator</c>, open to anyone (the model reads and stores no one's data): the options of
/// <c>ldn simulate</c> as a GET form, so a result has an address; it always shows a result (the defaults,
/// 4.5 mg at 22:00 daily for 84 days, until changed), the model's caveats and the not-medical-advice
/// sentence. The work is bounded by <see cref="SimulatorInput"/>, the rate per address by
/// <see cref="Ldn.Web.Journal.SimulateEndpoints.Limit"/> (429 with a one-sentence page).
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(Ldn.Web.Journal.SimulateEndpoints.Limit)]
internal sealed class SimulatorModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public SimulatorInput Input { get; set; } = new();

    public string? Error { get; private set; }

    public SimulationResult? Result { get; private set; }

    public IReadOnlyList<SimulationChart> Charts { get; private set; } = [];

    public static IReadOnlyList<ConditionDefinition> Conditions => ConditionCatalog.All;

    public void OnGet()
    {
        try
        {
            Result = Input.Run();
            Charts = SimulationChart.For(Result);
        }
        catch (InvalidInputException mistake)
        {
            Error = mistake.Message;
        }
    }
}
