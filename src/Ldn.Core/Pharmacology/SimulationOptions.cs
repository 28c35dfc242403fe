using Ldn.Core.Dosing;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// The options of <c>ldn simulate</c> for one repeated dose, as text written on the command line (the CLI's
/// options and the JSON body of <c>POST /api/simulate</c>), parsed here in one place by the unit types so that
/// every mistake gets their one-sentence explanation (<see cref="InvalidInputException"/>): <see cref="Dose"/>
/// ("4.5mg", "1500ug"; a bare number is mg), <see cref="At"/> (HH:mm), <see cref="Every"/> ("24h", "2d"),
/// <see cref="Count"/>, <see cref="Horizon"/> ("28d"; default count × every), <see cref="Formulation"/>,
/// <see cref="Scenario"/> (A, B or both) and <see cref="OutputStep"/> ("1h", "15min"). The defaults are the CLI's.
/// </summary>
public sealed record SimulationOptions
{
    public string? Dose { get; init; }

    public string At { get; init; } = "22:00";

    public string Every { get; init; } = "24h";

    public int Count { get; init; } = 84;

    public string? Horizon { get; init; }

    public string Formulation { get; init; } = "capsule";

    public string Scenario { get; init; } = "B";

    public string OutputStep { get; init; } = "1h";

    /// <summary>The horizon alone (a plan regimen takes it too); null when not given.</summary>
    public Duration? HorizonDuration() => Horizon is null ? null : Duration.Parse(Horizon);

    /// <summary><see cref="Count"/> doses of <see cref="Dose"/> every <see cref="Every"/> from <see cref="At"/>, over the horizon.</summary>
    /// <exception cref="InvalidInputException">A value that does not parse or is out of the simulator's range (<see cref="DoseLimits"/>).</exception>
    public Regimen Regimen()
    {
        var interval = Duration.Parse(Every);
        return Dosing.Regimen.Repeated(
            Mass.Parse(Dose ?? throw new InvalidInputException("Give the dose with --dose (e.g. --dose 4.5mg), or a plan file with --plan.")),
            ClockTime.Parse(At),
            interval,
            Count,
            Formulations.Parse(Formulation),
            HorizonDuration() ?? CheckedDefaultHorizon(interval, Count));
    }

    public IReadOnlyList<OccupancyScenario> Scenarios() => OccupancyScenarios.Parse(Scenario);

    public Duration Step() => Duration.Parse(OutputStep);

    /// <summary>count × every, checked before multiplying so a huge count gets a clear message.</summary>
    private static Duration CheckedDefaultHorizon(Duration interval, int count)
    {
        var hours = interval.Hours * count;
        if (!double.IsFinite(hours) || hours > DoseLimits.LongestHorizon.Hours)
        {
            throw new InvalidInputException(
                $"{count} doses every {interval} span more than the {DoseLimits.LongestHorizon.Days:0} days (ten years) the simulator accepts.");
        }

        return Duration.FromHours(hours);
    }
}
