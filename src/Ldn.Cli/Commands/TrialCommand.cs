using System.CommandLine;
using System.Globalization;
using Ldn.Cli.Output;
using Ldn.Cli.Reports;
using Ldn.Core;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Trials;

namespace Ldn.Cli.Commands;

/// <summary>
/// <c>ldn trial</c>: run a published (preset) or user-written trial design many times over with virtual
/// subjects and set the predicted arms beside the published ones. The hidden <c>--calibrate NAME</c>
/// reruns a condition's calibration and prints the fit, so the values in the condition files can be
/// reproduced.
/// </summary>
internal static class TrialCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var design = new Option<string?>("--design") { Description = "Trial design file (YAML, schema ldn-trial/1)." };
        var preset = new Option<string?>("--preset") { Description = "Published trial: " + string.Join(", ", TrialPresets.Names) + "." };
        var scenario = new Option<string>("--scenario") { Description = "Receptor-blockade scenario: A (follows plasma), B (slow effect site) or both.", DefaultValueFactory = _ => "both" };
        var repetitions = new Option<int>("--repetitions") { Description = "Virtual repetitions of the whole trial.", DefaultValueFactory = _ => TrialSimulator.DefaultRepetitions };
        var seed = new Option<long>("--seed") { Description = "Random seed (every subject depends only on seed and index).", DefaultValueFactory = _ => TrialSimulator.DefaultSeed };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of the tables." };
        var report = ReportOutput.Option();
        var calibrate = new Option<string?>("--calibrate") { Description = "Rerun the calibration of a condition and print the fit.", Hidden = true };

        var command = new Command("trial", "Run a published or user-written trial with virtual subjects and compare the predicted arms with the published ones.")
        {
            design, preset, scenario, repetitions, seed, json, report, calibrate,
        };

        command.SetAction(parse =>
        {
            var reps = parse.GetValue(repetitions);
            var seedValue = parse.GetValue(seed);
            if (parse.GetValue(calibrate) is { } condition)
            {
                var report = Calibration.Run(condition, parse.GetResult(repetitions) is null ? Calibration.DefaultRepetitions : reps, seedValue, line => stderr.WriteLine(line));
                foreach (var fit in report.Fits)
                {
                    ConsoleText.Line(stdout, string.Create(CultureInfo.InvariantCulture, $"{report.Condition}: {fit.Parameter} = {fit.Value:0.0000} ({fit.Target})"));
                }

                foreach (var line in report.Lines)
                {
                    ConsoleText.Line(stdout, line);
                }

                return LdnApp.Success;
            }

            var file = parse.GetValue(design);
            var name = parse.GetValue(preset);
            if ((file is null) == (name is null))
            {
                throw new InvalidInputException($"Give exactly one of --design FILE or --preset NAME (presets: {string.Join(", ", TrialPresets.Names)}).");
            }

            var reportPath = ReportOutput.Check(parse, report, file);
            TrialDesign trial;
            if (file is not null)
            {
                trial = TrialDesignReader.Read(TextFiles.ReadUtf8(file, "trial file", 1 << 20), file);
            }
            else
            {
                trial = TrialPresets.Find(name!);
            }

            TrialResult result;
            using (var progress = new TerminalProgress(stderr, "trial subjects"))
            {
                result = TrialSimulator.Run(trial, OccupancyScenarios.Parse(parse.GetValue(scenario)!), reps, seedValue, progress: progress.Report);
            }

            if (reportPath is not null)
            {
                ReportOutput.Write(reportPath, TrialReport.Build(result, ParameterSets.Default), new(ReportOutput.CommandLine(parse), seedValue, ParameterSets.Default.Name), stderr);
            }

            if (parse.GetValue(json))
            {
                TrialJson.Write(result, stdout);
            }
            else
            {
                TrialView.Write(result, stdout);
            }

            return LdnApp.Success;
        });
        return command;
    }
}
