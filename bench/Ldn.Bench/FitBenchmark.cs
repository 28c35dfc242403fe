using System.Diagnostics;
using System.Globalization;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Fitting;
using Ldn.Core.Pharmacology.Observations;
using Ldn.Core.Pharmacology.Parameters;

namespace Ldn.Bench;

/// <summary>
/// <c>ldn fit</c>'s cost (issue 12): one structure's maximum-likelihood fit with its profile intervals and a
/// parametric bootstrap of <c>replicates</c> refits (default 500) on all cores, timed three times after a warm-up
/// run with 5 replicates. Run: <c>dotnet run -c Release --project bench/Ldn.Bench -- fit [structure|all] [replicates]</c>.
/// </summary>
internal static class FitBenchmark
{
    public static int Run(string[] args)
    {
        var structures = OccupancyScenarios.ParseStructures(args.Length > 1 ? args[1] : "all");
        var replicates = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ldn fit, {replicates} bootstrap replicates, {Environment.ProcessorCount} cores (seconds; best of 3)"));
        Console.WriteLine();
        Console.WriteLine("| structure | fit + profiles + bootstrap (s) | replicates converged |");
        Console.WriteLine("|---|---|---|");
        foreach (var structure in structures)
        {
            StructureFitter.Fit(structure, ObservationCatalog.Shipped, ParameterSets.Default, new FitOptions(Replicates: 5));
            var best = double.PositiveInfinity;
            var converged = 0;
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                var report = StructureFitter.Fit(structure, ObservationCatalog.Shipped, ParameterSets.Default, new FitOptions(Replicates: replicates));
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
                converged = report.BootstrapReplicates;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {structure.Name()} | {best:0.00} | {converged}/{replicates} |"));
        }

        return 0;
    }
}
