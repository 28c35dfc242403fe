using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// <c>ldn journal analyse --json</c>: the analysis behind the report as one JSON document, for researchers
/// and other tools — comparisons (with intervals, or the reason there is not enough data), adherence,
/// side-effect incidence and the model's hypotheses, each as the report shows it. Every scale of the
/// journal's catalogue is in <c>scales</c> (with its shared reason, noise model and dose–response trend) and
/// its comparisons in <c>comparisons</c>, whose <c>symptom</c> is the scale id (the five built-in ones keep
/// their names). Adherence is per plan version and step. Enum values are kebab-case ("not-enough-data");
/// dates are yyyy-MM-dd. The same document is <c>GET /api/analysis</c>: one writer, so the two cannot drift.
/// Pure: it only projects the analysis (its <c>now</c> is the analysis's, not a clock).
/// </summary>
public static partial class AnalysisDocument
{
    /// <summary>The document as one line of JSON (no newline), written with <see cref="DocumentJson.Options"/>.</summary>
    public static string Json(JournalAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var adherence = analysis.Adherence;
        var document = new
        {
            asOf = Date(analysis.AsOf),
            now = analysis.Now is { } now ? InstantPattern.ExtendedIso.Format(now) : null,
            from = Date(analysis.From),
            daysCovered = analysis.DaysCovered,
            firstDoseDate = Date(analysis.FirstDoseDate),
            baseline = new
            {
                days = analysis.Baseline.Days,
                recommended = BaselineStatus.RecommendedDays,
                minimum = analysis.Baseline.MinimumDays,
                reached = analysis.Baseline.Reached,
                sentence = analysis.Baseline.Sentence,
            },
            scales = analysis.Scales.Select(s => new
            {
                id = s.Scale.Id,
                label = s.Scale.Label,
                higherIsWorse = s.Scale.HigherIsWorse,
                checkInDays = s.CheckInDays,
                baselineDays = s.BaselineDays,
                baselineMean = s.BaselineMean,
                reason = s.Reason,
                phi = s.Phi,
                noiseSd = s.NoiseSd,
                trend = new
                {
                    status = Kebab(s.Trend.Status),
                    days = s.Trend.Days,
                    treatedDays = s.Trend.TreatedDays,
                    doseLevels = s.Trend.DoseLevels,
                    intercept = s.Trend.Intercept,
                    slopePerMg = s.Trend.SlopePerMg,
                    lower95 = s.Trend.Lower,
                    upper95 = s.Trend.Upper,
                    phi = s.Trend.Phi,
                    degreesOfFreedom = s.Trend.DegreesOfFreedom,
                    verdict = s.Trend.Verdict is { } v ? Kebab(v) : null,
                    reason = s.Trend.Reason,
                },
            }),
            comparisons = analysis.Comparisons.Select(c => new
            {
                symptom = c.ScaleId,
                window = Kebab(c.Window),
                doseMg = c.DoseMg,
                lowerIsBetter = c.LowerIsBetter,
                baselineDays = c.BaselineDays,
                windowDays = c.WindowDays,
                windowFrom = Date(c.WindowFrom),
                windowTo = Date(c.WindowTo),
                status = Kebab(c.Status),
                baselineMean = c.BaselineMean,
                windowMean = c.WindowMean,
                meanChange = c.MeanChange,
                lower95 = c.Lower,
                upper95 = c.Upper,
                degreesOfFreedom = c.DegreesOfFreedom,
                verdict = c.Verdict is { } v ? Kebab(v) : null,
                reason = c.Reason,
            }),
            adherence = new
            {
                fromPlan = adherence.FromPlan,
                expected = adherence.Expected,
                taken = adherence.Taken,
                share = adherence.Share,
                offPlanDays = adherence.OffPlanDays,
                offTimeDays = adherence.OffTimeDays,
                notYetDueDays = adherence.NotYetDueDays,
                basis = adherence.Basis,
                versions = adherence.Versions.Select(v => new
                {
                    planVersionId = v.PlanVersionId,
                    from = Date(v.From),
                    to = Date(v.To),
                    adjustment = v.Adjustment,
                    expected = v.Expected,
                    taken = v.Taken,
                    share = v.Share,
                    offPlanDays = v.OffPlanDays,
                    steps = v.Steps.Select(Step),
                }),
                steps = adherence.Steps.Select(Step),
                offPlan = adherence.OffPlan.Select(o => new
                {
                    date = Date(o.Date),
                    takenMg = o.TakenMg,
                    plannedMg = o.PlannedMg,
                    timing = Kebab(o.Timing),
                    plannedAt = o.PlannedAt.ToString(),
                    offDose = o.OffDose,
                    offTime = o.OffTime,
                }),
            },
            sideEffects = new
            {
                byDose = analysis.SideEffects.ByDose.Select(Group),
                byTiming = analysis.SideEffects.ByTiming.Select(Group),
                caveat = SideEffectIncidence.Caveat,
            },
            predictions = analysis.Predictions.Select(p => new
            {
                condition = p.ConditionId,
                instrument = p.Instrument,
                doseMg = p.DoseMg,
                at = p.At.ToString(),
                scoreChangeA = p.ScoreChangeA,
                scoreChangeB = p.ScoreChangeB,
                inflammationChangeA = p.InflammationChangeA,
                inflammationChangeB = p.InflammationChangeB,
                label = ModelPrediction.Label,
            }),
            notes = analysis.Notes,
            notice = Disclaimer.NotMedicalAdvice,
        };
        return JsonSerializer.Serialize(document, DocumentJson.Options);
    }

    /// <summary>Writes <see cref="Json"/> and a newline: <c>ldn journal analyse --json</c>'s stdout.</summary>
    public static void Write(JournalAnalysis analysis, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Json(analysis));
    }

    private static object Step(AdherenceStep s) => new
    {
        planVersionId = s.PlanVersionId,
        step = s.Step,
        from = Date(s.From),
        to = Date(s.To),
        plannedMg = s.PlannedMg,
        plannedAt = s.PlannedAt.ToString(),
        plannedDays = s.PlannedDays,
        takenDays = s.TakenDays,
        share = s.Share,
        offPlanDays = s.OffPlanDays,
        offTimeDays = s.OffTimeDays,
    };

    private static object Group(IncidenceGroup g) => new
    {
        label = g.Label,
        doseMg = g.DoseMg,
        timing = g.Timing is { } t ? Kebab(t) : null,
        doseDays = g.DoseDays,
        daysWithSideEffect = g.DaysWithSideEffect,
        per100DoseDays = g.Per100DoseDays,
        lower95 = g.Lower95,
        upper95 = g.Upper95,
        kinds = g.Kinds.Select(k => new { kind = k.Kind, days = k.Days }),
    };

    private static string? Date(LocalDate? date) => date?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Kebab<T>(T value)
        where T : struct, Enum => UpperCase().Replace(value.ToString(), "-$1").TrimStart('-').ToLowerInvariant();

    [GeneratedRegex("([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex UpperCase();
}
