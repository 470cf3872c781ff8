using System.IO.Compression;
using Vigil.Oci.Streams;
using ZstdSharp;

namespace Vigil.Oci.Layers;

/// <summary>Recognizes a layer's compression by its magic bytes (not its media type, which tools get wrong) and undoes it.</summary>
internal static class LayerDecompressor
{
    /// <summary>The layer compressions Vigil reads.</summary>
    public enum Compression
    {
        /// <summary>A plain tar.</summary>
        None,

        /// <summary>gzip (1f 8b).</summary>
        Gzip,

        /// <summary>Zstandard (28 b5 2f fd).</summary>
        Zstd,
    }

    /// <summary>The compression of a stream starting with <paramref name="head"/>.</summary>
    public static Compression Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return Compression.Gzip;
        }

        return head.Length >= 4 && head[0] == 0x28 && head[1] == 0xb5 && head[2] == 0x2f && head[3] == 0xfd
            ? Compression.Zstd
            : Compression.None;
    }

    /// <summary>Opens the uncompressed tar of a layer blob; the returned stream owns <paramref name="blob"/>.</summary>
    public static async ValueTask<Stream> OpenAsync(Stream blob, CancellationToken cancellationToken)
    {
        var sniffed = await PrefixedStream.PeekAsync(blob, 4, cancellationToken);
        return Detect(sniffed.Head) switch
        {
            Compression.Gzip => new GZipStream(sniffed, CompressionMode.Decompress),
            Compression.Zstd => new DecompressionStream(sniffed, bufferSize: 1 << 17),
            _ => sniffed,
        };
    }
}
