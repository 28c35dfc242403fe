using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ldn.Core.Journal.Analysis;
using NodaTime;

namespace Ldn.Cli.Output;

/// <summary>
/// <c>ldn journal analyse --json</c>: the analysis behind the report as one JSON document, for researchers
/// and other tools — comparisons (with intervals, or the reason there is not enough data), adherence,
/// side-effect incidence and the model's hypotheses, each as the report shows it. Enum values are
/// kebab-case ("not-enough-data"); dates are yyyy-MM-dd.
/// </summary>
internal static partial class AnalysisJson
{
    public static void Write(JournalAnalysis analysis, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(writer);
        var document = new
        {
            asOf = Date(analysis.AsOf),
            from = Date(analysis.From),
            daysCovered = analysis.DaysCovered,
            firstDoseDate = Date(analysis.FirstDoseDate),
            comparisons = analysis.Comparisons.Select(c => new
            {
                symptom = Kebab(c.Symptom),
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
                verdict = c.Verdict is { } v ? Kebab(v) : null,
                reason = c.Reason,
            }),
            adherence = new
            {
                fromPlan = analysis.Adherence.FromPlan,
                expected = analysis.Adherence.Expected,
                taken = analysis.Adherence.Taken,
                share = analysis.Adherence.Share,
                offPlanDays = analysis.Adherence.OffPlanDays,
                basis = analysis.Adherence.Basis,
                steps = analysis.Adherence.Steps.Select(s => new { step = s.Step, from = Date(s.From), to = Date(s.To), plannedMg = s.PlannedMg, plannedDays = s.PlannedDays, takenDays = s.TakenDays, share = s.Share, offPlanDays = s.OffPlanDays }),
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
            notice = LdnApp.Notice,
        };
        writer.WriteLine(JsonSerializer.Serialize(document, SimulationJson.Options));
    }

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
