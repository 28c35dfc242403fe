using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ldn.Bench -- --filter '*'
// dotnet run -c Release --project bench/Ldn.Bench -- coverage [replicates]   (the analysis' coverage study)
// dotnet run -c Release --project bench/Ldn.Bench -- fit [structure|all] [replicates]   (ldn fit's bootstrap timing)
// dotnet run -c Release --project bench/Ldn.Bench -- population-speed [n] [outputStepHours] [structure]   (subjects/s per core)
// dotnet run -c Release --project bench/Ldn.Bench -- population-accuracy [N] [DAYS] [structure]   (fast vs tight reference; A, B, slow-pool, two-site)
if (args.Length > 0 && args[0] == "population-speed")
{
    return Ldn.Bench.PopulationSpeed.Run(args);
}

if (args.Length > 0 && args[0] == "population-profile")
{
    return Ldn.Bench.PopulationProfile.Run(args);
}

if (args.Length > 0 && args[0] == "population-accuracy")
{
    return Ldn.Bench.PopulationAccuracy.Run(args);
}

if (args.Length > 0 && args[0] == "fit")
{
    return Ldn.Bench.FitBenchmark.Run(args);
}

if (args.Length > 0 && args[0] == "coverage")
{
    return Ldn.Bench.CoverageStudy.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Ldn.Bench.PatientYearBenchmark).Assembly).Run(args);
return 0;
