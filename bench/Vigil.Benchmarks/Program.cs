using BenchmarkDotNet.Running;

namespace Vigil.Benchmarks;

/// <summary>
/// BenchmarkDotNet entry point: <c>dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*'</c>.
/// Whole-process comparisons with peer tools live in <c>bench/*.sh</c>.
/// </summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
