namespace Vigil.Oci.Layers;

/// <summary>Limits and concurrency for reading image layers; the defaults suit real images and stop hostile ones.</summary>
public sealed class LayerReadOptions
{
    /// <summary>Layers fetched and walked at the same time (default 3; 1 reads them one by one).</summary>
    public int MaxConcurrentLayers { get; set; } = 3;

    /// <summary>Largest file handed to a visitor; bigger wanted files are skipped with a warning (default 512 MiB).</summary>
    public long MaxFileSize { get; set; } = 512L * 1024 * 1024;

    /// <summary>Most uncompressed bytes read over all layers of one image (default 64 GiB).</summary>
    public long MaxUncompressedBytes { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>Largest uncompressed/compressed ratio of a layer, checked past <see cref="RatioCheckThreshold"/> (default 1000).</summary>
    public double MaxCompressionRatio { get; set; } = 1000;

    /// <summary>Uncompressed bytes of a layer after which the ratio is enforced (default 64 MiB: small layers compress well).</summary>
    public long RatioCheckThreshold { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most tar entries in one layer (default 2,000,000).</summary>
    public long MaxEntriesPerLayer { get; set; } = 2_000_000;
}
