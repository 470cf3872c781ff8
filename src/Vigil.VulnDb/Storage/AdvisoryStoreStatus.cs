namespace Vigil.VulnDb.Storage;

/// <summary>A summary of the database for people and health checks.</summary>
/// <param name="Location">Where the database is (file path or server).</param>
/// <param name="Version">The content version.</param>
/// <param name="Sources">Every source with its last update.</param>
/// <param name="EcosystemCounts">Records per ecosystem base name, largest first.</param>
public sealed record AdvisoryStoreStatus(
    string Location,
    AdvisoryDbVersion Version,
    IReadOnlyList<SourceState> Sources,
    IReadOnlyList<KeyValuePair<string, long>> EcosystemCounts)
{
    /// <summary>Size on disk in bytes, where known.</summary>
    public long? SizeBytes { get; init; }
}
