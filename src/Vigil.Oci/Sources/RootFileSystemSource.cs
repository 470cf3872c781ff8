using Vigil.Core;
using Vigil.Oci.Manifests;

namespace Vigil.Oci.Sources;

/// <summary>A plain root file system directory (an unpacked image, a chroot): one implicit layer, no manifest.</summary>
public sealed class RootFileSystemSource : IImageSource
{
    /// <summary>Opens <paramref name="directory"/>, which must exist.</summary>
    public RootFileSystemSource(string directory)
    {
        RootDirectory = Path.GetFullPath(directory);
        if (!Directory.Exists(RootDirectory))
        {
            throw new DirectoryNotFoundException($"Root file system directory '{directory}' does not exist.");
        }

        Artifact = new ArtifactInfo(directory, ArtifactKind.RootFileSystem);
    }

    /// <summary>The absolute path of the root directory.</summary>
    public string RootDirectory { get; }

    /// <inheritdoc/>
    public ArtifactInfo Artifact { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ImageLayer> Layers => [];

    /// <inheritdoc/>
    public ImageConfig? Config => null;

    /// <inheritdoc/>
    public Task<Stream> OpenLayerAsync(ImageLayer layer, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A root file system directory has no layer blobs; LayeredImageReader walks it directly.");

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
