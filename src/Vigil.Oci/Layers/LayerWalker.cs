using System.Formats.Tar;
using Vigil.Core;
using Vigil.Core.FileSystem;
using Vigil.Oci.Streams;
using ZstdSharp;

namespace Vigil.Oci.Layers;

/// <summary>
/// Reads one layer once, as a stream: decompresses, walks the tar, hands wanted regular files to the visitor, records
/// whiteouts and writes, and drains the blob so that its digest is verified. Nothing is written to disk.
/// </summary>
internal sealed class LayerWalker(
    ImageLayer layer,
    IFileVisitor visitor,
    LayerReadOptions options,
    ImageBudget budget,
    IProgress<LayerProgress>? progress)
{
    private const int BufferSize = 256 * 1024;
    private const int CompressedBufferSize = 1024 * 1024;
    private const long ProgressStep = 1024 * 1024;
    private const int SkipBufferSize = 2 * BufferSize;
    private const long SkipInTarReaderBelow = 64 * 1024;

    private readonly LayerChanges changes = new();
    private readonly List<ScanWarning> warnings = [];
    private long nextProgress = ProgressStep;

    /// <summary>Warnings met in this layer.</summary>
    public IReadOnlyList<ScanWarning> Warnings => warnings;

    /// <summary>Regular files in this layer.</summary>
    public long Files { get; private set; }

    private string Subject => $"layer {layer.Index} ({layer.Digest})";

    /// <summary>Walks the layer blob; returns what the layer does to lower layers.</summary>
    public async Task<LayerChanges> WalkAsync(Stream blob, CancellationToken cancellationToken)
    {
        var compressed = new CountingStream(blob, (total, _) => ReportProgress(total));
        try
        {
            // Decompressors read their input 8 KiB at a time: a large buffer keeps those reads off the async I/O path.
            await using var tarStream = await LayerDecompressor.OpenAsync(new BufferedStream(compressed, CompressedBufferSize), cancellationToken);
            var buffered = new BufferedStream(tarStream, BufferSize);
            await using var counted = new CountingStream(
                buffered, (total, read) => budget.Charge(layer, total, compressed.BytesRead, read));
            await WalkTarAsync(counted, cancellationToken);

            // Read what follows the end of the archive (zero blocks, trailing data) and the rest of the blob: the digest
            // is checked at the end of the blob, and the limits keep applying to anything appended.
            await counted.CopyToAsync(Stream.Null, BufferSize, cancellationToken);
            await compressed.CopyToAsync(Stream.Null, BufferSize, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or HttpIOException)
        {
            throw new ImageReadException($"Reading the {Subject} failed: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ZstdException or FormatException
                                       || ex is ArgumentException && ex.Source == "System.Formats.Tar")
        {
            throw new ImageReadException($"The {Subject} is corrupt or truncated: {ex.Message}", ex);
        }

        progress?.Report(new LayerProgress(layer.Index, layer.Digest, compressed.BytesRead, layer.Size >= 0 ? layer.Size : null, Completed: true));
        return changes;
    }

    private async Task WalkTarAsync(CountingStream tar, CancellationToken cancellationToken)
    {
        await using var reader = new TarReader(tar, leaveOpen: true);
        long entries = 0;
        string? lastName = null;
        long dataStart = 0, dataEnd = 0, paddedEnd = 0;
        while (true)
        {
            TarEntry? entry;
            try
            {
                entry = await reader.GetNextEntryAsync(copyData: false, cancellationToken);
            }
            catch (EndOfStreamException ex)
            {
                var at = tar.BytesRead;
                if (lastName is not null && at < dataEnd)
                {
                    throw new ImageReadException(
                        $"The {Subject} is truncated: it ends inside the data of '{lastName}' after {at - dataStart} of {dataEnd - dataStart} bytes.", ex);
                }

                if (at <= paddedEnd)
                {
                    // End of stream at an entry boundary or inside the last entry's padding: the archive just lacks its
                    // end marker (umoci 0.4 writes such layers). That is the end, not corruption.
                    return;
                }

                throw new ImageReadException($"The {Subject} is truncated: it ends inside a tar header.", ex);
            }

            if (entry is null)
            {
                return;
            }

            if (++entries > options.MaxEntriesPerLayer)
            {
                throw new ImageReadException($"The {Subject} has more than {options.MaxEntriesPerLayer} entries (limit).");
            }

            lastName = entry.Name;
            dataStart = tar.BytesRead;
            dataEnd = dataStart + entry.Length;
            paddedEnd = dataStart + ((entry.Length + 511) & ~511L);
            await VisitEntryAsync(entry, cancellationToken);
        }
    }

    private async ValueTask VisitEntryAsync(TarEntry entry, CancellationToken cancellationToken)
    {
        var path = TarPath.Normalize(entry.Name);
        if (path is null)
        {
            Warn(entry.Name, "entry path climbs above the image root ('..'); skipped");
            return;
        }

        if (entry.EntryType != TarEntryType.Directory && changes.TryAddWhiteout(path))
        {
            return;
        }

        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                changes.AddWritten(path, isDirectory: true);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                changes.AddWritten(path, isDirectory: false);
                Files++;
                await VisitFileAsync(entry, path, cancellationToken);
                break;
            case TarEntryType.SymbolicLink or TarEntryType.HardLink:
                changes.AddWritten(path, isDirectory: false);
                CheckLink(entry, path);
                break;
            case TarEntryType.CharacterDevice or TarEntryType.BlockDevice:
                changes.AddWritten(path, isDirectory: false);
                Warn(path, "device file; skipped");
                break;
            case TarEntryType.Fifo:
                changes.AddWritten(path, isDirectory: false);
                break;
            default:
                Warn(path, $"unsupported tar entry type {entry.EntryType}; skipped");
                break;
        }
    }

    private async ValueTask VisitFileAsync(TarEntry entry, string path, CancellationToken cancellationToken)
    {
        var file = new FileEntry(path, entry.Length, entry.Mode, layer.Index, layer.Digest);
        if (!visitor.Wants(file))
        {
            await SkipAsync(entry.DataStream, cancellationToken);
            return;
        }

        if (entry.Length > options.MaxFileSize)
        {
            Warn(path, $"file of {entry.Length} bytes is larger than the {options.MaxFileSize}-byte limit; not read");
            return;
        }

        await visitor.VisitAsync(file, entry.DataStream ?? Stream.Null, cancellationToken);
    }

    /// <summary>
    /// Reads past a file nobody wants in large steps. Left to the tar reader, it would be skipped 4 KiB at a time, each
    /// step copied out of the decompressor's buffer; a read larger than that buffer lets the decompressor write here
    /// directly.
    /// </summary>
    private static async ValueTask SkipAsync(Stream? data, CancellationToken cancellationToken)
    {
        if (data is null || data.Length <= SkipInTarReaderBelow)
        {
            return;
        }

        var scratch = System.Buffers.ArrayPool<byte>.Shared.Rent(SkipBufferSize);
        try
        {
            while (await data.ReadAsync(scratch.AsMemory(0, SkipBufferSize), cancellationToken) > 0)
            {
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private void CheckLink(TarEntry entry, string path)
    {
        var target = entry.LinkName;
        var escapes = entry.EntryType == TarEntryType.HardLink
            ? TarPath.Normalize(target) is null
            : TarPath.EscapesRoot(path, target);
        if (escapes)
        {
            Warn(path, $"{(entry.EntryType == TarEntryType.HardLink ? "hard link" : "symbolic link")} points outside the image ('{target}'); not followed");
        }
    }

    private void Warn(string source, string message) => warnings.Add(new ScanWarning($"{source} ({Subject})", message));

    private void ReportProgress(long total)
    {
        if (progress is not null && total >= nextProgress)
        {
            nextProgress = total + ProgressStep;
            progress.Report(new LayerProgress(layer.Index, layer.Digest, total, layer.Size >= 0 ? layer.Size : null, Completed: false));
        }
    }
}
