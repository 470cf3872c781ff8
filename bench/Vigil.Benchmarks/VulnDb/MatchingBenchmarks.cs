using BenchmarkDotNet.Attributes;
using Vigil.Core;
using Vigil.Scanning.Matching;
using Vigil.VulnDb.Index;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.Benchmarks.VulnDb;

/// <summary>Matching one inventory of 500 real packages against the database of all staged OSV data, warm and cold index.</summary>
/// <remarks>In-process: the repository's build rules (warnings as errors) reject BenchmarkDotNet's generated project.</remarks>
[ShortRunJob]
[InProcess]
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private string _directory = string.Empty;
    private SqliteAdvisoryStore _store = null!;
    private AdvisoryIndex _warmIndex = null!;
    private VulnerabilityMatcher _warmMatcher = null!;
    private Inventory _inventory500 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "vigil-bench-match-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = SharedOsvData.ImportAllAsync(Path.Combine(_directory, "db.sqlite")).GetAwaiter().GetResult();
        _inventory500 = SharedOsvData.Inventories(1, 500)[0];
        _warmIndex = new AdvisoryIndex(_store);
        _warmMatcher = new VulnerabilityMatcher(_warmIndex, MatcherCatalog.CreateDefault());
        var findings = _warmMatcher.MatchAsync(_inventory500, default).GetAwaiter().GetResult().Findings.Count;
        Console.WriteLine($"// 500 packages: {findings} findings");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _warmIndex.Dispose();
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "500 packages, warm index")]
    public Task<MatchResult> Match500Warm() => _warmMatcher.MatchAsync(_inventory500, default);

    [Benchmark(Description = "500 packages, cold index")]
    public async Task<MatchResult> Match500Cold()
    {
        using var index = new AdvisoryIndex(_store);
        return await new VulnerabilityMatcher(index, MatcherCatalog.CreateDefault()).MatchAsync(_inventory500, default);
    }
}
