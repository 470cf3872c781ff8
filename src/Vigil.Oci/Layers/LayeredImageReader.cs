using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Core.FileSystem;
using Vigil.Oci.Sources;

namespace Vigil.Oci.Layers;

/// <summary>
/// Streams every layer of an image once, handing the files a visitor wants to it, and returns the layered file system
/// that tells which of them survive whiteouts and overwrites. Layers of one image are read concurrently (bounded by
/// <see cref="LayerReadOptions.MaxConcurrentLayers"/>); files of one layer are visited one after the other.
/// </summary>
/// <remarks>Thread-safe; one instance serves any number of images.</remarks>
public sealed class LayeredImageReader
{
    private readonly LayerReadOptions defaults;
    private readonly ILogger<LayeredImageReader> logger;

    /// <summary>Creates the reader with the layer limits of <see cref="OciOptions.Layers"/>.</summary>
    public LayeredImageReader(IOptions<OciOptions> options, ILogger<LayeredImageReader> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        defaults = options.Value.Layers;
        this.logger = logger;
    }

    /// <summary>A reader with default limits (or <paramref name="options"/>), without dependency injection.</summary>
    public static LayeredImageReader Create(OciOptions? options = null) =>
        new(Options.Create(options ?? new OciOptions()), NullLogger<LayeredImageReader>.Instance);

    /// <summary>Reads all layers of <paramref name="source"/> (or walks its root directory) into <paramref name="visitor"/>.</summary>
    /// <param name="source">The opened image.</param>
    /// <param name="visitor">Decides which files are read and reads them.</param>
    /// <param name="options">Limits for this image; null for the configured ones.</param>
    /// <param name="progress">Receives bytes read per layer (for CLI progress bars); may be null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Which visited files survive, and the warnings met.</returns>
    /// <exception cref="ImageReadException">A layer is corrupt, truncated, does not match its digest, or passes a limit.</exception>
    public async Task<LayeredFileSystem> ReadAsync(
        IImageSource source,
        IFileVisitor visitor,
        LayerReadOptions? options = null,
        IProgress<LayerProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(visitor);
        options ??= defaults;
        if (source is RootFileSystemSource directory)
        {
            var walker = new DirectoryWalker(directory.RootDirectory, visitor, options);
            await walker.WalkAsync(cancellationToken);
            return new LayeredFileSystem([new LayerChanges()], walker.Warnings, walker.Files);
        }

        var budget = new ImageBudget(options);
        var walkers = source.Layers.Select(l => new LayerWalker(l, visitor, options, budget, progress)).ToArray();
        var changes = new LayerChanges[walkers.Length];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.MaxConcurrentLayers),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, walkers.Length), parallel, async (i, ct) =>
        {
            var layer = source.Layers[i];
            logger.LogDebug("Reading layer {Index} {Digest} of {Image}", layer.Index, layer.Digest, source.Artifact.Name);
            await using var blob = await source.OpenLayerAsync(layer, ct);
            changes[i] = await walkers[i].WalkAsync(blob, ct);
        });

        var warnings = walkers.SelectMany(w => w.Warnings).ToList();
        foreach (var warning in warnings)
        {
            logger.LogWarning("{Image}: {Warning}", source.Artifact.Name, warning);
        }

        return new LayeredFileSystem(changes, warnings, walkers.Sum(w => w.Files));
    }
}
