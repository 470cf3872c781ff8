using BenchmarkDotNet.Running;

// BenchmarkDotNet benchmarks (run: dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*').
// Whole-process comparisons with peer tools live in bench/*.sh.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
