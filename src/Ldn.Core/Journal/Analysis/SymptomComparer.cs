using System.Globalization;
using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// Builds the <see cref="SymptomComparison"/>s: for each symptom, the baseline (every day before the
/// first dose taken) against each dose level (days whose level is that dose, from the
/// <see cref="AnalysisOptions.SettlingDays"/>-th day at the level on) and against the latest
/// <see cref="AnalysisOptions.RecentDays"/> days on treatment.
/// </summary>
public static class SymptomComparer
{
    public static IReadOnlyList<Symptom> Symptoms { get; } = [Symptom.Fatigue, Symptom.Pain, Symptom.Sleep, Symptom.Mood, Symptom.Focus];

    public static bool LowerIsBetter(Symptom symptom) => symptom is Symptom.Fatigue or Symptom.Pain;

    public static IReadOnlyList<SymptomComparison> Compare(DayTable table, LocalDate asOf, AnalysisOptions options, MovingBlockBootstrap bootstrap)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(bootstrap);
        var days = table.Days;
        var levels = days.Where(d => d.LevelMg is not null).Select(d => d.LevelMg!.Value).Distinct().Order().ToArray();
        var recentFrom = asOf.PlusDays(1 - options.RecentDays);
        var baseline = new double[days.Count];
        var window = new double[days.Count];
        var result = new List<SymptomComparison>(Symptoms.Count * (levels.Length + 1));
        foreach (var symptom in Symptoms)
        {
            var nb = 0;
            foreach (var day in days)
            {
                if (table.FirstDoseDate is { } first && day.Date < first && !double.IsNaN(day.Score(symptom)))
                {
                    baseline[nb++] = day.Score(symptom);
                }
            }

            for (var w = 0; w <= levels.Length; w++)
            {
                var isLevel = w < levels.Length;
                var level = isLevel ? levels[w] : (decimal?)null;
                var nw = 0;
                LocalDate? from = null, to = null;
                foreach (var day in days)
                {
                    var inWindow = isLevel
                        ? day.LevelMg == level && day.DaysAtLevel >= options.SettlingDays
                        : table.FirstDoseDate is { } first && day.Date >= first && day.Date >= recentFrom;
                    if (inWindow && !double.IsNaN(day.Score(symptom)))
                    {
                        window[nw++] = day.Score(symptom);
                        from ??= day.Date;
                        to = day.Date;
                    }
                }

                var seed = unchecked((options.Seed * 31) + ((int)symptom * 7919) + (w * 104_729));
                result.Add(One(symptom, level, table.FirstDoseDate is not null, baseline.AsSpan(0, nb), window.AsSpan(0, nw), from, to, options, bootstrap, seed));
            }
        }

        return result;
    }

    private static SymptomComparison One(
        Symptom symptom, decimal? level, bool dosed, ReadOnlySpan<double> baseline, ReadOnlySpan<double> window,
        LocalDate? from, LocalDate? to, AnalysisOptions options, MovingBlockBootstrap bootstrap, int seed)
    {
        var name = symptom.ToString().ToLowerInvariant();
        var where = level is { } mg
            ? $"at {Mg(mg)} mg after the first {options.SettlingDays} days at that dose"
            : $"on treatment in the latest {options.RecentDays} days";
        var reason = !dosed ? "no dose has been taken yet, so there is nothing to compare with"
            : baseline.Length < options.MinBaselineDays ? $"only {DaysText(baseline.Length)} of {name} check-ins before the first dose; need {options.MinBaselineDays}"
            : window.Length < options.MinWindowDays ? $"only {DaysText(window.Length)} of {name} check-ins {where}; need {options.MinWindowDays}"
            : null;
        var comparison = new SymptomComparison
        {
            Symptom = symptom,
            Window = level is null ? ComparisonWindow.Recent : ComparisonWindow.DoseLevel,
            DoseMg = level,
            LowerIsBetter = LowerIsBetter(symptom),
            BaselineDays = baseline.Length,
            WindowDays = window.Length,
            WindowFrom = from,
            WindowTo = to,
            Status = reason is null ? ComparisonStatus.Estimated : ComparisonStatus.NotEnoughData,
            Reason = reason,
        };
        if (reason is not null)
        {
            return comparison;
        }

        var baselineMean = Mean(baseline);
        var windowMean = Mean(window);
        var change = windowMean - baselineMean;
        var (lower, upper) = bootstrap.DifferenceInterval(baseline, window, seed);
        var verdict = lower > 0 || upper < 0
            ? (upper < 0) == LowerIsBetter(symptom) ? ChangeVerdict.Improved : ChangeVerdict.Worse
            : ChangeVerdict.NoClearChange;
        return comparison with
        {
            BaselineMean = baselineMean,
            WindowMean = windowMean,
            MeanChange = change,
            Lower = lower,
            Upper = upper,
            BlockLengths = (MovingBlockBootstrap.BlockLength(baseline.Length), MovingBlockBootstrap.BlockLength(window.Length)),
            Verdict = verdict,
        };
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static string DaysText(int n) => n == 1 ? "1 day" : $"{n.ToString(CultureInfo.InvariantCulture)} days";

    internal static string Mg(decimal mg) => mg.ToString("0.###", CultureInfo.InvariantCulture);
}
