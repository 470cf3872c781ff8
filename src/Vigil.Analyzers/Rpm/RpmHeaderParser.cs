using System.Buffers.Binary;
using System.Text;

namespace Vigil.Analyzers.Rpm;

/// <summary>
/// Decodes an rpm header blob as the rpm database stores it: a big-endian index count and data length, the index entries
/// (tag, type, offset, count; 16 bytes each), then the data store.
/// </summary>
public static class RpmHeaderParser
{
    private const int TagName = 1000;
    private const int TagVersion = 1001;
    private const int TagRelease = 1002;
    private const int TagEpoch = 1003;
    private const int TagLicense = 1014;
    private const int TagArch = 1022;
    private const int TagSourceRpm = 1044;
    private const int TypeInt32 = 4;
    private const int TypeString = 6;
    private const int TypeStringArray = 8;
    private const int TypeI18nString = 9;

    /// <summary>The package, or an error describing why the blob cannot be read (truncated, inconsistent).</summary>
    public static (RpmRecord? Record, string? Error) Parse(ReadOnlySpan<byte> blob)
    {
        if (blob.Length < 8)
        {
            return (null, "rpm header is truncated (shorter than its 8-byte preamble)");
        }

        var indexCount = BinaryPrimitives.ReadInt32BigEndian(blob);
        var dataLength = BinaryPrimitives.ReadInt32BigEndian(blob[4..]);
        if (indexCount <= 0 || indexCount > 0x10000 || dataLength < 0 || dataLength > 256 * 1024 * 1024)
        {
            return (null, $"rpm header has an implausible size ({indexCount} entries, {dataLength} data bytes)");
        }

        var dataStart = 8 + (indexCount * 16);
        if (blob.Length < dataStart + dataLength)
        {
            return (null, $"rpm header is truncated: {blob.Length} bytes, {dataStart + dataLength} declared");
        }

        var data = blob.Slice(dataStart, dataLength);
        string? name = null, version = null, release = null, arch = null, sourceRpm = null, license = null;
        int? epoch = null;
        for (var i = 0; i < indexCount; i++)
        {
            var entry = blob.Slice(8 + (i * 16), 16);
            var tag = BinaryPrimitives.ReadInt32BigEndian(entry);
            var type = BinaryPrimitives.ReadInt32BigEndian(entry[4..]);
            var offset = BinaryPrimitives.ReadInt32BigEndian(entry[8..]);
            if (offset < 0 || offset >= data.Length)
            {
                continue;
            }

            switch (tag)
            {
                case TagName: name = ReadString(data, offset, type); break;
                case TagVersion: version = ReadString(data, offset, type); break;
                case TagRelease: release = ReadString(data, offset, type); break;
                case TagArch: arch = ReadString(data, offset, type); break;
                case TagSourceRpm: sourceRpm = ReadString(data, offset, type); break;
                case TagLicense: license = ReadString(data, offset, type); break;
                case TagEpoch when type == TypeInt32 && offset + 4 <= data.Length:
                    epoch = BinaryPrimitives.ReadInt32BigEndian(data[offset..]);
                    break;
            }
        }

        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version) || release is null)
        {
            return (null, "rpm header has no name, version or release");
        }

        return (new RpmRecord(name, epoch, version, release, arch, string.IsNullOrEmpty(sourceRpm) || sourceRpm == "(none)" ? null : sourceRpm, license), null);
    }

    private static string? ReadString(ReadOnlySpan<byte> data, int offset, int type)
    {
        if (type is not (TypeString or TypeStringArray or TypeI18nString))
        {
            return null;
        }

        var rest = data[offset..];
        var end = rest.IndexOf((byte)0);
        return end < 0 ? null : Encoding.UTF8.GetString(rest[..end]);
    }

    /// <summary>Splits a source rpm file name (<c>glibc-2.34-60.el9.src.rpm</c>) into name and version-release.</summary>
    public static (string Name, string Version)? ParseSourceRpm(string sourceRpm)
    {
        ArgumentNullException.ThrowIfNull(sourceRpm);
        var stem = sourceRpm.EndsWith(".src.rpm", StringComparison.Ordinal) ? sourceRpm[..^8]
            : sourceRpm.EndsWith(".nosrc.rpm", StringComparison.Ordinal) ? sourceRpm[..^10] : null;
        if (stem is null)
        {
            return null;
        }

        var releaseDash = stem.LastIndexOf('-');
        var versionDash = releaseDash > 0 ? stem.LastIndexOf('-', releaseDash - 1) : -1;
        return versionDash > 0 ? (stem[..versionDash], stem[(versionDash + 1)..]) : null;
    }
}
