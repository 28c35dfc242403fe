using System.Diagnostics;
using System.Globalization;
using Ldn.Core.Tests.Journal;

namespace Ldn.Bench;

/// <summary>
/// The full coverage study of the journal analysis' 95% intervals (issue 10, item 6): every cell of
/// <see cref="JournalAnalysisCoverageStudy"/> — the product's protocol (14 baseline days, 14-day steps at
/// 1.5 and 3 mg, 28 days at 4.5 mg) under AR(1) noise with φ = 0, 0.3, 0.6 and 0.8, with no effect and with
/// −0.4 points per mg, and the demo journal — with <c>replicates</c> journals each (default 1,000). Prints
/// one line per interval kind: coverage ± its Monte-Carlo standard error, as a Markdown table.
/// Run: <c>bench/coverage.sh [replicates]</c>.
/// </summary>
internal static class CoverageStudy
{
    public static int Run(string[] args)
    {
        var replicates = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var cells = new List<JournalAnalysisCoverageStudy.Cell>();
        foreach (var phi in new[] { 0.0, 0.3, 0.6, 0.8 })
        {
            cells.Add(JournalAnalysisCoverageStudy.Protocol(phi, effect: false));
            cells.Add(JournalAnalysisCoverageStudy.Protocol(phi, effect: true));
        }

        cells.Add(JournalAnalysisCoverageStudy.Demo());
        var clock = Stopwatch.StartNew();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Coverage of the 95% intervals, {replicates} journals per cell (coverage ± Monte-Carlo SE; intervals estimated; journals where not; mean width in scale points or points per mg)"));
        Console.WriteLine();
        Console.WriteLine("| cell | interval | coverage | estimated | not estimated | mean width |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var cell in cells)
        {
            foreach (var t in JournalAnalysisCoverageStudy.Run(cell, replicates))
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {cell.Name} | {t.Interval} | {100 * t.Coverage:0.0}% ± {100 * t.StandardError:0.0} | {t.Estimated} | {t.NotEstimated} | {t.MeanWidth:0.00} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"({clock.Elapsed.TotalSeconds:0} s)"));
        return 0;
    }
}
