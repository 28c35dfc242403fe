using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Ldn.Cli.Output;
using Ldn.Cli.Reports;
using Ldn.Core;
using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Population;
using Ldn.Core.Units;
using Spectre.Console;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn population</c>: a virtual population on daily LDN, summarised as p5 / p50 / p95 bands of
/// MOR blockade, opioid signalling, inflammation and clinical score. The result depends only on
/// the options (never on the machine or thread count); the timing line goes to stderr.
/// </summary>
internal static class PopulationCommand
{
    public const int Interrupted = 130;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var n = new Option<int>("--n") { Description = "Number of virtual subjects (1 to 1,000,000).", DefaultValueFactory = _ => 10_000 };
        var dose = new Option<string>("--dose") { Description = "Daily dose, e.g. 4.5mg (a bare number is mg).", DefaultValueFactory = _ => "4.5mg" };
        var weeks = new Option<int>("--weeks") { Description = "Weeks of daily dosing (1 to 520).", DefaultValueFactory = _ => 12 };
        var seed = new Option<long>("--seed") { Description = "Random seed; the same seed gives the same population.", DefaultValueFactory = _ => 42 };
        var at = new Option<string>("--at") { Description = "Clock time of the daily dose, HH:mm.", DefaultValueFactory = _ => "22:00" };
        var scenario = new Option<string>("--scenario") { Description = "Receptor-blockade structure: slow-pool (default: the structure chosen on the evidence, docs/model.md §6), A (follows plasma), B (slow effect site), two-site or slow-binding (slow-binding always runs on the reference engine).", DefaultValueFactory = _ => "slow-pool" };
        var outputStep = new Option<string>("--output-step") { Description = "Spacing of the percentile series, e.g. 6h or 1h.", DefaultValueFactory = _ => "6h" };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: one per processor); results do not depend on it." };
        var parameters = new Option<string?>("--params") { Description = "Parameter file (YAML) to use instead of data/parameters/naltrexone.yaml." };
        var engine = new Option<string>("--engine") { Description = "Integrator: fast (exact linear part + RK4, 4 subjects per vector; structures A, B, slow-pool and two-site) or reference (adaptive Dormand-Prince).", DefaultValueFactory = _ => "fast" };
        var subjects = new Option<string?>("--subjects") { Description = "Write one CSV row per subject (sampled parameters, doses taken, summary metrics) to this file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of the table." };
        var report = ReportOutput.Option();
        var condition = ConditionOptions.Condition();
        var tlr4 = ConditionOptions.Tlr4();

        var command = new Command("population", "Simulate a virtual population on daily LDN and summarise it as percentile bands over time.")
        {
            n, dose, weeks, seed, at, scenario, condition, tlr4, parameters, outputStep, threads, engine, subjects, json, report,
        };

        command.SetAction(parse =>
        {
            var scenarios = OccupancyScenarios.ParseStructures(parse.GetValue(scenario)!);
            if (scenarios.Count != 1)
            {
                throw new InvalidInputException("A population runs one structure at a time: use --scenario A, B, slow-pool, two-site or slow-binding.");
            }

            var subjectsPath = parse.GetValue(subjects) is { } path ? SafeFile.Check(path, parse.GetValue(parameters), parse.GetValue(report)) : null;

            var settings = new PopulationSettings(parse.GetValue(n), parse.GetValue(seed), Mass.Parse(parse.GetValue(dose)!), parse.GetValue(weeks))
            {
                At = ClockTime.Parse(parse.GetValue(at)!),
                Scenario = scenarios[0],
                Tlr4 = parse.GetValue(tlr4),
                OutputStep = Duration.Parse(parse.GetValue(outputStep)!),
                Threads = parse.GetValue(threads),
                Engine = ParseEngine(parse.GetValue(engine)!),
                KeepSubjects = subjectsPath is not null,
            };
            settings.Validate();
            var reportPath = ReportOutput.Check(parse, report, parse.GetValue(parameters), parse.GetValue(subjects));
            var model = ParameterFiles.Load(parse.GetValue(parameters));
            var disease = ConditionOptions.Resolve(parse.GetValue(condition));

            using var cancel = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                cancel.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            PopulationResult result;
            var clock = Stopwatch.StartNew();
            try
            {
                result = RunWithProgress(stderr, model, disease, settings, cancel.Token);
            }
            catch (PopulationCancelledException e)
            {
                stderr.WriteLine($"Stopped after {e.Completed.ToString("N0", CultureInfo.InvariantCulture)} of {e.Total.ToString("N0", CultureInfo.InvariantCulture)} subjects.");
                return Interrupted;
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            clock.Stop();
            var days = (long)settings.Subjects * settings.Weeks * 7;
            var seconds = clock.Elapsed.TotalSeconds;
            stderr.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{settings.Subjects:N0} subjects × {settings.Weeks * 7} days in {seconds:0.00} s = {days / seconds:N0} subject-days/s on {result.ThreadsUsed} threads"));

            if (reportPath is not null)
            {
                ReportOutput.Write(reportPath, PopulationReport.Build(result), new(ReportOutput.CommandLine(parse), settings.Seed, model.Name), stderr);
            }

            if (subjectsPath is not null)
            {
                SafeFile.Write(subjectsPath, writer => PopulationSubjectsCsv.Write(result, writer), parse.GetValue(parameters), reportPath);
            }

            if (parse.GetValue(json))
            {
                PopulationJson.Write(result, stdout);
            }
            else
            {
                PopulationView.Write(result, stdout);
            }

            return LdnApp.Success;
        });
        return command;
    }

    private static PopulationEngine ParseEngine(string text) => text.Trim().ToLowerInvariant() switch
    {
        "fast" => PopulationEngine.Fast,
        "reference" => PopulationEngine.Reference,
        _ => throw new InvalidInputException($"'{text}' is not an engine (use fast or reference)."),
    };

    /// <summary>A Spectre progress bar on stderr when it is a terminal; otherwise a plain run.</summary>
    private static PopulationResult RunWithProgress(
        TextWriter stderr, ModelParameters model, ConditionDefinition condition, PopulationSettings settings, CancellationToken token)
    {
        if (stderr != Console.Error || Console.IsErrorRedirected)
        {
            return PopulationRunner.Run(model, condition, settings, null, token);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("Virtual subjects", maxValue: settings.Subjects);
                var progress = new SynchronousProgress(done => task.Value = Math.Max(task.Value, done));
                return PopulationRunner.Run(model, condition, settings, progress, token);
            });
    }

    /// <summary>Reports on the calling thread (System.Progress would post to the thread pool and lag).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
