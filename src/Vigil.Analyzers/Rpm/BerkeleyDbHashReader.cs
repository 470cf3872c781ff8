using System.Buffers.Binary;

namespace Vigil.Analyzers.Rpm;

/// <summary>
/// Reads the values of a Berkeley DB hash database (rpm's legacy <c>/var/lib/rpm/Packages</c>): walks every hash page and
/// collects each data item, following overflow page chains for values larger than a page.
/// </summary>
public static class BerkeleyDbHashReader
{
    private const uint HashMagic = 0x061561;
    private const int PageHeaderSize = 26;
    private const byte PageTypeHashUnsorted = 2;
    private const byte PageTypeHash = 13;
    private const byte PageTypeOverflow = 7;
    private const byte ItemKeyData = 1;
    private const byte ItemOffPage = 3;

    /// <summary>Whether <paramref name="data"/> starts with a Berkeley DB hash metadata page.</summary>
    public static bool IsHashDatabase(ReadOnlySpan<byte> data) =>
        data.Length >= 24 && (BinaryPrimitives.ReadUInt32LittleEndian(data[12..]) == HashMagic || BinaryPrimitives.ReadUInt32BigEndian(data[12..]) == HashMagic);

    /// <summary>Every stored value, plus errors for items that could not be read.</summary>
    /// <exception cref="InvalidDataException">The metadata page is not a hash database's.</exception>
    public static (IReadOnlyList<byte[]> Values, IReadOnlyList<string> Errors) ReadValues(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!IsHashDatabase(data))
        {
            throw new InvalidDataException("not a Berkeley DB hash database");
        }

        var little = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(12)) == HashMagic;
        var pageSize = (int)U32(data, 20, little);
        if (pageSize is < 512 or > 65536 || (pageSize & (pageSize - 1)) != 0)
        {
            throw new InvalidDataException($"Berkeley DB page size {pageSize} is invalid");
        }

        var values = new List<byte[]>();
        var errors = new List<string>();
        var pageCount = data.Length / pageSize;
        for (var page = 1; page < pageCount; page++)
        {
            var p = data.AsSpan(page * pageSize, pageSize);
            if (p[25] is not (PageTypeHash or PageTypeHashUnsorted))
            {
                continue;
            }

            int entries = U16(p, 20, little);
            if (PageHeaderSize + (entries * 2) > pageSize)
            {
                errors.Add($"page {page}: {entries} entries do not fit the page");
                continue;
            }

            // Items alternate key, value; only values (odd indexes) hold rpm headers.
            for (var i = 1; i < entries; i += 2)
            {
                int offset = U16(p, PageHeaderSize + (i * 2), little);
                int end = i == 0 ? pageSize : U16(p, PageHeaderSize + ((i - 1) * 2), little);
                if (offset >= pageSize || end > pageSize || end <= offset)
                {
                    errors.Add($"page {page}: item {i} lies outside the page");
                    continue;
                }

                switch (p[offset])
                {
                    case ItemKeyData:
                        values.Add(p[(offset + 1)..end].ToArray());
                        break;
                    case ItemOffPage when offset + 12 <= pageSize:
                        var value = ReadOverflow(data, pageSize, U32(p, offset + 4, little), U32(p, offset + 8, little), little, out var error);
                        if (value is null)
                        {
                            errors.Add($"page {page}: {error}");
                        }
                        else
                        {
                            values.Add(value);
                        }

                        break;
                }
            }
        }

        return (values, errors);
    }

    private static byte[]? ReadOverflow(byte[] data, int pageSize, uint firstPage, uint totalLength, bool little, out string? error)
    {
        error = null;
        if (totalLength > 256 * 1024 * 1024)
        {
            error = $"overflow value of {totalLength} bytes is implausible";
            return null;
        }

        var result = new byte[totalLength];
        var filled = 0;
        var page = firstPage;
        var visited = new HashSet<uint>();
        while (page != 0 && filled < totalLength)
        {
            if (!visited.Add(page) || (long)(page + 1) * pageSize > data.Length)
            {
                error = $"overflow chain from page {firstPage} is broken (page {page} missing or repeated)";
                return null;
            }

            var p = data.AsSpan((int)(page * pageSize), pageSize);
            if (p[25] != PageTypeOverflow)
            {
                error = $"overflow chain from page {firstPage} reaches page {page}, which is not an overflow page";
                return null;
            }

            // On overflow pages the "free area offset" field holds the number of bytes used.
            int used = U16(p, 22, little);
            var take = Math.Min(Math.Min(used, pageSize - PageHeaderSize), (int)totalLength - filled);
            p.Slice(PageHeaderSize, take).CopyTo(result.AsSpan(filled));
            filled += take;
            page = U32(p, 16, little);
        }

        if (filled < totalLength)
        {
            error = $"overflow value from page {firstPage} is truncated ({filled} of {totalLength} bytes)";
            return null;
        }

        return result;
    }

    private static ushort U16(ReadOnlySpan<byte> s, int at, bool little) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt16BigEndian(s[at..]);

    private static uint U32(ReadOnlySpan<byte> s, int at, bool little) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt32BigEndian(s[at..]);
}
