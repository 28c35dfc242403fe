namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// The knobs of <see cref="JournalAnalyzer"/>. The defaults are the rules documented in
/// <c>docs/journal-analysis.md</c>; change them only to explore, not to find a result you like.
/// </summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Seed of the bootstrap: the same journal, options and seed give the same intervals.</summary>
    public int Seed { get; init; } = 20_240_501;

    /// <summary>Bootstrap resamples per comparison.</summary>
    public int Resamples { get; init; } = 2_000;

    /// <summary>Days with check-in data needed before the first dose for any comparison.</summary>
    public int MinBaselineDays { get; init; } = 14;

    /// <summary>Days with check-in data needed in a comparison window (a dose level, the latest weeks).</summary>
    public int MinWindowDays { get; init; } = 14;

    /// <summary>
    /// Days at a new dose level left out of that level's window (the change day and the six days after):
    /// start-up side effects, the previous level's carry-over and the slow symptom response.
    /// </summary>
    public int SettlingDays { get; init; } = 7;

    /// <summary>Days after the last dose taken still attributed to its level; later days are off treatment.</summary>
    public int LapseDays { get; init; } = 7;

    /// <summary>Length of the "latest weeks" window, ending on the as-of day.</summary>
    public int RecentDays { get; init; } = 28;

    /// <summary>A dose differing from the planned dose by more than this fraction is off-plan.</summary>
    public decimal OffPlanTolerance { get; init; } = 0.10m;

    /// <summary>
    /// Doses taken before this local clock time belong to the previous day's night (a 00:30 bedtime dose
    /// is the night of the day before); also where the bedtime window ends.
    /// </summary>
    public int DoseDayStartHour { get; init; } = 6;

    /// <summary>Doses from this local hour to <see cref="DoseDayStartHour"/> are bedtime doses; the rest morning (daytime) doses.</summary>
    public int BedtimeStartHour { get; init; } = 18;

    /// <summary>Whether to run the mechanism model (one 12-week simulation per observed dose level).</summary>
    public bool ModelPredictions { get; init; } = true;

    /// <summary>At most this many dose levels (those with the most dose-days) are simulated.</summary>
    public int MaxPredictedLevels { get; init; } = 8;

    internal void Validate()
    {
        if (Resamples is < 100 or > 100_000)
        {
            throw new InvalidInputException($"Resamples must be from 100 to 100,000 (got {Resamples}).");
        }

        if (MinBaselineDays < 3 || MinWindowDays < 3)
        {
            throw new InvalidInputException("A comparison needs at least 3 days with data on each side.");
        }

        if (SettlingDays < 0 || LapseDays < 1 || RecentDays < 1 || OffPlanTolerance < 0 || MaxPredictedLevels < 0)
        {
            throw new InvalidInputException("Settling days and tolerance must not be negative; lapse and recent days must be positive.");
        }

        if (DoseDayStartHour is < 0 or > 12 || BedtimeStartHour is < 12 or > 23)
        {
            throw new InvalidInputException("The dose day starts between 00 and 12 h; bedtime starts between 12 and 23 h.");
        }
    }
}
