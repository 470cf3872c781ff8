namespace Vigil.Oci.Layers;

/// <summary>Decompression limits shared by the layers of one image: total uncompressed bytes and per-layer ratio.</summary>
internal sealed class ImageBudget(LayerReadOptions options)
{
    private long total;

    /// <summary>Accounts <paramref name="read"/> more uncompressed bytes of a layer; throws when a limit is passed.</summary>
    public void Charge(ImageLayer layer, long layerUncompressed, long layerCompressed, int read)
    {
        if (Interlocked.Add(ref total, read) > options.MaxUncompressedBytes)
        {
            throw new ImageReadException(
                $"Layer {layer.Index} ({layer.Digest}) stopped: the image expands to more than {options.MaxUncompressedBytes} bytes (decompression bomb limit).");
        }

        if (layerUncompressed > options.RatioCheckThreshold
            && layerUncompressed > options.MaxCompressionRatio * Math.Max(layerCompressed, 1))
        {
            throw new ImageReadException(
                $"Layer {layer.Index} ({layer.Digest}) stopped: {layerUncompressed} bytes from {layerCompressed} compressed exceeds the compression ratio limit of {options.MaxCompressionRatio} (decompression bomb).");
        }
    }
}
