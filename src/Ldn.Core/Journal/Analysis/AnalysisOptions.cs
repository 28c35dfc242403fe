namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// The knobs of <see cref="JournalAnalyzer"/>. The defaults are the rules documented in
/// <c>docs/journal-analysis.md</c>; change them only to explore, not to find a result you like.
/// </summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>
    /// Days with check-in data on a scale needed before the first dose for any comparison of it. 14 are
    /// recommended (<see cref="BaselineStatus.RecommendedDays"/>) so that a few missed check-ins still leave 10.
    /// </summary>
    public int MinBaselineDays { get; init; } = 10;

    /// <summary>
    /// Days with check-in data needed in a comparison window (a dose level, the latest weeks): a week, so a
    /// 14-day titration step (10 days after settling, about 9 with check-ins at the usual 90%) is answered.
    /// The interval's width, not this minimum, carries the uncertainty of a short window (docs/journal-analysis.md).
    /// </summary>
    public int MinWindowDays { get; init; } = 7;

    /// <summary>
    /// Days at a new dose level left out of that level's window (the change day and the three days after):
    /// start-up side effects such as vivid dreams and disturbed sleep cluster in the first nights, and the
    /// previous level carries over. Four, not more, so a 14-day step keeps 10 days to compare.
    /// </summary>
    public int SettlingDays { get; init; } = 4;

    /// <summary>
    /// How long after a planned dose's clock time it still counts as "not yet missed": 8 hours, so a 22:00
    /// bedtime dose is missed only from 06:00 the next morning, when its dose day ends
    /// (<see cref="DoseDayStartHour"/>: a dose taken in the night still belongs to it), and a 08:00 morning
    /// dose from 16:00. A report made at 08:00 thus does not count that evening's dose as missed.
    /// </summary>
    public NodaTime.Duration MissedDoseGrace { get; init; } = NodaTime.Duration.FromHours(8);

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
        if (MinBaselineDays < 3 || MinWindowDays < 3)
        {
            throw new InvalidInputException("A comparison needs at least 3 days with data on each side.");
        }

        if (MissedDoseGrace < NodaTime.Duration.Zero || MissedDoseGrace > NodaTime.Duration.FromHours(24))
        {
            throw new InvalidInputException("The grace period of a missed dose must be from 0 to 24 hours.");
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
