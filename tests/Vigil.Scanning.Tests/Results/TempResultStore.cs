using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Vigil.Scanning.Results;

namespace Vigil.Scanning.Tests.Results;

/// <summary>A results store on a fresh temporary file, deleted afterwards.</summary>
internal sealed class TempResultStore : IDisposable
{
    public TempResultStore()
    {
        DirectoryPath = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigil-results-" + Guid.NewGuid().ToString("N"));
        DatabasePath = System.IO.Path.Combine(DirectoryPath, "results.db");
        Store = new SqliteResultStore(DatabasePath, Time);
    }

    public string DirectoryPath { get; }

    public string DatabasePath { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));

    public SqliteResultStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a test for.
        }
    }
}
