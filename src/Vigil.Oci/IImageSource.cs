using Vigil.Core;
using Vigil.Oci.Manifests;

namespace Vigil.Oci;

/// <summary>
/// An opened image, whatever it came from (registry, OCI layout, oci-archive, docker-archive, root file system directory):
/// what it is and its layers as streams. Made by <see cref="ImageSourceResolver"/>, read by
/// <see cref="Layers.LayeredImageReader"/>.
/// </summary>
public interface IImageSource : IAsyncDisposable
{
    /// <summary>What the image is: name, manifest and config digests, repository, platform, layer digests.</summary>
    ArtifactInfo Artifact { get; }

    /// <summary>The layers, base first; empty for a root file system directory.</summary>
    IReadOnlyList<ImageLayer> Layers { get; }

    /// <summary>The image configuration, or null for a root file system directory.</summary>
    ImageConfig? Config { get; }

    /// <summary>
    /// Opens a layer blob, as stored (possibly compressed). The stream verifies the content against the layer digest and
    /// throws at its end on mismatch, so read it to the end. Layers may be opened concurrently.
    /// </summary>
    Task<Stream> OpenLayerAsync(ImageLayer layer, CancellationToken cancellationToken);
}
