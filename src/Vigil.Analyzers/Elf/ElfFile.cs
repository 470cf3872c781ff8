using System.Buffers.Binary;
using System.Text;

namespace Vigil.Analyzers.Elf;

/// <summary>Finds named sections of an ELF file (32/64-bit, either byte order) in a seekable stream.</summary>
public static class ElfFile
{
    /// <summary>Whether <paramref name="header"/> starts with the ELF magic <c>\x7fELF</c>.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> header) => header.Length >= 4 && header[0] == 0x7f && header[1] == (byte)'E' && header[2] == (byte)'L' && header[3] == (byte)'F';

    /// <summary>The contents of the section called <paramref name="name"/>, null when absent or larger than <paramref name="maxSize"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not ELF or its headers point outside it.</exception>
    public static byte[]? ReadSection(Stream stream, string name, int maxSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("ELF section lookup needs a seekable stream.", nameof(stream));
        }

        var ident = ReadAt(stream, 0, 64);
        if (!HasMagic(ident) || ident.Length < 52)
        {
            throw new InvalidDataException("not an ELF file");
        }

        var is64 = ident[4] == 2;
        var little = ident[5] == 1;
        ulong shoff = is64 ? U64(ident, 0x28, little) : U32(ident, 0x20, little);
        int shentsize = U16(ident, is64 ? 0x3A : 0x2E, little);
        int shnum = U16(ident, is64 ? 0x3C : 0x30, little);
        int shstrndx = U16(ident, is64 ? 0x3E : 0x32, little);
        if (shnum == 0 || shoff == 0)
        {
            return null; // Stripped of section headers.
        }

        if (shentsize < (is64 ? 64 : 40) || shnum > 65535 || shstrndx >= shnum || shoff + (ulong)(shnum * shentsize) > (ulong)stream.Length)
        {
            throw new InvalidDataException("ELF section header table lies outside the file");
        }

        var table = ReadAt(stream, (long)shoff, shnum * shentsize);
        (ulong Offset, ulong Size, uint NameIndex) Section(int i)
        {
            var s = table.AsSpan(i * shentsize);
            return is64
                ? (U64(s, 0x18, little), U64(s, 0x20, little), U32(s, 0, little))
                : (U32(s, 0x10, little), U32(s, 0x14, little), U32(s, 0, little));
        }

        var strings = Section(shstrndx);
        if (strings.Size > 16 * 1024 * 1024 || strings.Offset + strings.Size > (ulong)stream.Length)
        {
            throw new InvalidDataException("ELF section name table lies outside the file");
        }

        var names = ReadAt(stream, (long)strings.Offset, (int)strings.Size);
        var wanted = Encoding.ASCII.GetBytes(name + "\0");
        for (var i = 0; i < shnum; i++)
        {
            var section = Section(i);
            if (section.NameIndex < names.Length && names.AsSpan((int)section.NameIndex).StartsWith(wanted))
            {
                if (section.Size > (ulong)maxSize || section.Offset + section.Size > (ulong)stream.Length)
                {
                    return null;
                }

                return ReadAt(stream, (long)section.Offset, (int)section.Size);
            }
        }

        return null;
    }

    private static byte[] ReadAt(Stream stream, long offset, int count)
    {
        stream.Position = offset;
        var buffer = new byte[count];
        var read = stream.ReadAtLeast(buffer, count, throwOnEndOfStream: false);
        return read == count ? buffer : buffer[..read];
    }

    private static ushort U16(ReadOnlySpan<byte> s, int at, bool little) => little ? BinaryPrimitives.ReadUInt16LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt16BigEndian(s[at..]);

    private static uint U32(ReadOnlySpan<byte> s, int at, bool little) => little ? BinaryPrimitives.ReadUInt32LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt32BigEndian(s[at..]);

    private static ulong U64(ReadOnlySpan<byte> s, int at, bool little) => little ? BinaryPrimitives.ReadUInt64LittleEndian(s[at..]) : BinaryPrimitives.ReadUInt64BigEndian(s[at..]);
}
