using Vigil.VulnDb.Osv;

namespace Vigil.VulnDb.Storage;

/// <summary>
/// The vulnerability database: OSV records indexed by ecosystem and package name, filled by atomic imports, with a
/// version that changes whenever its content changes.
/// </summary>
/// <remarks>
/// Implementations are safe for concurrent use. Readers always see a complete database: an import that fails or is killed
/// leaves the previous content in place. SQLite is the built-in implementation; the contract is storage-neutral so that a
/// server database (PostgreSQL) can serve a whole cluster.
/// </remarks>
public interface IAdvisoryStore
{
    /// <summary>Raised after an import committed content that changed the <see cref="AdvisoryDbVersion.Fingerprint"/>.</summary>
    event EventHandler<AdvisoryDbChangedEventArgs>? Changed;

    /// <summary>
    /// Imports documents in one transaction. Malformed documents are counted and reported, never fatal; withdrawn records
    /// are left out (and removed when present).
    /// </summary>
    Task<ImportResult> ImportAsync(ImportRequest request, IAsyncEnumerable<OsvDocument> documents, CancellationToken cancellationToken);

    /// <summary>
    /// The records with an affected entry for <paramref name="packageName"/> in <paramref name="ecosystemName"/> (base name,
    /// any release). The name is normalized with <see cref="Naming.PackageNames"/>.
    /// </summary>
    Task<IReadOnlyList<OsvRecord>> FindAsync(string ecosystemName, string packageName, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="FindAsync"/> for many names of one ecosystem in one query (a scan's cold start). The result is keyed by
    /// normalized name and holds only names that have records; a record naming several of the names is shared, not copied.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<OsvRecord>>> FindManyAsync(string ecosystemName, IReadOnlyCollection<string> packageNames, CancellationToken cancellationToken);

    /// <summary>Every normalized package name with at least one advisory in <paramref name="ecosystemName"/> (base name).</summary>
    Task<IReadOnlySet<string>> GetPackageNamesAsync(string ecosystemName, CancellationToken cancellationToken);

    /// <summary>One record by id, or null.</summary>
    Task<OsvRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The current content version: cheap, meant for polling.</summary>
    Task<AdvisoryDbVersion> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>Sources, counts per ecosystem and the schema version, for <c>vigil db status</c>.</summary>
    Task<AdvisoryStoreStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>What the last update of <paramref name="source"/> recorded (ETag, watermark), or null when never imported.</summary>
    Task<SourceState?> GetSourceStateAsync(string source, CancellationToken cancellationToken);
}
