using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ldn.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Ldn.Bench.PatientYearBenchmark).Assembly).Run(args);
