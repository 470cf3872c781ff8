using System.Buffers;
using System.Text;

namespace Vigil.Analyzers.GoBinary;

/// <summary>
/// Finds and decodes Go build information (<c>runtime/debug.BuildInfo</c>) in a binary read front to back, so a forward-only
/// stream suffices: the blob starts with the magic <c>\xff Go buildinf:</c> and, since Go 1.18, carries the version and
/// module strings inline after its 32-byte header.
/// </summary>
public static class GoBuildInfoParser
{
    private const int HeaderSize = 32;
    private const int MaxBlob = 4 * 1024 * 1024;
    private const int ChunkSize = 256 * 1024;
    private static readonly byte[] Magic = [0xff, .. " Go buildinf:"u8];

    /// <summary>The outcome of a scan.</summary>
    public sealed record Result(bool IsElf, GoBuildInfo? Info, string? Error);

    /// <summary>Scans <paramref name="stream"/>; non-ELF input gives <c>IsElf = false</c> and nothing else.</summary>
    public static async Task<Result> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);

        // Most executables are not Go: scan through one small pooled chunk; only a found blob gets a larger buffer.
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var filled = await stream.ReadAtLeastAsync(chunk.AsMemory(0, ChunkSize), ChunkSize, throwOnEndOfStream: false, cancellationToken);
            if (!Elf.ElfFile.HasMagic(chunk.AsSpan(0, filled)))
            {
                return new Result(false, null, null);
            }

            while (true)
            {
                var at = chunk.AsSpan(0, filled).IndexOf(Magic);
                if (at >= 0)
                {
                    return await DecodeFromAsync(stream, chunk.AsMemory(at, filled - at), cancellationToken);
                }

                // Keep the tail that could hold the start of the magic.
                var keep = Math.Min(filled, Magic.Length - 1);
                Buffer.BlockCopy(chunk, filled - keep, chunk, 0, keep);
                var read = await stream.ReadAtLeastAsync(chunk.AsMemory(keep, ChunkSize - keep), ChunkSize - keep, throwOnEndOfStream: false, cancellationToken);
                if (read == 0)
                {
                    return new Result(true, null, null);
                }

                filled = keep + read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static async Task<Result> DecodeFromAsync(Stream stream, ReadOnlyMemory<byte> start, CancellationToken cancellationToken)
    {
        var blob = ArrayPool<byte>.Shared.Rent(MaxBlob);
        try
        {
            var length = Math.Min(start.Length, MaxBlob);
            start[..length].CopyTo(blob);
            length += await stream.ReadAtLeastAsync(blob.AsMemory(length, MaxBlob - length), MaxBlob - length, throwOnEndOfStream: false, cancellationToken);
            return Decode(blob.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(blob);
        }
    }

    private static Result Decode(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < HeaderSize)
        {
            return new Result(true, null, "Go build information is truncated");
        }

        const byte FlagsVersionInline = 0x2;
        if ((blob[15] & FlagsVersionInline) == 0)
        {
            return new Result(true, null, "Go build information predates Go 1.18 (pointer format); not read");
        }

        var rest = blob[HeaderSize..];
        if (!TryReadBytes(ref rest, out var version) || !TryReadBytes(ref rest, out var modinfo))
        {
            return new Result(true, null, "Go build information is truncated");
        }

        // The module text is framed by 16-byte binary sentinels.
        if (modinfo.Length >= 33 && modinfo[^17] == (byte)'\n')
        {
            modinfo = modinfo[16..^16];
        }

        return new Result(true, ParseModInfo(Encoding.UTF8.GetString(version), Encoding.UTF8.GetString(modinfo)), null);
    }

    /// <summary>Parses the textual module information (<c>path</c>, <c>mod</c>, <c>dep</c>, <c>=&gt;</c> lines).</summary>
    public static GoBuildInfo ParseModInfo(string goVersion, string modinfo)
    {
        ArgumentNullException.ThrowIfNull(modinfo);
        string? mainPath = null;
        (string, string)? main = null;
        var deps = new List<(string Path, string Version)>();
        var lastWasDep = false;
        foreach (var line in modinfo.Split('\n'))
        {
            var fields = line.Split('\t');
            switch (fields[0])
            {
                case "path" when fields.Length >= 2:
                    mainPath = fields[1];
                    break;
                case "mod" when fields.Length >= 3:
                    main = (fields[1], fields[2]);
                    break;
                case "dep" when fields.Length >= 3:
                    deps.Add((fields[1], fields[2]));
                    lastWasDep = true;
                    continue;
                case "dep" when fields.Length == 2:
                    deps.Add((fields[1], string.Empty));
                    lastWasDep = true;
                    continue;
                case "=>" when lastWasDep && deps.Count > 0:
                    // A replacement by a local directory has no version: the module cannot be matched.
                    deps[^1] = fields.Length >= 3 ? (fields[1], fields[2]) : (fields[1], string.Empty);
                    break;
            }

            lastWasDep = false;
        }

        return new GoBuildInfo(goVersion, mainPath, main, deps);
    }

    private static bool TryReadBytes(ref ReadOnlySpan<byte> data, out ReadOnlySpan<byte> value)
    {
        value = default;
        ulong length = 0;
        var shift = 0;
        var i = 0;
        while (true)
        {
            if (i >= data.Length || shift > 35)
            {
                return false;
            }

            var b = data[i++];
            length |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                break;
            }

            shift += 7;
        }

        if (length > (ulong)(data.Length - i))
        {
            return false;
        }

        value = data.Slice(i, (int)length);
        data = data[(i + (int)length)..];
        return true;
    }
}
