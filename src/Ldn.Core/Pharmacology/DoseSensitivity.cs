using System.Globalization;
using System.Runtime.ExceptionServices;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology;

/// <summary>
/// Computes the what-if sensitivity table (<see cref="DoseSensitivityTable"/>): 12 weeks of one daily dose
/// for each α_P in <see cref="Multipliers"/> × default and each dose in <see cref="Doses"/>, every structure
/// from one integration, plus the Kosten row (α_P per structure from its own mean blockade on 50 mg a day,
/// docs/model.md §5b). 41 independent simulations, run in parallel; the result does not depend on the thread count.
/// </summary>
public static class DoseSensitivity
{
    /// <summary>α_P multipliers of the rows (issue 12 item 5).</summary>
    public static IReadOnlyList<double> Multipliers { get; } = [0.25, 0.5, 1, 2, 4];

    /// <summary>The doses among which the largest modelled reduction is sought, mg/day.</summary>
    public static IReadOnlyList<Mass> Doses { get; } = [.. new[] { 0.5, 1.5, 3, 4.5 }.Select(Mass.FromMilligrams)];

    /// <summary>The dose of the cells: 4.5 mg, the dose of most trials.</summary>
    public static Mass ReferenceDose { get; } = Mass.FromMilligrams(4.5);

    /// <summary>Summaries only are needed, so the series is kept coarse (as in <see cref="DoseResponse"/>).</summary>
    private static readonly Duration OutputStep = Duration.FromHours(24);

    private const int Weeks = 12;

    public static DoseSensitivityTable Run(
        ModelParameters parameters, ConditionParameters condition, ClockTime at, Formulation formulation, bool tlr4, SynthesisHint hint)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(hint);
        var structures = OccupancyScenarios.All;
        var alpha = parameters.SynthesisUpregulation;

        // Blockade does not depend on α_P, so one 50 mg run gives every structure's mean blockade Ō.
        var standard = Simulate(parameters, condition, Mass.FromMilligrams(hint.DoseMg), at, formulation, tlr4, structures);
        var kostenAlpha = structures.Select(s => hint.SynthesisUpregulation(standard.Single(r => r.Scenario == s).Summary.MorMean)).ToArray();

        // Jobs: (multiplier, dose) with every structure, then (structure, dose) at that structure's Kosten α_P.
        var doses = Doses.Count;
        var gridJobs = Multipliers.Count * doses;
        var changes = new double?[gridJobs * structures.Count + (structures.Count * doses)];
        try
        {
            Parallel.For(0, gridJobs + (structures.Count * doses), job =>
            {
                var dose = Doses[job % doses];
                if (job < gridJobs)
                {
                    var p = parameters with { SynthesisUpregulation = alpha * Multipliers[job / doses] };
                    var results = Simulate(p, condition, dose, at, formulation, tlr4, structures);
                    for (var s = 0; s < structures.Count; s++)
                    {
                        changes[(job * structures.Count) + s] = results.Single(r => r.Scenario == structures[s]).Summary.InflammationChangeWeek12;
                    }
                }
                else
                {
                    var s = (job - gridJobs) / doses;
                    var p = parameters with { SynthesisUpregulation = kostenAlpha[s] };
                    var result = Simulate(p, condition, dose, at, formulation, tlr4, [structures[s]]);
                    changes[(gridJobs * structures.Count) + job - gridJobs] = result.Single().Summary.InflammationChangeWeek12;
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<InvalidInputException>().FirstOrDefault() is { } input)
        {
            ExceptionDispatchInfo.Capture(input).Throw();
        }

        double Change(int row, int structure, int dose) => row < Multipliers.Count
            ? changes[(((row * doses) + dose) * structures.Count) + structure]!.Value
            : changes[(gridJobs * structures.Count) + (structure * doses) + dose]!.Value;

        var rows = new List<DoseSensitivityRow>(Multipliers.Count + 1);
        for (var row = 0; row <= Multipliers.Count; row++)
        {
            var cells = new List<DoseSensitivityCell>(structures.Count);
            for (var s = 0; s < structures.Count; s++)
            {
                var curve = Enumerable.Range(0, doses).Select(d => Change(row, s, d)).ToArray();
                var best = Array.IndexOf(curve, curve.Min());
                var reduces = -curve[best] >= DoseResponse.ZeroBenefit;
                cells.Add(new DoseSensitivityCell(
                    structures[s],
                    row < Multipliers.Count ? alpha * Multipliers[row] : kostenAlpha[s],
                    curve[Doses.ToList().IndexOf(ReferenceDose)],
                    reduces ? Doses[best] : null,
                    reduces ? curve[best] : null));
            }

            rows.Add(new DoseSensitivityRow(
                row < Multipliers.Count ? $"{Number(Multipliers[row])} × default = {Number(alpha * Multipliers[row])}" : "from Kosten 1986 (per structure)",
                row < Multipliers.Count ? Multipliers[row] : null,
                cells));
        }

        var derivation =
            $"Kosten row: plasma β-endorphin {Number(hint.TreatedPgPerMl)} vs {Number(hint.ControlPgPerMl)} pg/mL on {hint.DoseText} ({hint.Citation}), "
            + $"a ratio of {hint.Ratio.ToString("0.00", CultureInfo.InvariantCulture)}; read as P = 1 + α_P·Ō at steady state, α_P = (ratio − 1)/Ō with Ō each structure's modelled mean MOR blockade on {Number(hint.DoseMg)} mg a day "
            + $"({string.Join(", ", structures.Select((s, i) => $"{s.Name()} {MeanBlockadeText(standard, s)} → α_P {kostenAlpha[i].ToString("0.00", CultureInfo.InvariantCulture)}"))}).";
        return new DoseSensitivityTable(alpha, ReferenceDose, Doses, structures, rows, derivation);
    }

    private static string MeanBlockadeText(IReadOnlyList<ScenarioResult> results, OccupancyScenario s) =>
        (results.Single(r => r.Scenario == s).Summary.MorMean * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static IReadOnlyList<ScenarioResult> Simulate(
        ModelParameters parameters, ConditionParameters condition, Mass dose, ClockTime at, Formulation formulation, bool tlr4, IReadOnlyList<OccupancyScenario> structures)
    {
        var horizon = Duration.FromDays(7 * Weeks);
        var regimen = Regimen.Repeated(dose, at, Duration.FromHours(24), 7 * Weeks, formulation, horizon);
        return Simulator.Run(regimen, parameters, condition, OutputStep, structures, tlr4).Scenarios;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
