using System.IO.Compression;

namespace Vigil.Oci.Tests.Support;

/// <summary>Byte-level helpers for hand-made layer blobs.</summary>
internal static class Blobs
{
    public static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }

    /// <summary>A tar without its two zero end blocks, and <paramref name="extra"/> more bytes cut.</summary>
    public static byte[] WithoutEndMarker(byte[] tar, int extra = 0)
    {
        var end = tar.Length;
        while (end >= 512 && tar.AsSpan(end - 512, 512).IndexOfAnyExcept((byte)0) < 0)
        {
            end -= 512;
        }

        return tar[..(end - extra)];
    }
}
