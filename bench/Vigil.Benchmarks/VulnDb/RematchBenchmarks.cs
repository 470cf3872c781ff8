using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Vigil.Core;
using Vigil.Scanning.Matching;
using Vigil.VulnDb.Index;
using Vigil.VulnDb.Storage.Sqlite;

namespace Vigil.Benchmarks.VulnDb;

/// <summary>
/// Re-matching 1,000 cached inventories of 300 packages after a database change: a new (cold) index, as the controller
/// has right after an update, shared by all inventories.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[InProcess]
public class RematchBenchmarks
{
    private string _directory = string.Empty;
    private SqliteAdvisoryStore _store = null!;
    private IReadOnlyList<Inventory> _inventories = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "vigil-bench-rematch-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = SharedOsvData.ImportAllAsync(Path.Combine(_directory, "db.sqlite")).GetAwaiter().GetResult();
        _inventories = SharedOsvData.Inventories(1000, 300);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "re-match 1,000 inventories x 300 packages, cold index")]
    public async Task<int> Rematch1000()
    {
        using var index = new AdvisoryIndex(_store);
        var matcher = new VulnerabilityMatcher(index, MatcherCatalog.CreateDefault());
        var findings = 0;
        foreach (var inventory in _inventories)
        {
            findings += (await matcher.MatchAsync(inventory, default)).Findings.Count;
        }

        return findings;
    }
}
