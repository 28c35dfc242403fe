using System.Globalization;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// The options of <c>ldn simulate</c> for one repeated dose, as text as a user writes them (command line,
/// the web's simulator form, <c>POST /api/simulate</c>): <see cref="Dose"/> ("4.5mg", "1500ug"; a bare number
/// is mg), <see cref="At"/> HH:mm, <see cref="Every"/> ("24h", "2d"), <see cref="Count"/> doses,
/// <see cref="Horizon"/> (default count × every), <see cref="Formulation"/>, <see cref="Scenario"/> (A, B or
/// both), <see cref="OutputStep"/> ("1h", "15min"), <see cref="Condition"/> (a catalogue id, name or alias;
/// generic when blank) and <see cref="Tlr4"/>. Defaults are those of <c>ldn simulate</c>.
/// </summary>
public sealed record SimulationOptions
{
    public string? Dose { get; init; }

    public string? At { get; init; } = "22:00";

    public string? Every { get; init; } = "24h";

    public int Count { get; init; } = 84;

    public string? Horizon { get; init; }

    public string? Formulation { get; init; } = "capsule";

    public string? Scenario { get; init; } = "B";

    public string? OutputStep { get; init; } = "1h";

    public string? Condition { get; init; }

    public bool Tlr4 { get; init; }

    /// <summary><see cref="Count"/> doses of <see cref="Dose"/> every <see cref="Every"/> from <see cref="At"/>, over <see cref="Horizon"/>.</summary>
    /// <exception cref="InvalidInputException">No dose, a value that does not parse, or a span beyond ten years, in one sentence.</exception>
    public Regimen ToRegimen()
    {
        var interval = Duration.Parse(Given(Every) ?? "24h");
        return Regimen.Repeated(
            Mass.Parse(Given(Dose) ?? throw new InvalidInputException("Give the dose, e.g. 4.5mg.")),
            ClockTime.Parse(Given(At) ?? "22:00"),
            interval,
            Count,
            Formulations.Parse(Given(Formulation) ?? "capsule"),
            Given(Horizon) is { } horizon ? Duration.Parse(horizon) : CheckedDefaultHorizon(interval, Count));
    }

    /// <summary>The horizon alone (a plan regimen takes it too); null when not given.</summary>
    /// <exception cref="InvalidInputException">Not a duration.</exception>
    public Duration? HorizonDuration() => Given(Horizon) is { } horizon ? Duration.Parse(horizon) : null;

    /// <exception cref="InvalidInputException">Not A, B or both.</exception>
    public IReadOnlyList<OccupancyScenario> Scenarios() => OccupancyScenarios.Parse(Given(Scenario) ?? "B");

    /// <exception cref="InvalidInputException">Not a duration.</exception>
    public Duration Step() => Duration.Parse(Given(OutputStep) ?? "1h");

    /// <summary>The catalogue condition named by <see cref="Condition"/>, generic when blank.</summary>
    /// <exception cref="InvalidInputException">An unknown condition, with the nearest names.</exception>
    public ConditionDefinition ConditionDefinition() => Given(Condition) is { } name ? ConditionCatalog.Find(name) : ConditionCatalog.Generic;

    /// <summary>Runs the simulation with the shipped parameters (<see cref="ParameterSets.Default"/>).</summary>
    /// <exception cref="InvalidInputException">Any option that does not parse or is out of the simulator's range.</exception>
    public SimulationResult Run() => Simulator.Run(ToRegimen(), ParameterSets.Default, ConditionDefinition().Parameters, Step(), Scenarios(), Tlr4);

    /// <summary>count × every, checked before multiplying so a huge count gets a clear message.</summary>
    private static Duration CheckedDefaultHorizon(Duration interval, int count)
    {
        var hours = interval.Hours * count;
        if (!double.IsFinite(hours) || hours > DoseLimits.LongestHorizon.Hours)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{count} doses every {interval} span more than the {DoseLimits.LongestHorizon.Days:0} days (ten years) the simulator accepts."));
        }

        return Duration.FromHours(hours);
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
