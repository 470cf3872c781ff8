using Vigil.Core;
using Vigil.Oci.Layers;
using Vigil.Scanning.Matching;
using Vigil.VulnDb.Index;

namespace Vigil.Scanning.Pipeline;

/// <summary>
/// The scan pipeline: image → inventory (from the SBOM cache when the digest was seen before) → findings.
/// Used by <c>vigil scan</c>, the controller, and the gates alike.
/// </summary>
public sealed class ScanService
{
    private readonly ImageInventoryService images;
    private readonly VulnerabilityMatcher matcher;
    private readonly IAdvisoryIndex index;
    private readonly IInventoryCache? cache;

    /// <summary>Creates the pipeline; without <paramref name="cache"/> every scan reads the layers.</summary>
    public ScanService(ImageInventoryService images, VulnerabilityMatcher matcher, IAdvisoryIndex index, IInventoryCache? cache = null)
    {
        this.images = images;
        this.matcher = matcher;
        this.index = index;
        this.cache = cache;
    }

    /// <summary>Scans an image input: a registry reference, an OCI layout, an image archive or (with <c>dir:</c>) a root file system.</summary>
    public async Task<ScanOutcome> ScanImageAsync(string input, ScanRequestOptions options, IProgress<LayerProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = await images.InventoryAsync(input, cache, progress, cancellationToken, refresh: options.SkipCache);
        return await MatchAsync(result.Inventory, result.FromCache, cancellationToken);
    }

    /// <summary>Matches an inventory made elsewhere (an SBOM file, a cached SBOM being re-matched).</summary>
    public Task<ScanOutcome> ScanInventoryAsync(Inventory inventory, CancellationToken cancellationToken) =>
        MatchAsync(inventory, fromCache: false, cancellationToken);

    private async Task<ScanOutcome> MatchAsync(Inventory inventory, bool fromCache, CancellationToken cancellationToken)
    {
        var version = await index.RefreshAsync(cancellationToken);
        var matched = await matcher.MatchAsync(inventory, cancellationToken);
        return new ScanOutcome(inventory, matched.Findings, [.. inventory.Warnings, .. matched.Warnings], matched.DatabaseVersion ?? version, fromCache);
    }
}
