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

    /// <summary>Opens <paramref name="input"/> and inventories it, unless <paramref name="cached"/> has it already.</summary>
    /// <param name="input">Anything <see cref="ImageSourceResolver.OpenAsync"/> accepts.</param>
    /// <param name="cached">Looks an inventory up by artifact (manifest digest + platform); null to always read the layers.</param>
    /// <param name="progress">Per-layer byte progress, for the CLI's progress bars.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<InventoryResult> InventoryAsync(
        string input,
        Func<ArtifactInfo, CancellationToken, ValueTask<Inventory?>>? cached,
        IProgress<LayerProgress>? progress,
        CancellationToken cancellationToken)
    {
        await using var source = await resolver.OpenAsync(input, cancellationToken);
        if (cached is not null && source.Artifact.ManifestDigest is not null
            && await cached(source.Artifact, cancellationToken) is { } hit)
        {
            logger.LogDebug("Inventory of {Image} ({Digest}) taken from the SBOM cache", input, source.Artifact.ManifestDigest);
            // The cache is keyed by digest: the same image may have been scanned under another name (tag, repository).
            var artifact = hit.Artifact with { Name = source.Artifact.Name, Repository = source.Artifact.Repository };
            return new InventoryResult(hit with { Artifact = artifact }, FromCache: true);
        }

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
        return new InventoryResult(inventory, FromCache: false);
    }
}
