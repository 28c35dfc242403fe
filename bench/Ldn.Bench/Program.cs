using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ldn.Bench -- --filter '*'
// dotnet run -c Release --project bench/Ldn.Bench -- coverage [replicates]   (the analysis' coverage study)
if (args.Length > 0 && args[0] == "coverage")
{
    return Ldn.Bench.CoverageStudy.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Ldn.Bench.PatientYearBenchmark).Assembly).Run(args);
return 0;
