using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Text;
using Ldn.Core.Units;

namespace Ldn.Core.Journal.Analysis;

/// <summary>
/// Runs the simulator once per observed dose level (the levels with the most dose-days first, at most
/// <see cref="AnalysisOptions.MaxPredictedLevels"/>) for the first profile condition the model has
/// parameters for (not the generic one), as <see cref="DoseResponse"/> does: daily doses for 12 weeks,
/// 24-hour output, scenarios A and B, TLR4 off.
/// </summary>
public static class ModelPredictor
{
    private static readonly Duration Day = Duration.FromHours(24);

    /// <summary>The model condition for the profile's conditions, or null when none has model parameters.</summary>
    public static ConditionParameters? MatchCondition(IEnumerable<string> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        foreach (var name in conditions)
        {
            var key = NameMatch.Normalise(name);
            var match = ConditionCatalog.All.FirstOrDefault(c =>
                c.Id != ConditionCatalog.GenericId
                && (NameMatch.Normalise(c.Id) == key || NameMatch.Normalise(c.Parameters.Name) == key || c.Parameters.Aliases.Any(a => NameMatch.Normalise(a) == key)));
            if (match is not null)
            {
                return match.Parameters;
            }
        }

        return null;
    }

    public static IReadOnlyList<ModelPrediction> Predict(JournalData data, DayTable table, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.ModelPredictions || MatchCondition(data.Profile.Conditions) is not { } condition)
        {
            return [];
        }

        var formulation = data.Doses.Where(d => !d.Skipped).GroupBy(d => d.Formulation)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).DefaultIfEmpty(Formulation.Capsule).First();
        var groups = table.Days.Where(d => d.Dose == DoseStatus.Taken && d.DoseTime is not null && d.DoseMg > 0 && d.DoseMg <= 50)
            .GroupBy(d => d.DoseMg)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Take(options.MaxPredictedLevels)
            .OrderBy(g => g.Key);
        var parameters = ParameterSets.Default;
        var predictions = new List<ModelPrediction>();
        foreach (var group in groups)
        {
            var at = UsualTime(group.Select(d => d.DoseTime!.Value), options);
            var regimen = Regimen.Repeated(Mass.FromMilligrams((double)group.Key), at, Day, 7 * 12, formulation, Simulator.Week12);
            var run = Simulator.Run(regimen, parameters, condition, Day, [OccupancyScenario.A, OccupancyScenario.B], tlr4: false);
            double? Score(OccupancyScenario s)
            {
                var series = run.Scenarios.Single(r => r.Scenario == s).Series;
                var start = series.ClinicalScore[0];
                return start == 0 ? null : (series.ClinicalScore[^1] - start) / start;
            }

            double? Inflammation(OccupancyScenario s) => run.Scenarios.Single(r => r.Scenario == s).Summary.InflammationChangeWeek12;
            predictions.Add(new ModelPrediction(
                condition.Id, condition.Instrument.Name, condition.Instrument.LowerIsBetter, group.Key, at, group.Count(),
                Score(OccupancyScenario.A), Score(OccupancyScenario.B), Inflammation(OccupancyScenario.A), Inflammation(OccupancyScenario.B)));
        }

        return predictions;
    }

    /// <summary>The median first-dose clock time, counted from the start of the dose day so 23:00 and 01:00 average to midnight, not noon.</summary>
    private static ClockTime UsualTime(IEnumerable<NodaTime.LocalTime> times, AnalysisOptions options)
    {
        var shift = options.DoseDayStartHour * 60;
        var minutes = times.Select(t => ((t.Hour * 60) + t.Minute - shift + 1440) % 1440).Order().ToArray();
        var median = (minutes[(minutes.Length - 1) / 2] + shift) % 1440;
        return ClockTime.FromHoursAndMinutes(median / 60, median % 60);
    }
}
