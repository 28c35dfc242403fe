namespace Ldn.Core.Pharmacology.Validation;

/// <summary>
/// One structure against one dataset: whether every target passed and the worst miss.
/// </summary>
/// <param name="Structure">The structure's name (<see cref="OccupancyScenarios.Name"/>).</param>
/// <param name="Dataset">One of <see cref="ValidationDatasets.All"/>.</param>
/// <param name="Targets">How many targets the dataset has for this structure.</param>
/// <param name="Passed">True when every target is within its tolerance.</param>
/// <param name="Worst">The two-sided target with the largest <see cref="ValidationOutcome.Miss"/> (in tolerances).</param>
/// <param name="Minimum">The dataset's one-sided target (Lee's "≥ 85% at 1 h"), if it has one: its shortfall is in
/// percentage points, not tolerances, so it is reported beside the worst miss rather than ranked with it.</param>
public sealed record ValidationSummary(string Structure, string Dataset, int Targets, bool Passed, ValidationOutcome Worst, ValidationOutcome? Minimum)
{
    /// <summary>
    /// Each structure (every one in <paramref name="structures"/>) against each dataset. PK rows with no
    /// structure count for every structure except the slow pool, which has its own.
    /// </summary>
    public static IReadOnlyList<ValidationSummary> Of(IReadOnlyList<ValidationOutcome> outcomes, IReadOnlyList<OccupancyScenario> structures)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(structures);
        var result = new List<ValidationSummary>();
        foreach (var structure in structures)
        {
            foreach (var dataset in ValidationDatasets.All)
            {
                var rows = outcomes.Where(o => o.Target.Dataset == dataset
                    && (o.Target.Scenario == structure || (o.Target.Scenario is null && structure != OccupancyScenario.SlowPool))).ToList();
                var twoSided = rows.Where(r => !r.Target.AtLeast).ToList();
                if (twoSided.Count > 0)
                {
                    result.Add(new ValidationSummary(structure.Name(), dataset, rows.Count, rows.All(r => r.WithinTolerance), twoSided.MaxBy(r => r.Miss)!, rows.FirstOrDefault(r => r.Target.AtLeast)));
                }
            }
        }

        return result;
    }
}
