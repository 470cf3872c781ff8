using Microsoft.Extensions.Options;
using Vigil.Core;
using Vigil.Gates.Abstractions;
using Vigil.Scanning.Pipeline;

namespace Vigil.Gates.Cache;

/// <summary>
/// Findings from a cached SBOM: the inventory Vigil made of this digest earlier (by <c>vigil scan</c>, the controller or
/// the push gate), re-matched now against the current vulnerability database. Fast, and no layer is pulled.
/// </summary>
/// <remarks>
/// The SBOM cache is keyed by digest and platform; an admission request carries only the digest, so the configured
/// platforms are tried in turn, as a manifest digest and then as a pinned index digest (file look-ups, no reads until
/// one exists).
/// </remarks>
public sealed class SbomCacheFindingSource(IInventoryCache inventories, ScanService scans, IOptions<FindingSourceOptions> options, TimeProvider timeProvider) : IFindingSource
{
    /// <inheritdoc/>
    public string Name => "sbom-cache";

    /// <inheritdoc/>
    public async ValueTask<ImageScanResult?> FindAsync(Digest digest, CancellationToken cancellationToken)
    {
        var platforms = options.Value.Platforms.Select(Platform.Parse).ToList();
        foreach (var platform in platforms.Select(p => (Platform?)p).Prepend(null))
        {
            var artifact = new ArtifactInfo(digest.ToString(), ArtifactKind.Image) { ManifestDigest = digest, Platform = platform };
            if (await inventories.GetAsync(artifact, cancellationToken).ConfigureAwait(false) is { } inventory)
            {
                return await MatchAsync(digest, inventory, cancellationToken).ConfigureAwait(false);
            }
        }

        // A multi-platform image's index digest (what most pod specs pin) names no inventory itself: the pin recorded
        // when it was scanned for a platform leads to that platform's manifest.
        foreach (var platform in platforms)
        {
            if (await inventories.GetPinnedAsync(digest, platform, cancellationToken).ConfigureAwait(false) is { } inventory)
            {
                return await MatchAsync(digest, inventory, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private async Task<ImageScanResult> MatchAsync(Digest digest, Inventory inventory, CancellationToken cancellationToken)
    {
        var outcome = await scans.ScanInventoryAsync(inventory, cancellationToken).ConfigureAwait(false);
        return new ImageScanResult(digest, outcome.Findings, timeProvider.GetUtcNow());
    }
}
