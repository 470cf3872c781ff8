using Microsoft.Extensions.Logging;
using Vigil.Analyzers;
using Vigil.Core;
using Vigil.Oci;
using Vigil.Oci.Layers;

namespace Vigil.Scanning.Pipeline;

/// <summary>
/// Turns an image input (registry reference, OCI layout, image archive, root file-system directory) into an
/// <see cref="Inventory"/>: opens it, streams its layers once through the analyzers, keeps what survives whiteouts.
/// </summary>
public sealed class ImageInventoryService
{
    private readonly ImageSourceResolver resolver;
    private readonly LayeredImageReader reader;
    private readonly Func<InventoryBuilder> newBuilder;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<ImageInventoryService> logger;

    /// <summary>Creates the service from its parts; <paramref name="newBuilder"/> makes one fresh builder per image.</summary>
    public ImageInventoryService(
        ImageSourceResolver resolver,
        LayeredImageReader reader,
        Func<InventoryBuilder> newBuilder,
        TimeProvider timeProvider,
        ILogger<ImageInventoryService> logger)
    {
        this.resolver = resolver;
        this.reader = reader;
        this.newBuilder = newBuilder;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Opens <paramref name="input"/> and inventories it, unless <paramref name="cache"/> has it already.</summary>
    /// <param name="input">Anything <see cref="ImageSourceResolver.OpenAsync"/> accepts.</param>
    /// <param name="cache">
    /// Inventories by image identity; what this call reads is stored in it. A pinned registry reference
    /// (<c>repo@sha256:…</c>) seen before is answered without a request to the registry. Null to always read the layers.
    /// </param>
    /// <param name="progress">Per-layer byte progress, for the CLI's progress bars.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <param name="refresh">Read the layers even when the cache has the image, and replace its entry (<c>--skip-cache</c>).</param>
    public async Task<InventoryResult> InventoryAsync(
        string input,
        IInventoryCache? cache,
        IProgress<LayerProgress>? progress,
        CancellationToken cancellationToken,
        bool refresh = false)
    {
        var pinned = cache is null ? null : ImageSourceResolver.PinnedRegistryReference(input);
        if (!refresh && pinned?.Digest is { } pinnedDigest && await cache!.GetPinnedAsync(pinnedDigest, resolver.Platform, cancellationToken) is { } known)
        {
            logger.LogDebug("Inventory of {Image} taken from the SBOM cache without contacting the registry", input);
            return new InventoryResult(Renamed(known, pinned.ToString(), pinned.Name), FromCache: true);
        }

        await using var source = await resolver.OpenAsync(input, cancellationToken);
        InventoryResult result;
        if (!refresh && cache is not null && source.Artifact.ManifestDigest is not null && await cache.GetAsync(source.Artifact, cancellationToken) is { } hit)
        {
            logger.LogDebug("Inventory of {Image} ({Digest}) taken from the SBOM cache", input, source.Artifact.ManifestDigest);
            result = new InventoryResult(Renamed(hit, source.Artifact.Name, source.Artifact.Repository), FromCache: true);
        }
        else
        {
            result = new InventoryResult(await ReadAsync(input, source, progress, cancellationToken), FromCache: false);
            if (cache is not null && result.Inventory.Artifact.ManifestDigest is not null)
            {
                await cache.PutAsync(result.Inventory, cancellationToken);
            }
        }

        if (pinned?.Digest is { } digest && result.Inventory.Artifact.ManifestDigest is not null)
        {
            await cache!.PinAsync(digest, resolver.Platform, result.Inventory, cancellationToken);
        }

        return result;
    }

    // The cache is keyed by digest: the same image may have been scanned under another name (tag, repository).
    private static Inventory Renamed(Inventory inventory, string name, string? repository) =>
        inventory with { Artifact = inventory.Artifact with { Name = name, Repository = repository } };

    private async Task<Inventory> ReadAsync(string input, IImageSource source, IProgress<LayerProgress>? progress, CancellationToken cancellationToken)
    {
        var builder = newBuilder();
        var fileSystem = await reader.ReadAsync(source, builder, options: null, progress, cancellationToken);
        var inventory = builder.Build(fileSystem, source.Artifact, timeProvider);
        if (fileSystem.Warnings.Count > 0)
        {
            inventory = inventory with { Warnings = [.. fileSystem.Warnings, .. inventory.Warnings] };
        }

        logger.LogInformation(
            "Inventoried {Image}: {Packages} packages in {Layers} layers, {Warnings} warnings",
            input, inventory.Packages.Count, source.Layers.Count, inventory.Warnings.Count);
        return inventory;
    }
}
