using BenchmarkDotNet.Attributes;
using Ldn.Core.Dosing;
using Ldn.Core.Pharmacology;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Units;

namespace Ldn.Bench;

/// <summary>
/// Issue 2's figure: one patient-year of daily LDN (365 bedtime doses of 4.5 mg) at 15-minute output
/// (35,041 rows), both scenarios, including summaries — what <c>ldn simulate</c> does, minus printing.
/// </summary>
[MemoryDiagnoser]
public class PatientYearBenchmark
{
    private readonly Regimen _regimen = Regimen.Repeated(Mass.FromMilligrams(4.5), ClockTime.Parse("22:00"), Duration.FromHours(24), 365, Formulation.Capsule);
    private readonly ModelParameters _parameters = ParameterSets.Default;

    [Benchmark(Description = "simulate 365 daily doses, 15-min output, scenarios A+B")]
    public SimulationResult PatientYear() =>
        Simulator.Run(_regimen, _parameters, Duration.FromMinutes(15), [OccupancyScenario.A, OccupancyScenario.B]);
}
