using System.Globalization;
using Ldn.Cli.Commands;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Validation;
using Ldn.Reports.Research;

namespace Ldn.Cli.Reports;

/// <summary>
/// The report of <c>ldn validate --report</c>: per dataset (and unit) the published values against the simulated
/// ones, one point series per structure, with the line y = x and each target's accepted range as an error bar
/// (a point inside its bar passes); the pass/fail table of each structure against each dataset; and every target.
/// Built from the <see cref="ValidationOutcome"/>s and <see cref="ValidationSummary"/> rows that <c>--json</c> prints.
/// </summary>
internal static class ValidationReport
{
    public static ResearchReport Build(string parameterSet, IReadOnlyList<ValidationOutcome> outcomes, IReadOnlyList<ValidationSummary> summary)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(summary);
        var report = new ResearchReport(
            "validation report",
            $"The model (parameter set {parameterSet}) against the published human pharmacokinetic and PET data, structure by structure.");
        report.Intro("Each target is a published human value with the tolerance we accept and why (ldn validate --json gives every justification). "
            + "In the charts a point is one target for one structure: published value across, simulated value up; the error bar is the accepted range, "
            + "so a point inside its bar passes, and on the dashed line the model matches the publication exactly.");

        report.AddHeading("Each structure against each dataset");
        report.AddTable(
            "Pass/fail",
            ["Structure", "Dataset", "Targets", "All within tolerance", "Worst miss"],
            summary.Select(s => (IReadOnlyList<string>)
            [
                s.Structure,
                s.Dataset,
                s.Targets.ToString(CultureInfo.InvariantCulture),
                s.Passed ? "yes" : "NO",
                Fmt($"{s.Worst.Miss:0.##}× tolerance ({s.Worst.Target.Quantity})")
                    + (s.Minimum is { } m ? Fmt($"; 1 h after 50 mg {m.Simulated:0.#}% (needs ≥ {m.Target.Published:0}%)") : string.Empty),
            ]));

        report.AddHeading("Observed against predicted");
        foreach (var dataset in ValidationDatasets.All)
        {
            foreach (var unit in outcomes.Where(o => o.Target.Dataset == dataset).Select(o => o.Target.Unit).Distinct(StringComparer.Ordinal))
            {
                var rows = outcomes.Where(o => o.Target.Dataset == dataset && o.Target.Unit == unit).ToList();
                var series = rows.GroupBy(o => o.Target.Scenario?.Name() ?? "shared PK").Select(g => new ChartSeries(
                    g.Key, [.. g.Select(o => o.Target.Published)], [.. g.Select(o => (double?)o.Simulated)])
                {
                    Low = [.. g.Select(o => o.Target.AtLeast ? (double?)null : o.Target.Published - o.Target.Tolerance)],
                    High = [.. g.Select(o => o.Target.AtLeast ? (double?)null : o.Target.Published + o.Target.Tolerance)],
                }).ToList();
                report.AddScatter(
                    $"{dataset} ({unit})",
                    $"{rows.Count.ToString(CultureInfo.InvariantCulture)} comparisons: {string.Join("; ", rows.Select(o => o.Target.Quantity).Distinct(StringComparer.Ordinal).Take(6))}"
                        + (rows.Select(o => o.Target.Quantity).Distinct(StringComparer.Ordinal).Count() > 6 ? "; …" : "."),
                    $"Published ({unit})",
                    $"Simulated ({unit})",
                    series,
                    identityLine: true);
            }
        }

        report.AddHeading("Every target");
        report.AddTable(
            "Targets",
            ["Target", "Structure", "Published", "Simulated", "Tolerance", "Unit", "Result"],
            outcomes.Select(o => (IReadOnlyList<string>)
            [
                o.Target.Quantity,
                o.Target.Scenario?.Name() ?? "all but slow-pool",
                Fmt($"{o.Target.Published:G4}"),
                Fmt($"{o.Simulated:G4}"),
                o.Target.AtLeast ? "≥" : Fmt($"±{o.Target.Tolerance:G4}"),
                o.Target.Unit,
                ValidateCommand.Verdict(o),
            ]));
        foreach (var source in outcomes.Select(o => o.Target.Source).Distinct(StringComparer.Ordinal))
        {
            report.AddSource(source);
        }

        return report;
    }

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
