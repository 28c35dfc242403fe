using System.CommandLine;
using Ldn.Cli.Output;
using Ldn.Cli.Reports;
using Ldn.Core.Dosing;
using Ldn.Core.Evidence;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Pharmacology.ModelAverage;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn dose-response</c>: daily dosing at a range of doses (and clock times) for a number of weeks,
/// with blockade, signalling overshoot and the week-12 inflammation change per dose, and a verdict per
/// scenario framed as a what-if. The clinical dose evidence is shown first; the what-if sensitivity table
/// (α_P × structure, <see cref="DoseSensitivity"/>) costs 41 more 12-week simulations, which more than
/// doubles a default run (2.4–3.5 s → 8–9 s on the shared two-core machine), so it is shown with
/// <c>--sensitivity</c> and in docs/model.md; <c>--markdown</c> prints the evidence and that table as
/// Markdown for docs/model.md instead of the sweep.
/// </summary>
internal static class DoseResponseCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var doses = new Option<string>("--doses")
        {
            Description = "Comma-separated daily doses, e.g. 0.5,1,4.5mg,1500ug (a bare number is mg; at most 50).",
            DefaultValueFactory = _ => "0.5,1,1.5,3,4.5,6,10,25,50",
        };
        var at = new Option<string>("--at") { Description = "Clock time(s) of the daily dose, HH:mm; a list such as 22:00,08:00 compares them.", DefaultValueFactory = _ => "22:00" };
        var weeks = new Option<string>("--weeks") { Description = "Weeks of daily dosing (1–520); the inflammation change needs at least 12.", DefaultValueFactory = _ => "12" };
        var scenario = new Option<string>("--scenario") { Description = "Receptor-blockade scenario: A (follows plasma), B (slow effect site) or both.", DefaultValueFactory = _ => "both" };
        var structure = StructureOptions.Structure();
        var formulation = new Option<string>("--formulation") { Description = "capsule, tablet, liquid or sublingual.", DefaultValueFactory = _ => "capsule" };
        var parameters = new Option<string?>("--params") { Description = "Parameter file (YAML) to use instead of data/parameters/naltrexone.yaml." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of the tables." };
        var csv = new Option<string?>("--csv") { Description = "Also write the rows to this CSV file." };
        var report = ReportOutput.Option();
        var condition = ConditionOptions.Condition();
        var tlr4 = ConditionOptions.Tlr4();
        var withSensitivity = new Option<bool>("--sensitivity") { Description = "Add the what-if sensitivity table (α_P × structure at 4.5 mg; 41 more simulations, a few seconds)." };
        var markdown = new Option<bool>("--markdown") { Description = "Print only the clinical dose evidence and the what-if sensitivity table as Markdown (as in docs/model.md)." };

        var command = new Command("dose-response", "Sweep daily doses and report blockade, signalling and the what-if week-12 inflammation change, after the clinical dose evidence.")
        {
            doses, at, weeks, scenario, structure, formulation, condition, tlr4, parameters, json, csv, report, withSensitivity, markdown,
        };

        command.SetAction(parse =>
        {
            var request = new DoseResponseRequest(
                DoseResponse.ParseDoses(parse.GetValue(doses)!),
                DoseResponse.ParseTimes(parse.GetValue(at)!),
                DoseResponse.ParseWeeks(parse.GetValue(weeks)!),
                StructureOptions.Resolve(parse, scenario, structure),
                Formulations.Parse(parse.GetValue(formulation)!));
            var reportPath = ReportOutput.Check(parse, report, parse.GetValue(parameters), parse.GetValue(csv));
            var model = ParameterFiles.Load(parse.GetValue(parameters));
            var disease = ConditionOptions.Resolve(parse.GetValue(condition));
            var evidence = ClinicalDoseEvidence.Default;
            var sensitivity = !parse.GetValue(withSensitivity) && !parse.GetValue(markdown)
                ? null
                : DoseSensitivity.Run(model, disease.Parameters, request.Times[0], request.Formulation, parse.GetValue(tlr4), evidence.SynthesisHint);
            if (parse.GetValue(markdown))
            {
                DoseEvidenceView.WriteMarkdown(stdout, evidence);
                if (sensitivity is not null)
                {
                    stdout.WriteLine();
                    DoseSensitivityView.WriteMarkdown(stdout, sensitivity);
                }

                return LdnApp.Success;
            }

            // Progress lines are cleared before anything is printed, so they never mix with the output.
            DoseResponseResult result;
            using (var progress = new TerminalProgress(stderr, "dose-response simulations"))
            {
                result = DoseResponse.Run(request, model, disease.Parameters, parse.GetValue(tlr4), progress.Report);
            }

            DoseResponseAverage? average = null;
            if (!StructureOptions.Explicit(parse, scenario, structure))
            {
                if (parse.GetValue(parameters) is null)
                {
                    using var progress = new TerminalProgress(stderr, "model average, doses");
                    average = DoseResponseAverage.Run(request, disease.Parameters, parse.GetValue(tlr4), FitCatalog.Shipped, progress: progress.Report);
                }
                else
                {
                    (parse.GetValue(json) ? stderr : stdout).WriteLine(ModelAverageText.NoFitsForUserParameters);
                }
            }

            var asJson = parse.GetValue(json);
            var csvPath = parse.GetValue(csv);
            if (csvPath is not null)
            {
                SafeFile.Write(csvPath, writer => DoseResponseCsv.Write(result, writer), parse.GetValue(parameters));
                (asJson ? stderr : stdout).WriteLine($"Wrote the dose–response rows to {csvPath}.");
            }

            if (reportPath is not null)
            {
                ReportOutput.Write(reportPath, DoseResponseReport.Build(result), new(ReportOutput.CommandLine(parse), null, model.Name), asJson ? stderr : stdout);
            }

            if (asJson)
            {
                DoseResponseJson.Write(result, average, stdout, evidence, sensitivity);
            }
            else
            {
                DoseResponseView.Write(result, average, stdout, evidence, sensitivity);
            }

            return LdnApp.Success;
        });
        return command;
    }
}
