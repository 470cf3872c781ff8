using System.Buffers.Binary;
using System.Text;

namespace Vigil.Analyzers.Tests.Support;

/// <summary>Writes a minimal little-endian ELF64 file with the given named sections (and a section name table).</summary>
public static class ElfBuilder
{
    public static byte[] Build(params (string Name, byte[] Data)[] sections)
    {
        var names = new MemoryStream();
        names.WriteByte(0);
        var nameOffsets = new List<int>();
        foreach (var (name, _) in sections.Append((".shstrtab", Array.Empty<byte>())))
        {
            nameOffsets.Add((int)names.Length);
            names.Write(Encoding.ASCII.GetBytes(name + "\0"));
        }

        var body = new MemoryStream();
        body.Write(new byte[64]);
        var placed = new List<(long Offset, long Size)>();
        foreach (var (_, data) in sections)
        {
            placed.Add((body.Length, data.Length));
            body.Write(data);
        }

        placed.Add((body.Length, names.Length));
        body.Write(names.ToArray());
        while (body.Length % 8 != 0)
        {
            body.WriteByte(0);
        }

        var shoff = body.Length;
        var count = placed.Count + 1;
        body.Write(new byte[64]); // The null section.
        for (var i = 0; i < placed.Count; i++)
        {
            var header = new byte[64];
            BinaryPrimitives.WriteUInt32LittleEndian(header, (uint)nameOffsets[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), 1);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x18), (ulong)placed[i].Offset);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x20), (ulong)placed[i].Size);
            body.Write(header);
        }

        var bytes = body.ToArray();
        var ident = bytes.AsSpan();
        "\u007fELF"u8.CopyTo(ident);
        ident[4] = 2; // 64-bit
        ident[5] = 1; // little endian
        ident[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(ident[0x10..], 2); // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(ident[0x12..], 0x3e); // x86-64
        BinaryPrimitives.WriteUInt64LittleEndian(ident[0x28..], (ulong)shoff);
        BinaryPrimitives.WriteUInt16LittleEndian(ident[0x34..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(ident[0x3A..], 64);
        BinaryPrimitives.WriteUInt16LittleEndian(ident[0x3C..], (ushort)count);
        BinaryPrimitives.WriteUInt16LittleEndian(ident[0x3E..], (ushort)(count - 1));
        return bytes;
    }
}
