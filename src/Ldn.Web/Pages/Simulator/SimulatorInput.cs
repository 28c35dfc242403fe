using System.Globalization;
using Ldn.Core;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.ModelAverage;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Text;
using Ldn.Core.Units;
using Ldn.Web.Pages.Safety;

namespace Ldn.Web.Pages.Simulator;

/// <summary>
/// The web's simulation request, in one place for the simulator page and any JSON route that runs the model
/// for anonymous callers: the <c>ldn simulate</c> options as text (<see cref="SimulationOptions"/>, parsed by
/// Core with the CLI's sentences) inside the web's bounds, so one request cannot hold the server: at most
/// <see cref="LongestDays"/> days and <see cref="MostPoints"/> output points (the output step grows with the
/// span: 1 h up to 91 days, coarser beyond; the summary is read off Core's own fine grid either way).
/// </summary>
internal sealed record SimulatorInput
{
    /// <summary>A year and a day: longer runs are for <c>ldn simulate</c>.</summary>
    public const int LongestDays = 366;

    /// <summary>Output points per series (what the charts draw).</summary>
    public const int MostPoints = 2200;

    public string? Dose { get; init; } = "4.5mg";

    public string? At { get; init; } = "22:00";

    public string? Every { get; init; } = "24h";

    public string? Count { get; init; } = "84";

    public string? Formulation { get; init; } = "capsule";

    /// <summary>The older A/B/both choice; blank (the default) leaves the choice to <see cref="Structure"/>.</summary>
    public string? Scenario { get; init; }

    /// <summary>A blockade structure, a comma list or all; blank (the default) shows the model average first, then scenario B.</summary>
    public string? Structure { get; init; }

    public string? Condition { get; init; }

    public bool Tlr4 { get; init; }

    /// <summary>The options Core runs, with the output step chosen for the span.</summary>
    /// <exception cref="InvalidInputException">A value too long, not a number of doses, or a span beyond <see cref="LongestDays"/> days.</exception>
    public SimulationOptions ToOptions()
    {
        var countText = FormText.Checked(Count, "number of doses")?.Trim();
        if (!int.TryParse(string.IsNullOrEmpty(countText) ? "84" : countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new InvalidInputException($"'{IsoDate.Shown(countText ?? "")}' is not a number of doses; give a whole number from 1, e.g. 84.");
        }

        var options = new SimulationOptions
        {
            Dose = FormText.Checked(Dose, "dose"),
            At = FormText.Checked(At, "time"),
            Every = FormText.Checked(Every, "interval"),
            Count = count,
            Formulation = FormText.Checked(Formulation, "formulation"),
            Scenario = FormText.Checked(Scenario, "scenario"),
            Condition = FormText.Checked(Condition, "condition"),
            Tlr4 = Tlr4,
        };
        var interval = Duration.Parse(string.IsNullOrWhiteSpace(options.Every) ? "24h" : options.Every);
        var days = interval.Days * count;
        if (!double.IsFinite(days) || days > LongestDays)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{count} doses every {interval} span {days:0.#} days; the web simulator runs at most {LongestDays} days (ldn simulate runs up to ten years)."));
        }

        var stepHours = Math.Max(1, Math.Ceiling(days * 24 / MostPoints));
        return options with { OutputStep = stepHours.ToString(CultureInfo.InvariantCulture) + "h" };
    }

    /// <summary>
    /// Parses, bounds and runs the model with the shipped parameters: the structures chosen, or by default the model
    /// average of the adequate structures followed by scenario B (<see cref="ModelAverager.WithDefaultAverage"/>).
    /// </summary>
    /// <exception cref="InvalidInputException">Any mistake, in one sentence.</exception>
    public SimulationResult Run()
    {
        var options = ToOptions();
        var structure = FormText.Checked(Structure, "structure");
        var scenarioGiven = !string.IsNullOrWhiteSpace(options.Scenario);
        var structureGiven = !string.IsNullOrWhiteSpace(structure);
        if (scenarioGiven && structureGiven)
        {
            throw new InvalidInputException("Choose either a scenario or a structure, not both.");
        }

        var scenarios = structureGiven ? OccupancyScenarios.ParseStructures(structure!) : options.Scenarios();
        var result = Ldn.Core.Pharmacology.Simulator.Run(options.ToRegimen(), ParameterSets.Default, options.ConditionDefinition().Parameters, options.Step(), scenarios, options.Tlr4);
        return ModelAverager.WithDefaultAverage(result, scenarioGiven || structureGiven, userParameters: false);
    }
}
