using System.Diagnostics;
using System.Globalization;
using Ldn.Core.Conditions;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Population;
using Ldn.Core.Population.Fast;
using Ldn.Core.Units;

namespace Ldn.Bench;

/// <summary>
/// <c>population-profile [n]</c>: where a fast population run's time goes, one thread, hourly grid, process
/// CPU seconds of the second of two rounds: drawing the subjects alone, drawing plus the engine with a sink
/// that does nothing, and the whole <see cref="PopulationRunner.Run"/> (plus scores and histogram).
/// </summary>
internal static class PopulationProfile
{
    public static int Run(string[] args)
    {
        var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var model = ParameterSets.Default;
        var condition = ConditionCatalog.Generic;
        var regimen = Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 84, Formulation.Capsule, Duration.FromDays(84));
        var grid = PopulationRunner.Grid(84 * 24, 1.0);
        var schedule = StepSchedule.Create([.. regimen.Administrations.Select(a => a.Time.Hours)], grid, PopulationRunner.FastMaxStepHours(OccupancyScenario.B));
        double[] plannedMg = [.. regimen.Administrations.Select(a => a.Amount.Milligrams)];
        const int Batch = 256;
        var engine = new FastSubjectEngine(schedule, plannedMg.Length, Batch);
        var taken = new (int, double)[Batch];
        var subjects = new VirtualSubject[Batch];
        var settings = new PopulationSettings(n, 42, Mass.FromMilligrams(4.5), 12) { OutputStep = Duration.FromHours(1), Threads = 1 };
        double draw = 0, run = 0, whole = 0, histogramOnly = 0;
        for (var round = 0; round < 2; round++)
        {
            var t0 = Cpu();
            for (var first = 0; first < n; first += Batch)
            {
                for (var s = 0; s < Batch; s++)
                {
                    subjects[s] = VirtualSubject.Draw(model, condition, 42, first + s);
                }
            }

            var t1 = Cpu();
            for (var first = 0; first < n; first += Batch)
            {
                for (var s = 0; s < Batch; s++)
                {
                    subjects[s] = VirtualSubject.Draw(model, condition, 42, first + s);
                }

                var sink = default(Nothing);
                engine.Run(subjects, plannedMg, Formulation.Capsule, OccupancyScenario.B, false, ref sink, taken);
            }

            var t2 = Cpu();
            PopulationRunner.Run(model, condition, settings);
            var t3 = Cpu();
            var histogram = new PopulationHistogram(grid.Length, 0, 100);
            var row = new SubjectSample[Batch];
            for (var s = 0; s < Batch; s++)
            {
                row[s] = new SubjectSample(0.5 + (s * 0.001), 0.8 + (s * 0.002), 0.9 + (s * 0.0005), 90 + (s * 0.03));
            }

            var t4 = Cpu();
            for (var first = 0; first < n; first += Batch)
            {
                for (var point = 0; point < grid.Length; point++)
                {
                    histogram.AddPoint(point, row);
                }
            }

            histogramOnly = Cpu() - t4;
            (draw, run, whole) = (t1 - t0, t2 - t1, t3 - t2);
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{n:N0} subjects × 84 days, hourly grid, one thread, process CPU s: draw {draw:0.000}; draw + engine {run:0.000}; whole run {whole:0.000} ({n / whole:N0} subjects/s); histogram alone (synthetic rows) {histogramOnly:0.000}; load {PopulationSpeed.LoadAverage()}"));
        return 0;
    }

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private readonly struct Nothing : IPointSink
    {
        public void OnPoint(int point, Span<SubjectSample> samples)
        {
        }
    }
}
