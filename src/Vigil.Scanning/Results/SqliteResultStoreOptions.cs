namespace Vigil.Scanning.Results;

/// <summary>Where the SQLite results store lives.</summary>
public sealed class SqliteResultStoreOptions
{
    /// <summary>The database file; created with its folder when missing. Default: <c>results.db</c> in the working directory.</summary>
    public string DatabasePath { get; set; } = "results.db";
}
