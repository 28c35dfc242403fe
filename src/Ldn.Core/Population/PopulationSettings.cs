using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Units;

namespace Ldn.Core.Population;

/// <summary>
/// What a population run simulates: <see cref="Subjects"/> virtual patients drawn with
/// <see cref="Seed"/>, each on one <see cref="Dose"/> a day at <see cref="At"/> for
/// <see cref="Weeks"/> weeks, summarised every <see cref="OutputStep"/>.
/// </summary>
public sealed record PopulationSettings(int Subjects, long Seed, Mass Dose, int Weeks)
{
    public const int MaxSubjects = 1_000_000;

    public const int MaxWeeks = 520;

    /// <summary>Grid times a run may summarise (16 KiB of histogram each, so at most ≈330 MB).</summary>
    public const int MaxGridPoints = 20_000;

    public ClockTime At { get; init; } = ClockTime.Parse("22:00");

    /// <summary>
    /// The blockade structure; slow-pool by default, the structure chosen on the evidence (the only one that
    /// passes every human dataset of <c>ldn validate</c>, Akaike weight 0.63; docs/model.md §6).
    /// </summary>
    public OccupancyScenario Scenario { get; init; } = OccupancyScenario.SlowPool;

    public bool Tlr4 { get; init; }

    public Formulation Formulation { get; init; } = Formulation.Capsule;

    public Duration OutputStep { get; init; } = Duration.FromHours(6);

    /// <summary>The integrator; <see cref="PopulationEngine.Fast"/> runs structures A and B, the others always use the reference.</summary>
    public PopulationEngine Engine { get; init; } = PopulationEngine.Fast;

    /// <summary>Keep one <see cref="SubjectRecord"/> per subject in the result (for <c>--subjects</c>).</summary>
    public bool KeepSubjects { get; init; }

    /// <summary>Worker threads; null = one per processor. Results do not depend on it.</summary>
    public int? Threads { get; init; }

    public double HorizonHours => Weeks * 7 * 24.0;

    /// <summary>Throws <see cref="InvalidInputException"/> with one sentence for the first thing out of range.</summary>
    public void Validate()
    {
        if (Subjects is < 1 or > MaxSubjects)
        {
            throw new InvalidInputException($"The number of subjects must be between 1 and {MaxSubjects:N0} (got {Subjects:N0}).");
        }

        if (Weeks is < 1 or > MaxWeeks)
        {
            throw new InvalidInputException($"The number of weeks must be between 1 and {MaxWeeks} (got {Weeks}).");
        }

        DoseLimits.Check(Dose);
        if (!double.IsFinite(OutputStep.Hours) || OutputStep < Duration.FromMinutes(1))
        {
            throw new InvalidInputException($"The output step must be at least 1 minute (got {OutputStep}).");
        }

        var points = Math.Floor((HorizonHours / OutputStep.Hours) + 1e-9) + 2;
        if (points > MaxGridPoints)
        {
            throw new InvalidInputException(
                $"An output step of {OutputStep} over {Weeks} weeks gives {points:N0} time points, more than the {MaxGridPoints:N0} a population keeps; use a larger output step.");
        }

        if (Threads is < 1 or > 1024)
        {
            throw new InvalidInputException($"The number of threads must be between 1 and 1024 (got {Threads}).");
        }
    }
}
