using Vigil.Analyzers.Abstractions;
using Vigil.Core;
using Vigil.Scanning.Sbom;

namespace Vigil.Scanning.Pipeline;

/// <summary>
/// The SBOM cache as the pipeline sees it: looks inventories up under the versions of the analyzers that run now, so a
/// newer analyzer makes old entries misses instead of serving stale package lists.
/// </summary>
public sealed class AnalyzerAwareInventoryCache : IInventoryCache
{
    private readonly SbomCache cache;
    private readonly IReadOnlyDictionary<string, int> analyzerVersions;

    /// <summary>Creates the adapter over <paramref name="cache"/> for the registered <paramref name="analyzers"/>.</summary>
    public AnalyzerAwareInventoryCache(SbomCache cache, IEnumerable<IPackageAnalyzer> analyzers)
    {
        this.cache = cache;
        analyzerVersions = new SortedDictionary<string, int>(analyzers.ToDictionary(a => a.Id, a => a.Version), StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public async ValueTask<Inventory?> GetAsync(ArtifactInfo artifact, CancellationToken cancellationToken) =>
        await cache.GetAsync(artifact, analyzerVersions, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask PutAsync(Inventory inventory, CancellationToken cancellationToken) =>
        await cache.PutAsync(inventory, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask<Inventory?> GetPinnedAsync(Digest requested, Platform platform, CancellationToken cancellationToken) =>
        await cache.GetPinnedAsync(requested, platform, analyzerVersions, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask PinAsync(Digest requested, Platform platform, Inventory inventory, CancellationToken cancellationToken) =>
        await cache.PinAsync(requested, platform, SbomCacheKey.For(inventory), cancellationToken);
}
