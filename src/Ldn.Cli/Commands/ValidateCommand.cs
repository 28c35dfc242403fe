using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ldn.Cli.Output;
using Ldn.Cli.Reports;
using Ldn.Core;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Validation;
using Spectre.Console;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn validate</c>: the model against the published human data, target by target. Exit code 1 if a
/// comparison no longer comes out as documented, so a user's own parameter file can be checked too.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var parameters = new Option<string?>("--params") { Description = "Parameter file (YAML) to validate instead of the default." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of the table." };
        var report = ReportOutput.Option();
        var structure = new Option<string>("--structure")
        {
            Description = "Blockade structures to show: A, B, slow-pool, two-site, slow-binding, a comma list, or all.",
            DefaultValueFactory = _ => "all",
        };
        var command = new Command("validate", "Compare the model with published human PK and PET data (pharmacology.md §1, §3).")
        {
            parameters, structure, json, report,
        };

        command.SetAction(parse =>
        {
            var structures = OccupancyScenarios.ParseStructures(parse.GetValue(structure)!);
            var reportPath = ReportOutput.Check(parse, report, parse.GetValue(parameters));
            var model = ParameterFiles.Load(parse.GetValue(parameters));
            var outcomes = HumanDataValidation.Run(model)
                .Where(o => o.Target.Scenario is not { } s ? structures.Any(x => x != OccupancyScenario.SlowPool) : structures.Contains(s)).ToList();
            var summary = ValidationSummary.Of(outcomes, structures);
            if (reportPath is not null)
            {
                ReportOutput.Write(reportPath, ValidationReport.Build(model.Name, outcomes, summary), new(ReportOutput.CommandLine(parse), null, model.Name), parse.GetValue(json) ? stderr : stdout);
            }

            if (parse.GetValue(json))
            {
                var document = new
                {
                    parameters = model.Name,
                    targets = outcomes.Select(o => new
                    {
                        id = o.Target.Id,
                        quantity = o.Target.Quantity,
                        scenario = o.Target.Scenario?.Name(),
                        dataset = o.Target.Dataset,
                        atLeast = o.Target.AtLeast,
                        miss = o.Miss,
                        published = o.Target.Published,
                        simulated = o.Simulated,
                        unit = o.Target.Unit,
                        tolerance = o.Target.Tolerance,
                        withinTolerance = o.WithinTolerance,
                        expectedToFit = o.Target.ExpectedToFit,
                        calibrated = o.Target.Calibrated,
                        source = o.Target.Source,
                        justification = o.Target.Justification,
                    }),
                    summary = summary.Select(s => new
                    {
                        structure = s.Structure,
                        dataset = s.Dataset,
                        targets = s.Targets,
                        passed = s.Passed,
                        worstTarget = s.Worst.Target.Id,
                        worstMiss = s.Worst.Miss,
                        minimumTarget = s.Minimum?.Target.Id,
                        minimumSimulated = s.Minimum?.Simulated,
                    }),
                    notice = LdnApp.Notice,
                };
                stdout.WriteLine(JsonSerializer.Serialize(document, DocumentJson.Options));
            }
            else
            {
                Write(outcomes, summary, stdout);
            }

            return outcomes.All(o => o.AsDocumented) ? LdnApp.Success : LdnApp.InternalError;
        });
        return command;
    }

    /// <summary>One target's result in words, as the table and the HTML report show it.</summary>
    internal static string Verdict(ValidationOutcome o) => (o.WithinTolerance, o.Target.ExpectedToFit) switch
    {
        (true, true) => o.Target.Calibrated ? "fits (calibrated)" : "fits",
        (false, false) => "does not fit (as documented)",
        (false, true) => "OUT OF TOLERANCE",
        _ => "fits, though documented not to",
    };

    private static void Write(IReadOnlyList<ValidationOutcome> outcomes, IReadOnlyList<ValidationSummary> summary, TextWriter writer)
    {
        var console = ConsoleFactory.For(writer);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Target").AddColumn("Structure").AddColumn(new TableColumn("Published").RightAligned())
            .AddColumn(new TableColumn("Simulated").RightAligned()).AddColumn(new TableColumn("Tolerance").RightAligned())
            .AddColumn("Unit").AddColumn("Result");
        foreach (var o in outcomes)
        {
            table.AddRow(
                Markup.Escape(o.Target.Quantity),
                o.Target.Scenario?.Name() ?? "all but slow-pool",
                o.Target.Published.ToString("G4", CultureInfo.InvariantCulture),
                o.Simulated.ToString("G4", CultureInfo.InvariantCulture),
                o.Target.AtLeast ? "≥" : "±" + o.Target.Tolerance.ToString("G4", CultureInfo.InvariantCulture),
                Markup.Escape(o.Target.Unit),
                Verdict(o));
        }

        StackedRecords.Write(console, table);
        var datasets = new Table().Border(TableBorder.Rounded).Title("Each structure against each dataset")
            .AddColumn("Structure").AddColumn("Dataset").AddColumn(new TableColumn("Targets").RightAligned()).AddColumn("All within tolerance")
            .AddColumn("Worst miss");
        foreach (var s in summary)
        {
            var worst = string.Create(CultureInfo.InvariantCulture,
                $"{s.Worst.Miss:0.##}× tolerance: {s.Worst.Simulated:G4} vs {s.Worst.Target.Published:G4} ±{s.Worst.Target.Tolerance:G4} {s.Worst.Target.Unit} ({s.Worst.Target.Quantity})");
            if (s.Minimum is { } minimum)
            {
                worst += string.Create(CultureInfo.InvariantCulture, $"; 1 h after 50 mg {minimum.Simulated:0.#}% (needs ≥ {minimum.Target.Published:0}%)");
            }

            datasets.AddRow(s.Structure, Markup.Escape(s.Dataset), s.Targets.ToString(CultureInfo.InvariantCulture), s.Passed ? "yes" : "NO", Markup.Escape(worst));
        }

        StackedRecords.Write(console, datasets);
        ConsoleText.Line(console, Markup.Escape("Sources and the reason for each tolerance: ldn validate --json, or docs/model.md."));
        ConsoleText.Line(console, Markup.Escape(LdnApp.Notice));
    }
}
