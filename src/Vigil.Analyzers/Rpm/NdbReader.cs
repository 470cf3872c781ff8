using System.Buffers.Binary;

namespace Vigil.Analyzers.Rpm;

/// <summary>
/// Reads the header blobs of rpm's NDB package database (<c>Packages.db</c>, SUSE): a header page of slots
/// (<c>Slot</c>, package index, block offset, block count), each pointing at a <c>BlbS</c> blob of 16-byte blocks.
/// </summary>
public static class NdbReader
{
    private const uint HeaderMagic = 'R' | ('p' << 8) | ('m' << 16) | ('P' << 24);
    private const uint SlotMagic = 'S' | ('l' << 8) | ('o' << 16) | ('t' << 24);
    private const uint BlobMagic = 'B' | ('l' << 8) | ('b' << 16) | ('S' << 24);
    private const int SlotPageSize = 4096;
    private const int SlotSize = 16;
    private const int BlockSize = 16;
    private const int BlobHeaderSize = 16;

    /// <summary>Whether <paramref name="data"/> starts with the NDB magic.</summary>
    public static bool IsNdb(ReadOnlySpan<byte> data) => data.Length >= 16 && BinaryPrimitives.ReadUInt32LittleEndian(data) == HeaderMagic;

    /// <summary>Every package blob, plus errors for slots that could not be read.</summary>
    /// <exception cref="InvalidDataException">The header is not NDB's.</exception>
    public static (IReadOnlyList<byte[]> Blobs, IReadOnlyList<string> Errors) ReadBlobs(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!IsNdb(data))
        {
            throw new InvalidDataException("not an rpm NDB database");
        }

        var slotPages = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(12));
        if (slotPages == 0 || (long)slotPages * SlotPageSize > data.Length)
        {
            throw new InvalidDataException($"NDB database declares {slotPages} slot pages, more than the file holds");
        }

        var blobs = new List<byte[]>();
        var errors = new List<string>();

        // The first two slot positions hold the database header.
        var slotCount = (int)(slotPages * (SlotPageSize / SlotSize));
        for (var i = 2; i < slotCount; i++)
        {
            var slot = data.AsSpan(i * SlotSize, SlotSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(slot) != SlotMagic)
            {
                continue;
            }

            var packageIndex = BinaryPrimitives.ReadUInt32LittleEndian(slot[4..]);
            var blockOffset = BinaryPrimitives.ReadUInt32LittleEndian(slot[8..]);
            if (packageIndex == 0)
            {
                continue;
            }

            var start = (long)blockOffset * BlockSize;
            if (start + BlobHeaderSize > data.Length)
            {
                errors.Add($"NDB slot {i}: blob offset {start} lies outside the file");
                continue;
            }

            var header = data.AsSpan((int)start, BlobHeaderSize);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != BlobMagic || BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != packageIndex)
            {
                errors.Add($"NDB slot {i}: blob at {start} has a bad magic or package index");
                continue;
            }

            if (start + BlobHeaderSize + length > data.Length)
            {
                errors.Add($"NDB slot {i}: blob of {length} bytes is truncated");
                continue;
            }

            blobs.Add(data.AsSpan((int)start + BlobHeaderSize, (int)length).ToArray());
        }

        return (blobs, errors);
    }
}
