using System.IO.Compression;
using System.Runtime.CompilerServices;

namespace Vigil.VulnDb.Osv;

/// <summary>
/// Enumerates OSV documents from what users and mirrors hand over: an <c>all.zip</c> archive (flat JSON entries, as the
/// OSV bucket publishes them), a directory of JSON files or zips, or a single JSON file.
/// </summary>
public static class OsvDocumentReader
{
    /// <summary>The largest single record accepted; real records are a few hundred KiB at most.</summary>
    public const int MaxDocumentBytes = 32 * 1024 * 1024;

    /// <summary>Reads every document under <paramref name="path"/> (zip, directory or JSON file).</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static async IAsyncEnumerable<OsvDocument> ReadPathAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                await foreach (var document in ReadFileAsync(file, cancellationToken).ConfigureAwait(false))
                {
                    yield return document;
                }
            }

            yield break;
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No OSV zip, directory or JSON file at '{path}'.", path);
        }

        await foreach (var document in ReadFileAsync(path, cancellationToken).ConfigureAwait(false))
        {
            yield return document;
        }
    }

    /// <summary>Reads the JSON entries of a zip archive; other entries are skipped, as are entries larger than <see cref="MaxDocumentBytes"/>.</summary>
    /// <remarks>
    /// Entries are inflated synchronously into buffers of their declared size: the archive is local (a file or a buffered
    /// download), and one large read per entry is several times faster than the async stream path.
    /// </remarks>
    public static async IAsyncEnumerable<OsvDocument> ReadZipAsync(Stream zip, string origin, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in archive.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!entry.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || entry.Length > MaxDocumentBytes)
            {
                continue;
            }

            byte[]? content;
            using (var stream = entry.Open())
            {
                content = ReadEntry(stream, (int)entry.Length);
            }

            if (content is not null)
            {
                yield return new OsvDocument($"{origin}!{entry.FullName}", content);
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static byte[]? ReadEntry(Stream stream, int declaredLength)
    {
        var buffer = new byte[declaredLength];
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            return null;
        }

        // A lying header (more data than declared) is a zip bomb or corruption: skip the entry.
        return stream.ReadByte() == -1 ? buffer : null;
    }

    private static async IAsyncEnumerable<OsvDocument> ReadFileAsync(string file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            var stream = File.OpenRead(file);
            await using (stream.ConfigureAwait(false))
            {
                await foreach (var document in ReadZipAsync(stream, file, cancellationToken).ConfigureAwait(false))
                {
                    yield return document;
                }
            }

            yield break;
        }

        var info = new FileInfo(file);
        if (info.Length <= MaxDocumentBytes)
        {
            yield return new OsvDocument(file, await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Reads a stream to its end, or returns null when it is larger than <see cref="MaxDocumentBytes"/> (a zip bomb).</summary>
    internal static async Task<byte[]?> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
