using System.Diagnostics;
using System.Globalization;
using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Population;
using Ldn.Core.Units;

namespace Ldn.Bench;

/// <summary>
/// <c>population-speed [n] [outputStepHours] [structure]</c> (issue 12 item 8): the reference workload (n = 10,000
/// subjects × 84 days of daily 4.5 mg, structure slow-pool by default as in <c>ldn population</c>, generic condition, seed 42, hourly grid by default)
/// through <see cref="PopulationRunner"/> in process, after a warm-up run, on 1 and 2 threads and with both
/// engines. The main figure is subjects per CPU-second (process CPU time, so other programs on a shared
/// machine do not count against it); wall-clock rate and the load average are printed beside it.
/// </summary>
internal static class PopulationSpeed
{
    public static int Run(string[] args)
    {
        var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var step = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1.0;
        var scenario = args.Length > 3 ? OccupancyScenarios.ParseStructures(args[3])[0] : new PopulationSettings(1, 42, Mass.FromMilligrams(4.5), 12).Scenario;
        var model = ParameterSets.Default;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"population {n:N0} × 84 days, 4.5 mg daily, structure {scenario.Name()}, output step {step} h, {Environment.ProcessorCount} cores"));
        Console.WriteLine("| engine | threads | wall (s) | CPU (s) | subjects/s per core (CPU) | subjects/s (wall) | load average (1 min) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var engine in new[] { PopulationEngine.Fast, PopulationEngine.Reference })
        {
            var count = engine == PopulationEngine.Fast ? n : Math.Min(n, 1000);
            Measure(model, scenario, engine, 256, 1, step);
            foreach (var threads in new[] { 1, 2 })
            {
                var (wall, cpu) = Measure(model, scenario, engine, count, threads, step);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {engine.ToString().ToLowerInvariant()} (n={count:N0}) | {threads} | {wall:0.000} | {cpu:0.000} | {count / cpu:N0} | {count / wall:N0} | {LoadAverage()} |"));
            }
        }

        return 0;
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static (double Wall, double Cpu) Measure(ModelParameters model, OccupancyScenario scenario, PopulationEngine engine, int n, int threads, double step)
    {
        var settings = new PopulationSettings(n, 42, Mass.FromMilligrams(4.5), 12)
        {
            OutputStep = Duration.FromHours(step),
            Threads = threads,
            Engine = engine,
            Scenario = scenario,
        };
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        PopulationRunner.Run(model, ConditionCatalog.Generic, settings);
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
