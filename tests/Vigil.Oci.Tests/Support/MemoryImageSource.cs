using Vigil.Core;
using Vigil.Oci.Manifests;
using Vigil.Oci.Streams;

namespace Vigil.Oci.Tests.Support;

/// <summary>An image whose layer blobs are byte arrays: for hostile and malformed layers no tool would write.</summary>
internal sealed class MemoryImageSource : IImageSource
{
    private readonly List<byte[]> blobs;

    public MemoryImageSource(params byte[][] blobs)
    {
        this.blobs = [.. blobs];
        Layers = blobs.Select((b, i) => new ImageLayer(i, Digest.Sha256(b), b.Length, "application/vnd.oci.image.layer.v1.tar")).ToList();
        Artifact = new ArtifactInfo("memory", ArtifactKind.Image) { Layers = Layers.Select(l => l.Digest).ToList() };
    }

    public ArtifactInfo Artifact { get; }

    public IReadOnlyList<ImageLayer> Layers { get; }

    public ImageConfig? Config => null;

    public Task<Stream> OpenLayerAsync(ImageLayer layer, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new DigestVerifyingStream(new MemoryStream(blobs[layer.Index]), layer.Digest, layer.Size, $"layer {layer.Index}"));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
