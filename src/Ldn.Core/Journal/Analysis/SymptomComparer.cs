using System.Globalization;
using NodaTime;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// Builds one <see cref="ScaleAnalysis"/> per scale of the journal's catalogue: the baseline (every day
/// before the first dose taken) against each dose level (days whose level is that dose, from the
/// <see cref="AnalysisOptions.SettlingDays"/>-th day at the level on) and against the latest
/// <see cref="AnalysisOptions.RecentDays"/> days on treatment, and the dose–response trend.
/// <para>
/// The interval of a change: the point estimate is the difference of the two windows' means; its
/// variance is γ₀·wᵀRw, where w weights the days (+1/n in the window, −1/n in the baseline), R is the
/// AR(1) correlation of the days (φ^gap) and γ₀ and φ are the scale's noise variance and day-to-day
/// autocorrelation, fitted once per scale by REML on the baseline and the dose-level windows, each with
/// its own mean (<see cref="Ar1Regression"/>). The 95% interval uses Student's t with that fit's
/// degrees of freedom. Fitting the noise on all windows together is what lets a 10-day window of a
/// 14-day step get an honest interval: its own ten days could not estimate how persistent the noise is.
/// </para>
/// </summary>
public static class SymptomComparer
{
    public static IReadOnlyList<ScaleAnalysis> Analyze(DayTable table, LocalDate asOf, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var days = table.Days;
        var levels = days.Where(d => d.LevelMg is not null).Select(d => d.LevelMg!.Value).Distinct().Order().ToArray();
        var recentFrom = asOf.PlusDays(1 - options.RecentDays);
        var result = new List<ScaleAnalysis>(table.Scales.Count);
        for (var k = 0; k < table.Scales.Count; k++)
        {
            result.Add(Scale(table, k, levels, recentFrom, options));
        }

        return result;
    }

    private static ScaleAnalysis Scale(DayTable table, int k, decimal[] levels, LocalDate recentFrom, AnalysisOptions options)
    {
        var scale = table.Scales[k];
        var name = LowerFirst(scale.Label);
        var days = table.Days;
        var first = table.FirstDoseDate;
        var number = new List<int>(days.Count);
        var value = new List<double>(days.Count);
        var isBaseline = new List<bool>(days.Count);
        foreach (var day in days)
        {
            var v = day.Scores.At(k);
            if (!double.IsNaN(v))
            {
                number.Add(day.Date.ToDateOnly().DayNumber);
                value.Add(v);
                isBaseline.Add(first is { } f && day.Date < f);
            }
        }

        var baselineDays = isBaseline.Count(b => b);
        var baselineMean = baselineDays == 0 ? (double?)null : value.Where((_, i) => isBaseline[i]).Average();
        var reason = number.Count == 0 ? $"no {name} check-ins up to the as-of day"
            : first is null ? "no dose has been taken yet, so there is nothing to compare with"
            : baselineDays < options.MinBaselineDays ? $"only {DaysText(baselineDays)} of {name} check-ins before the first dose; need {options.MinBaselineDays}"
            : null;

        // Windows: each dose level after settling, then the latest weeks on treatment (indices into the scale's days).
        var windows = new List<(decimal? Level, List<int> Members)>(levels.Length + 1);
        foreach (var level in levels)
        {
            windows.Add((level, []));
        }

        windows.Add((null, []));
        var d = 0;
        foreach (var day in days)
        {
            if (double.IsNaN(day.Scores.At(k)))
            {
                continue;
            }

            if (day.LevelMg is { } mg && day.DaysAtLevel >= options.SettlingDays)
            {
                windows[Array.IndexOf(levels, mg)].Members.Add(d);
            }

            if (first is { } f && day.Date >= f && day.Date >= recentFrom)
            {
                windows[^1].Members.Add(d);
            }

            d++;
        }

        var noise = reason is null ? NoiseModel(number, value, isBaseline, windows, options) : null;
        var comparisons = new List<SymptomComparison>(windows.Count);
        foreach (var (level, members) in windows)
        {
            comparisons.Add(Compare(scale, name, level, reason, number, value, isBaseline, baselineDays, baselineMean, members, noise, options));
        }

        return new ScaleAnalysis
        {
            Scale = scale,
            CheckInDays = number.Count,
            BaselineDays = baselineDays,
            BaselineMean = baselineMean,
            Reason = reason,
            Phi = noise?.Phi,
            NoiseSd = noise is null ? null : Math.Sqrt(noise.Sigma2),
            Comparisons = comparisons,
            Trend = DoseResponse.Fit(table, k, name, reason, options),
        };
    }

    /// <summary>
    /// The AR(1) noise of one scale: REML on the baseline and every dose-level window with enough days, each
    /// with its own mean (the latest weeks instead when no level has enough); null when nothing qualifies.
    /// </summary>
    private static Ar1Regression? NoiseModel(
        List<int> number, List<double> value, List<bool> isBaseline, List<(decimal? Level, List<int> Members)> windows, AnalysisOptions options)
    {
        var group = new int[number.Count];
        Array.Fill(group, -1);
        var groups = 1;
        for (var i = 0; i < number.Count; i++)
        {
            if (isBaseline[i])
            {
                group[i] = 0;
            }
        }

        var levelWindows = windows.Take(windows.Count - 1).Where(w => w.Members.Count >= options.MinWindowDays).ToList();
        foreach (var (_, members) in levelWindows.Count > 0 ? levelWindows : windows.Skip(windows.Count - 1).Where(w => w.Members.Count >= options.MinWindowDays))
        {
            foreach (var i in members)
            {
                group[i] = groups;
            }

            groups++;
        }

        if (groups < 2)
        {
            return null;
        }

        var n = group.Count(g => g >= 0);
        var dayNumbers = new int[n];
        var y = new double[n];
        var design = new double[n * groups];
        var row = 0;
        for (var i = 0; i < number.Count; i++)
        {
            if (group[i] >= 0)
            {
                dayNumbers[row] = number[i];
                y[row] = value[i];
                design[(row * groups) + group[i]] = 1;
                row++;
            }
        }

        return Ar1Regression.Fit(dayNumbers, y, design, groups);
    }

    private static SymptomComparison Compare(
        SymptomScale scale, string name, decimal? level, string? scaleReason, List<int> number, List<double> value, List<bool> isBaseline,
        int baselineDays, double? baselineMean, List<int> members, Ar1Regression? noise, AnalysisOptions options)
    {
        var where = level is { } mg
            ? $"at {Mg(mg)} mg after the first {options.SettlingDays} days at that dose"
            : $"on treatment in the latest {options.RecentDays} days";
        var reason = scaleReason is not null ? null
            : members.Count < options.MinWindowDays ? $"only {DaysText(members.Count)} of {name} check-ins {where}; need {options.MinWindowDays}"
            : noise is null ? $"the day-to-day noise of {name} could not be estimated"
            : null;
        var comparison = new SymptomComparison
        {
            Scale = scale,
            Window = level is null ? ComparisonWindow.Recent : ComparisonWindow.DoseLevel,
            DoseMg = level,
            BaselineDays = baselineDays,
            WindowDays = members.Count,
            WindowFrom = members.Count == 0 ? null : LocalDate.FromDateOnly(DateOnly.FromDayNumber(number[members[0]])),
            WindowTo = members.Count == 0 ? null : LocalDate.FromDateOnly(DateOnly.FromDayNumber(number[members[^1]])),
            Status = scaleReason is null && reason is null ? ComparisonStatus.Estimated : ComparisonStatus.NotEnoughData,
            Reason = reason,
        };
        if (comparison.Status != ComparisonStatus.Estimated || noise is null || baselineMean is not { } b)
        {
            return comparison;
        }

        // Baseline and window days in time order (disjoint: the window starts at the first dose), weighted ±1/n.
        var chosen = new List<(int Day, double Weight)>(baselineDays + members.Count);
        for (var i = 0; i < number.Count; i++)
        {
            if (isBaseline[i])
            {
                chosen.Add((number[i], -1.0 / baselineDays));
            }
        }

        var windowMean = 0.0;
        foreach (var i in members)
        {
            chosen.Add((number[i], 1.0 / members.Count));
            windowMean += value[i] / members.Count;
        }

        chosen.Sort((x, y) => x.Day.CompareTo(y.Day));
        var variance = noise.WeightedSumVariance(chosen.Select(c => c.Day).ToArray(), chosen.Select(c => c.Weight).ToArray());
        var change = windowMean - b;
        var half = noise.TQuantile() * Math.Sqrt(variance);
        return comparison with
        {
            BaselineMean = b,
            WindowMean = windowMean,
            MeanChange = change,
            Lower = change - half,
            Upper = change + half,
            DegreesOfFreedom = noise.DegreesOfFreedom,
            Verdict = Verdict(change - half, change + half, scale.HigherIsWorse),
        };
    }

    /// <summary>Improved or worse only when the interval excludes 0; the scale says which way is better.</summary>
    internal static ChangeVerdict Verdict(double lower, double upper, bool lowerIsBetter) =>
        lower > 0 || upper < 0
            ? (upper < 0) == lowerIsBetter ? ChangeVerdict.Improved : ChangeVerdict.Worse
            : ChangeVerdict.NoClearChange;

    internal static string DaysText(int n) => n == 1 ? "1 day" : $"{n.ToString(CultureInfo.InvariantCulture)} days";

    /// <summary>"Sleep quality" → "sleep quality" for use inside a sentence; a label starting with an acronym ("MS fatigue") is kept.</summary>
    internal static string LowerFirst(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    internal static string Mg(decimal mg) => mg.ToString("0.###", CultureInfo.InvariantCulture);
}
