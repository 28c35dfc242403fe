using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Units;

namespace Ldn.Core.Pharmacology.ModelAverage;

/// <summary>One dose and clock time of a dose–response sweep under the model average: its summary (MOR values are the band medians) and band.</summary>
public sealed record AveragedDoseRow(Mass Dose, ClockTime At, ExposureSummary Summary, MorBand Band);

/// <summary>
/// The model average (<see cref="ModelAverager"/>) for every dose and clock time of a dose–response request: the rows
/// <c>ldn dose-response</c> lists first, before the structures' own rows. Weights and adequacy test are the same for
/// every dose.
/// </summary>
/// <param name="Structures">The averaged structures with weights and replicate counts.</param>
/// <param name="AdequacyTest">The goodness-of-fit test, in one sentence.</param>
/// <param name="Replicates">Parameter sets drawn per dose.</param>
/// <param name="Rows">One row per (clock time, dose), times in request order, doses ascending.</param>
public sealed record DoseResponseAverage(IReadOnlyList<StructureWeight> Structures, string AdequacyTest, int Replicates, IReadOnlyList<AveragedDoseRow> Rows)
{
    /// <summary>Averages each (time, dose) of <paramref name="request"/> as <see cref="DoseResponse.Run"/> simulates it (daily for the requested weeks).</summary>
    /// <exception cref="InvalidInputException">No adequate fit, or too few replicates in one.</exception>
    /// <remarks>
    /// Each average runs its structures and replicates on all cores; the series is not kept (the rows need only the
    /// summary window). <paramref name="progress"/> gets the number of doses done and the total after each.
    /// </remarks>
    public static DoseResponseAverage Run(
        DoseResponseRequest request, ConditionParameters condition, bool tlr4, IReadOnlyList<StructureFit> fits, ModelAverageOptions? options = null, Action<int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= new ModelAverageOptions();
        var rows = new List<AveragedDoseRow>();
        ModelAverageResult? last = null;
        var jobs = request.Times.Distinct().Count() * request.Doses.Distinct().Count();
        foreach (var at in request.Times.Distinct())
        {
            foreach (var dose in request.Doses.Distinct().Order())
            {
                var regimen = Regimen.Repeated(dose, at, Duration.FromHours(24), 7 * request.Weeks, request.Formulation, Duration.FromDays(7 * request.Weeks));
                last = ModelAverager.Run(regimen, condition, Duration.FromHours(24), tlr4, fits, options, retainSeries: false);
                rows.Add(new AveragedDoseRow(dose, at, last.Summary, last.Band));
                progress?.Invoke(rows.Count, jobs);
            }
        }

        return last is null
            ? throw new InvalidInputException("Give at least one dose and one clock time.")
            : new DoseResponseAverage(last.Structures, last.AdequacyTest, options.Replicates, rows);
    }
}
