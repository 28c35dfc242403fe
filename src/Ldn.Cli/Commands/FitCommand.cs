using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Ldn.Cli.Output;
using Ldn.Cli.Reports;
using Ldn.Core;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Pharmacology.Observations;
using Ldn.Core.Pharmacology.Parameters;
using NodaTime;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn fit [--structure NAME|all]</c> (issue 12, item 3): maximum-likelihood fit of blockade structures to the
/// human data of data/observations/ (or <c>--data</c>), with profile and bootstrap intervals, the adequacy test,
/// the 4.5 mg daily trough, and for several structures the AIC ranking. <c>--out</c> writes a parameter file.
/// </summary>
internal static class FitCommand
{
    /// <summary>Observation files larger than this are refused rather than parsed.</summary>
    private const long MaxDataBytes = 1 << 20;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var structure = new Option<string>("--structure")
        {
            Description = "Structure(s) to fit: A, B, slow-pool, two-site, slow-binding, a comma list, or all (then ranked by AIC).",
            DefaultValueFactory = _ => "all",
        };
        var data = new Option<string[]>("--data")
        {
            Description = "Observation files (ldn-observations/1 YAML) to fit instead of the shipped data/observations/.",
            AllowMultipleArgumentsPerToken = true,
        };
        var parameters = new Option<string?>("--params") { Description = "Parameter file whose values are the starting point and the fixed values." };
        var output = new Option<string?>("--out") { Description = "Write a parameter file with the fitted values (status fitted) and the fit section." };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Parametric bootstrap replicates (0 to 100,000).", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Bootstrap seed; replicate r uses seed + r.", DefaultValueFactory = _ => 12 };
        var iterations = new Option<int>("--max-iterations") { Description = "Nelder–Mead iterations per optimisation (1 to 1,000,000).", DefaultValueFactory = _ => 4000 };
        var threads = new Option<int>("--threads") { Description = "Bootstrap threads (default: one per processor); results do not depend on it." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of the tables." };
        var report = ReportOutput.Option();
        var command = new Command("fit", "Fit blockade structures to the human PET and PK data by maximum likelihood (docs/model.md, Fitting).")
        {
            structure, data, parameters, output, bootstrap, seed, iterations, threads, json, report,
        };

        command.SetAction(parse =>
        {
            var structures = OccupancyScenarios.ParseStructures(parse.GetValue(structure)!);
            var replicates = parse.GetValue(bootstrap);
            var maxIterations = parse.GetValue(iterations);
            if (replicates is < 0 or > 100_000)
            {
                throw new InvalidInputException("--bootstrap must be between 0 and 100,000 replicates.");
            }

            // Left out, the bootstrap uses every core (0 to the fitter); typed, it is a count, as population's --threads is.
            if (parse.GetResult(threads) is not null && parse.GetValue(threads) is < 1 or > 1024)
            {
                throw new InvalidInputException($"--threads must be between 1 and 1024 (got {parse.GetValue(threads)}).");
            }

            if (maxIterations is < 1 or > 1_000_000)
            {
                throw new InvalidInputException("--max-iterations must be between 1 and 1,000,000.");
            }

            var paramsPath = parse.GetValue(parameters);
            string?[] inputs = [paramsPath, .. parse.GetValue(data) ?? []];
            var outPath = parse.GetValue(output) is { } o ? SafeFile.Check(o, [.. inputs, parse.GetValue(report)]) : null;
            var reportPath = ReportOutput.Check(parse, report, [.. inputs, parse.GetValue(output)]);
            var model = ParameterFiles.Load(paramsPath);
            var datasets = parse.GetValue(data) is { Length: > 0 } files
                ? [.. files.Select(f => ObservationReader.Read(TextFiles.ReadUtf8(f, "observation file", MaxDataBytes), f))]
                : ObservationCatalog.Shipped;
            var options = new FitOptions(maxIterations, replicates, parse.GetValue(seed), parse.GetValue(threads));
            var reports = structures.Select(s => StructureFitter.Fit(s, datasets, model, options)).ToList();

            if (outPath is not null)
            {
                var baseText = paramsPath is null ? ParameterSets.DefaultText : TextFiles.ReadUtf8(paramsPath, "parameter file", 1 << 20);
                var date = SystemClock.Instance.GetCurrentInstant().InUtc().Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var text = FitFileWriter.Write(baseText, reports, date);
                SafeFile.Write(outPath, writer => writer.Write(text), inputs);
                stderr.WriteLine($"Wrote {outPath}: use it with --params.");
            }

            if (reportPath is not null)
            {
                ReportOutput.Write(reportPath, FitResultsReport.Build(reports), new(ReportOutput.CommandLine(parse), options.Seed, model.Name), stderr);
            }

            if (parse.GetValue(json))
            {
                stdout.WriteLine(JsonSerializer.Serialize(FitJson.Document(reports), DocumentJson.Options));
            }
            else
            {
                FitView.Write(reports, stdout);
            }

            return LdnApp.Success;
        });
        return command;
    }
}
