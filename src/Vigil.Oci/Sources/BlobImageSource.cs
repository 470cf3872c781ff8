using Vigil.Core;
using Vigil.Oci.Manifests;
using Vigil.Oci.Streams;

namespace Vigil.Oci.Sources;

/// <summary>An image whose layers are blobs of a store, verified against their digests as they stream.</summary>
internal sealed class BlobImageSource(IBlobStore store, ArtifactInfo artifact, IReadOnlyList<ImageLayer> layers, ImageConfig config)
    : IImageSource
{
    public ArtifactInfo Artifact => artifact;

    public IReadOnlyList<ImageLayer> Layers => layers;

    public ImageConfig? Config => config;

    public async Task<Stream> OpenLayerAsync(ImageLayer layer, CancellationToken cancellationToken)
    {
        var raw = await store.OpenBlobAsync(layer.Digest, cancellationToken);
        return new DigestVerifyingStream(raw, layer.Digest, layer.Size >= 0 ? layer.Size : null, $"layer {layer.Index} of {artifact.Name}", hashInBackground: true);
    }

    public ValueTask DisposeAsync() => store.DisposeAsync();
}
