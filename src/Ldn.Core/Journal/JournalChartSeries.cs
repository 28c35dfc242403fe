using Ldn.Core.Journal.Analysis;
using NodaTime;

namespace Ldn.Core.Journal;

/// <summary>
/// The series the journal's charts draw, built once from the analysis so every front end (the CLI's
/// report, the web app) plots the same numbers: the dose taken each day with the plan version in force
/// overlaid, every scale of the catalogue as a trailing mean with the dose level, events, and the
/// side-effect timeline. X values are day indices from <see cref="StartDate"/> (the first day of a bin
/// when binned). Up to <see cref="DailyChartDays"/> days every day is a point; longer journals are binned
/// by <see cref="WeeklyBinDays"/> days (skips, events and side effects stay on their own days).
/// </summary>
/// <param name="StartDate">Day 0 of the x axis (the analysis' first day, or the as-of day for an empty journal).</param>
/// <param name="Days">Days on the x axis (at least 1).</param>
/// <param name="BinDays">1 (daily points) or <see cref="WeeklyBinDays"/>.</param>
/// <param name="Dose">The dose chart's series.</param>
/// <param name="Symptoms">The symptom chart's series.</param>
/// <param name="Events">Events on their days.</param>
/// <param name="SideEffectKinds">The kinds in <paramref name="SideEffects"/>, sorted: the timeline's rows.</param>
/// <param name="SideEffects">Every side-effect episode overlapping the charted days.</param>
public sealed record JournalChartSeries(
    LocalDate StartDate,
    int Days,
    int BinDays,
    DoseChartSeries Dose,
    SymptomChartSeries Symptoms,
    IReadOnlyList<ChartEvent> Events,
    IReadOnlyList<string> SideEffectKinds,
    IReadOnlyList<SideEffectEpisode> SideEffects)
{
    /// <summary>Up to this many days the charts plot every day; longer journals are plotted as weekly means.</summary>
    public const int DailyChartDays = 731;

    /// <summary>Days per plotted point beyond <see cref="DailyChartDays"/>.</summary>
    public const int WeeklyBinDays = 7;

    /// <summary>Symptom lines are trailing means over this many days (when plotted daily): a week smooths day-to-day noise without hiding a step.</summary>
    public const int SymptomMeanDays = 7;

    /// <summary>The series of <paramref name="data"/> as analysed in <paramref name="analysis"/> (the same days and scales).</summary>
    public static JournalChartSeries Build(JournalData data, JournalAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(analysis);
        var days = analysis.Days;
        var start = analysis.From ?? analysis.AsOf;
        var startNumber = start.ToDateOnly().DayNumber;
        var bin = days.Count > DailyChartDays ? WeeklyBinDays : 1;
        var points = (days.Count + bin - 1) / bin;
        var scales = analysis.Scales.Select(s => s.Scale).ToList();

        var x = new int[points];
        var dose = new float?[points];
        var level = new float?[points];
        var values = scales.Select(_ => new float?[points]).ToArray();
        var skipped = new List<int>();
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].Dose == DoseStatus.Skipped)
            {
                skipped.Add(i);
            }
        }

        for (var p = 0; p < points; p++)
        {
            var from = p * bin;
            var to = Math.Min(days.Count, from + bin);
            x[p] = from;
            decimal doseSum = 0;
            var doseDays = 0;
            for (var i = from; i < to; i++)
            {
                if (days[i].Dose == DoseStatus.Taken)
                {
                    doseSum += days[i].DoseMg;
                    doseDays++;
                }
            }

            dose[p] = doseDays > 0 ? (float)(doseSum / doseDays) : null;
            level[p] = days[to - 1].LevelMg is { } l ? (float)l : null;

            // Daily: the mean of the last SymptomMeanDays days that had a score; binned: the bin's mean.
            var meanFrom = bin == 1 ? Math.Max(0, from - SymptomMeanDays + 1) : from;
            for (var k = 0; k < scales.Count; k++)
            {
                double sum = 0;
                var count = 0;
                for (var i = meanFrom; i < to; i++)
                {
                    var v = days[i].Scores.At(k);
                    if (!double.IsNaN(v))
                    {
                        sum += v;
                        count++;
                    }
                }

                values[k][p] = count > 0 ? (float)(sum / count) : null;
            }
        }

        var events = data.Events
            .Select(e => new ChartEvent(LocalDay(e.At, e.TimeZoneId).ToDateOnly().DayNumber - startNumber, EventKinds.Name(e.Kind)))
            .Where(e => e.X >= 0 && e.X < Math.Max(days.Count, 1))
            .ToList();

        var asOfIndex = analysis.AsOf.ToDateOnly().DayNumber - startNumber;
        var episodes = data.SideEffects
            .Select(s =>
            {
                var from = LocalDay(s.From, s.TimeZoneId).ToDateOnly().DayNumber - startNumber;
                var to = s.To is { } end ? LocalDay(end, s.TimeZoneId).ToDateOnly().DayNumber - startNumber : asOfIndex;
                return new SideEffectEpisode(s.Kind, (int)s.Severity, Math.Max(from, 0), Math.Min(Math.Max(to, from), asOfIndex) + 1, s.To is null);
            })
            .Where(e => e.To > 0 && e.From <= asOfIndex)
            .ToList();

        return new JournalChartSeries(
            start,
            Math.Max(days.Count, 1),
            bin,
            new DoseChartSeries(x, dose, skipped, PlanSegments(days)),
            new SymptomChartSeries(level, [.. scales.Select((s, k) => new ScaleChartSeries(s.Id, s.Label, s.HigherIsWorse, values[k]))]),
            events,
            [.. episodes.Select(e => e.Kind).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            episodes);
    }

    /// <summary>Runs of days under one step of one plan version, each drawn at the step's (measured) dose.</summary>
    private static List<PlanSegment> PlanSegments(IReadOnlyList<JournalDay> days)
    {
        var segments = new List<PlanSegment>();
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].PlannedStep is not { } step)
            {
                continue;
            }

            var j = i;
            while (j + 1 < days.Count && days[j + 1].PlanVersionId == days[i].PlanVersionId && days[j + 1].PlannedStep == step)
            {
                j++;
            }

            segments.Add(new PlanSegment(i, j, step.TakenDoseMg, step.At.ToString(), days[i].PlanVersionId ?? 0));
            i = j;
        }

        return segments;
    }

    private static LocalDate LocalDay(Instant at, string zoneId) => at.InZone(DayTable.ZoneResolver.Read(zoneId) ?? DateTimeZone.Utc).Date;
}

/// <summary>
/// The dose chart: per point the dose taken (mg; the mean over a bin's dose-days; null without one), the
/// day indices of skipped doses, and the plan in force as segments.
/// </summary>
public sealed record DoseChartSeries(IReadOnlyList<int> X, IReadOnlyList<float?> Taken, IReadOnlyList<int> Skipped, IReadOnlyList<PlanSegment> Plan);

/// <summary>Days <see cref="From"/> to <see cref="To"/> (indices, inclusive) under one step of plan version <see cref="PlanVersionId"/>: its dose (the measured liquid dose where there is one) and clock time.</summary>
public sealed record PlanSegment(int From, int To, decimal DoseMg, string At, long PlanVersionId);

/// <summary>The symptom chart: the dose level in force per point (null off treatment) and one line per scale of the catalogue.</summary>
public sealed record SymptomChartSeries(IReadOnlyList<float?> Level, IReadOnlyList<ScaleChartSeries> Scales);

/// <summary>One scale's line: per point the trailing (or bin) mean score, null without a check-in in reach.</summary>
public sealed record ScaleChartSeries(string Id, string Label, bool HigherIsWorse, IReadOnlyList<float?> Values);

/// <summary>An event on day index <see cref="X"/> (kind as <see cref="EventKinds.Name"/> writes it: flare, infection, …).</summary>
public sealed record ChartEvent(int X, string Kind);

/// <summary>A side-effect episode from day index <see cref="From"/> to the end of day <see cref="To"/> − 1; severity 0 mild, 1 moderate, 2 severe.</summary>
public sealed record SideEffectEpisode(string Kind, int Severity, int From, int To, bool Ongoing);
