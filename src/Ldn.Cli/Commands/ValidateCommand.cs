using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ldn.Cli.Output;
using Ldn.Core;
using Ldn.Core.Pharmacology.Validation;
using Spectre.Console;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn validate</c>: the model against the published human data, target by target. Exit code 1 if a
/// comparison no longer comes out as documented, so a user's own parameter file can be checked too.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var parameters = new Option<string?>("--params") { Description = "Parameter file (YAML) to validate instead of the default." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of the table." };
        var command = new Command("validate", "Compare the model with published human PK and PET data (pharmacology.md §1, §3).")
        {
            parameters, json,
        };

        command.SetAction(parse =>
        {
            var model = ParameterFiles.Load(parse.GetValue(parameters));
            var outcomes = HumanDataValidation.Run(model);
            if (parse.GetValue(json))
            {
                var document = new
                {
                    parameters = model.Name,
                    targets = outcomes.Select(o => new
                    {
                        id = o.Target.Id,
                        quantity = o.Target.Quantity,
                        scenario = o.Target.Scenario?.ToString(),
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
                    notice = LdnApp.Notice,
                };
                stdout.WriteLine(JsonSerializer.Serialize(document, DocumentJson.Options));
            }
            else
            {
                Write(outcomes, stdout);
            }

            return outcomes.All(o => o.AsDocumented) ? LdnApp.Success : LdnApp.InternalError;
        });
        return command;
    }

    private static void Write(IReadOnlyList<ValidationOutcome> outcomes, TextWriter writer)
    {
        var console = ConsoleFactory.For(writer);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Target").AddColumn("Scen.").AddColumn(new TableColumn("Published").RightAligned())
            .AddColumn(new TableColumn("Simulated").RightAligned()).AddColumn(new TableColumn("Tolerance").RightAligned())
            .AddColumn("Unit").AddColumn("Result");
        foreach (var o in outcomes)
        {
            var verdict = (o.WithinTolerance, o.Target.ExpectedToFit) switch
            {
                (true, true) => o.Target.Calibrated ? "fits (calibrated)" : "fits",
                (false, false) => "does not fit (as documented)",
                (false, true) => "OUT OF TOLERANCE",
                _ => "fits, though documented not to",
            };
            table.AddRow(
                Markup.Escape(o.Target.Quantity),
                o.Target.Scenario?.ToString() ?? "–",
                o.Target.Published.ToString("G4", CultureInfo.InvariantCulture),
                o.Simulated.ToString("G4", CultureInfo.InvariantCulture),
                "±" + o.Target.Tolerance.ToString("G4", CultureInfo.InvariantCulture),
                Markup.Escape(o.Target.Unit),
                verdict);
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape("Sources and the reason for each tolerance: ldn validate --json, or docs/model.md."));
        console.MarkupLine(Markup.Escape(LdnApp.Notice));
    }
}
