using System.Text;

namespace Vigil.Analyzers;

/// <summary>Reads small text files from forward-only streams with a size cap.</summary>
internal static class TextReading
{
    /// <summary>Reads at most <paramref name="maxBytes"/> bytes as UTF-8 (invalid bytes become U+FFFD).</summary>
    public static async Task<string> ReadAllTextAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllBytesAsync(stream, maxBytes, cancellationToken);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads at most <paramref name="maxBytes"/> bytes; throws <see cref="InvalidDataException"/> beyond that.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > maxBytes)
            {
                throw new InvalidDataException($"file is larger than the {maxBytes}-byte limit for this kind of file");
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }
}
