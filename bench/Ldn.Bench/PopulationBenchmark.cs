using BenchmarkDotNet.Attributes;
using Ldn.Core.Conditions;
using Ldn.Core.Pharmacology.Parameters;
using Ldn.Core.Population;
using Ldn.Core.Units;

namespace Ldn.Bench;

/// <summary>
/// A virtual population: 10,000 patients × 84 days of daily 4.5 mg, scenario B on the default (fast)
/// engine, hourly grid (2017 points), p5/p50/p95 kept
/// through <see cref="PopulationRunner"/> on all cores — what <c>ldn population --output-step 1h</c>
/// does, minus printing. Work per subject-day: see <see cref="PopulationResult.AcceptedSteps"/>.
/// </summary>
[MemoryDiagnoser]
public class PopulationBenchmark
{
    private readonly ModelParameters _parameters = ParameterSets.Default;
    private readonly PopulationSettings _settings = new(10_000, 42, Mass.FromMilligrams(4.5), 12) { OutputStep = Duration.FromHours(1) };

    [Benchmark(Description = "population 10,000 × 84 days, hourly percentiles, all cores")]
    public PopulationResult TenThousandPatients() => PopulationRunner.Run(_parameters, ConditionCatalog.Generic, _settings);
}
