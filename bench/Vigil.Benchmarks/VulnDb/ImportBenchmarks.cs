using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Vigil.Benchmarks.VulnDb;

/// <summary>Importing all staged OSV data (osv/ and osv-converted/) into a new SQLite database; reports the database size.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 2)]
[InProcess]
public class ImportBenchmarks
{
    private string _directory = string.Empty;

    [IterationSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "vigil-bench-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
    }

    [IterationCleanup]
    public void Cleanup()
    {
        var file = new FileInfo(Path.Combine(_directory, "db.sqlite"));
        Console.WriteLine($"// database size: {file.Length / 1024.0 / 1024.0:F1} MiB");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Description = "import all staged OSV data")]
    public async Task ImportAll()
    {
        using var store = await SharedOsvData.ImportAllAsync(Path.Combine(_directory, "db.sqlite"));

        // Fold the WAL into the main file so the size printed is the database's.
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store.DatabasePath}");
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await checkpoint.ExecuteNonQueryAsync();
    }
}
