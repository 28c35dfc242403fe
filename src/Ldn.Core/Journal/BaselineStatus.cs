using System.Globalization;
using Ldn.Core.Journal.Analysis;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// How many baseline days the journal has: local days with a check-in (on any scale) before the first dose
/// taken, or up to today while no dose has been taken. <c>init</c> and <c>show</c> print
/// <see cref="Sentence"/>; the report shows it beside the comparisons. 14 days are recommended
/// (<see cref="RecommendedDays"/>): two weeks hold both weekly rhythms and a few missed check-ins still
/// leave the <see cref="AnalysisOptions.MinBaselineDays"/> (10) that every before/after comparison needs.
/// </summary>
/// <param name="Days">Baseline days with a check-in.</param>
/// <param name="FirstDoseDate">The dose-day of the first dose taken; null while none has been.</param>
/// <param name="MinimumDays">The fewest baseline days with which the analysis compares (<see cref="AnalysisOptions.MinBaselineDays"/>).</param>
public sealed record BaselineStatus(int Days, LocalDate? FirstDoseDate, int MinimumDays)
{
    /// <summary>Baseline days recommended before the first dose.</summary>
    public const int RecommendedDays = 14;

    /// <summary>True once the recommended number of baseline days exists.</summary>
    public bool Reached => Days >= RecommendedDays;

    /// <summary>
    /// One sentence for the patient, e.g. "3 baseline days so far; 14 are recommended before the first dose."
    /// or "Only 5 baseline days before the first dose on 2026-01-05; at least 10 are needed to compare symptoms
    /// with the time before LDN, and 14 are recommended."
    /// </summary>
    public string Sentence
    {
        get
        {
            var days = Days == 1 ? "1 baseline day" : $"{Days.ToString(CultureInfo.InvariantCulture)} baseline days";
            if (FirstDoseDate is not { } first)
            {
                return Reached
                    ? $"{days} so far: the recommended {RecommendedDays} are reached, so the first dose can follow."
                    : $"{days} so far; {RecommendedDays} are recommended before the first dose.";
            }

            var on = first.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
            return Days < MinimumDays
                ? $"Only {days} before the first dose on {on}; at least {MinimumDays} are needed to compare symptoms with the time before LDN, and {RecommendedDays} are recommended."
                : Reached
                    ? $"{days} before the first dose on {on}: the recommended {RecommendedDays} were reached."
                    : $"{days} before the first dose on {on}; {RecommendedDays} are recommended.";
        }
    }

    /// <summary>The journal's baseline status on <paramref name="today"/> (a local date in the patient's zone).</summary>
    /// <exception cref="InvalidInputException">The options are out of range.</exception>
    public static BaselineStatus Of(JournalData data, LocalDate today, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= AnalysisOptions.Default;
        return From(DayTable.Build(data, today, options), options);
    }

    internal static BaselineStatus From(DayTable table, AnalysisOptions options)
    {
        var days = 0;
        foreach (var day in table.Days)
        {
            if (table.FirstDoseDate is { } first && day.Date >= first)
            {
                break;
            }

            for (var k = 0; k < day.Scores.Ids.Count; k++)
            {
                if (!double.IsNaN(day.Scores.At(k)))
                {
                    days++;
                    break;
                }
            }
        }

        return new BaselineStatus(days, table.FirstDoseDate, options.MinBaselineDays);
    }
}
