using System.CommandLine;
using Ldn.Cli.Output;
using Ldn.Cli.Reports;
using Ldn.Core;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.ModelAverage;
using Ldn.Core.Protocols;
using Ldn.Core.Units;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn simulate</c>: blood levels and receptor blockade for a repeated dose. Options are read as text
/// and parsed by the unit types, so every mistake gets the unit types' one-sentence explanation.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var dose = new Option<string?>("--dose") { Description = "Dose per administration, e.g. 4.5mg, 1500ug (a bare number is mg). Required unless --plan is given." };
        var plan = new Option<string?>("--plan") { Description = "Simulate a titration plan written by 'ldn plan --json' instead of one repeated dose." };
        var at = new Option<string>("--at") { Description = "Clock time of the first dose, HH:mm.", DefaultValueFactory = _ => "22:00" };
        var every = new Option<string>("--every") { Description = "Dosing interval, e.g. 24h or 2d.", DefaultValueFactory = _ => "24h" };
        var count = new Option<int>("--count") { Description = "Number of doses.", DefaultValueFactory = _ => 84 };
        var horizon = new Option<string?>("--horizon") { Description = "Time span to simulate, e.g. 28d (default: count × every)." };
        var formulation = new Option<string>("--formulation") { Description = "capsule, tablet, liquid or sublingual.", DefaultValueFactory = _ => "capsule" };
        var scenario = new Option<string>("--scenario") { Description = "Receptor-blockade scenario: A (follows plasma), B (slow effect site) or both.", DefaultValueFactory = _ => "B" };
        var structure = StructureOptions.Structure();
        var whatIf = new Option<double?>("--sublingual-what-if")
        {
            Description = "What-if only, with --formulation sublingual: the fraction (0–1) of the dose absorbed through the mouth lining, bypassing first pass. No human data exist.",
        };
        var outputStep = new Option<string>("--output-step") { Description = "Spacing of the time series, e.g. 1h or 15min.", DefaultValueFactory = _ => "1h" };
        var parameters = new Option<string?>("--params") { Description = "Parameter file (YAML) to use instead of data/parameters/naltrexone.yaml." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of the table." };
        var csv = new Option<string?>("--csv") { Description = "Also write the time series to this CSV file." };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report to this file." };
        var condition = ConditionOptions.Condition();
        var tlr4 = ConditionOptions.Tlr4();

        var command = new Command("simulate", "Simulate naltrexone and 6β-naltrexol levels and opioid-receptor blockade for a dosing regimen.")
        {
            dose, plan, at, every, count, horizon, formulation, scenario, structure, whatIf, outputStep, parameters, condition, tlr4, json, csv, report,
        };

        command.SetAction(parse =>
        {
            var options = new SimulationOptions
            {
                Dose = parse.GetValue(dose),
                At = parse.GetValue(at)!,
                Every = parse.GetValue(every)!,
                Count = parse.GetValue(count),
                Horizon = parse.GetValue(horizon),
                Formulation = parse.GetValue(formulation)!,
                Scenario = parse.GetValue(scenario)!,
                OutputStep = parse.GetValue(outputStep)!,
            };
            Regimen regimen;
            if (parse.GetValue(plan) is { } planPath)
            {
                var clash = new Option[] { dose, at, every, count, formulation }.FirstOrDefault(o => parse.GetResult(o) is { Implicit: false });
                if (clash is not null)
                {
                    throw new InvalidInputException($"{clash.Name} does not apply with --plan: the plan file sets the doses, times and formulation.");
                }

                regimen = PlanRegimen.Create(PlanDocument.ReadSteps(ReadPlanFile(planPath), planPath), options.HorizonDuration());
            }
            else
            {
                regimen = (options.Dose is null ? throw new InvalidInputException("Give the dose with --dose (e.g. --dose 4.5mg), or a plan file with --plan.") : options).ToRegimen();
            }

            var scenarios = StructureOptions.Resolve(parse, scenario, structure);
            ReportOutput.Check(parse, report, parse.GetValue(plan), parse.GetValue(parameters), parse.GetValue(csv));
            var step = options.Step();
            var model = ParameterFiles.Load(parse.GetValue(parameters));
            if (parse.GetValue(whatIf) is { } mucosal)
            {
                model = regimen.FormulationsUsed.Contains(Formulation.Sublingual)
                    ? SublingualWhatIf.Apply(model, mucosal)
                    : throw new InvalidInputException("--sublingual-what-if applies only with --formulation sublingual.");
            }

            var disease = ConditionOptions.Resolve(parse.GetValue(condition));
            var csvPath = parse.GetValue(csv);
            var reportPath = parse.GetValue(report);
            var asJson = parse.GetValue(json);

            // Every output streams (issue 13 item 5): the summaries come from one run that keeps no series, then one replay
            // per series feeds the JSON, the CSV, the report charts and the console view at once, so memory does not grow
            // with the horizon. KeepSeries (tests only) keeps the series and writes each output from them instead.
            var keep = KeepSeries.Value;
            var result = Simulator.Run(regimen, model, disease.Parameters, step, scenarios, parse.GetValue(tlr4), retainSeries: keep);
            var mucosalShare = parse.GetValue(whatIf);
            result = ModelAverager.WithDefaultAverage(
                result, StructureOptions.Explicit(parse, scenario, structure), parse.GetValue(parameters) is not null,
                mucosalShare is { } share ? p => SublingualWhatIf.Apply(p, share) : null, retainSeries: keep);

            var notes = asJson ? stderr : stdout;
            foreach (var note in FormulationNotes.For(regimen, model))
            {
                ConsoleText.Line(notes, note);
            }

            if (result.AverageNote is { } averageNote)
            {
                ConsoleText.Line(notes, averageNote);
            }

            var charts = reportPath is null || keep ? null : new SimulationChartSeries(result, Simulator.OutputCount(regimen, step), SimulationReport.MaxChartPoints);
            var view = asJson || keep ? null : new SimulationConsoleSeries(result);
            void Pass(TextWriter? csvWriter)
            {
                using var rows = csvWriter is null ? null : new SimulationCsv(result.Regimen, csvWriter);
                SimulationPass.Run(result, asJson ? new SimulationJsonStream(result, stdout) : null, rows, charts, view);
            }

            if (csvPath is not null)
            {
                SafeFile.Write(csvPath, keep ? writer => SimulationCsv.Write(result, writer) : Pass, parse.GetValue(plan), parse.GetValue(parameters), reportPath);
                notes.WriteLine($"Wrote the time series to {csvPath}.");
            }
            else if (!keep)
            {
                Pass(null);
            }

            if (reportPath is not null)
            {
                SafeFile.Write(
                    reportPath,
                    writer => SimulationReport.Write(result, charts ?? SimulationChartSeries.From(result, SimulationReport.MaxChartPoints), DateTimeOffset.Now, writer),
                    parse.GetValue(plan),
                    parse.GetValue(parameters),
                    csvPath);
                notes.WriteLine($"Wrote the report to {reportPath}.");
            }

            if (keep)
            {
                (asJson ? (Action<SimulationResult, TextWriter>)SimulationDocument.Write : SimulationConsoleView.Write)(result, stdout);
            }
            else if (view is not null)
            {
                SimulationConsoleView.Write(result, view, stdout);
            }

            return LdnApp.Success;
        });
        return command;
    }

    /// <summary>
    /// Tests only: when set, the command keeps the whole series in memory and writes every output from it, as before
    /// streaming; the reference the streamed outputs are compared with, byte for byte.
    /// </summary>
    internal static AsyncLocal<bool> KeepSeries { get; } = new();

    private static string ReadPlanFile(string path) => TextFiles.ReadUtf8(path, "plan file", 1_000_000);
}
