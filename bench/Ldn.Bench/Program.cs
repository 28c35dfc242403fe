using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ldn.Bench -- --filter '*'
// dotnet run -c Release --project bench/Ldn.Bench -- coverage [replicates]   (the analysis' coverage study)
// dotnet run -c Release --project bench/Ldn.Bench -- fit [structure|all] [replicates]   (ldn fit's bootstrap timing)
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
