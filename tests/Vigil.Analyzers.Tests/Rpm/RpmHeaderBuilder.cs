using System.Buffers.Binary;
using System.Text;

namespace Vigil.Analyzers.Tests.Rpm;

/// <summary>Writes rpm header blobs as the rpm database stores them (big-endian index + data store).</summary>
public static class RpmHeaderBuilder
{
    public static byte[] Build(string name, string version, string release, int? epoch = null, string arch = "x86_64", string? sourceRpm = null, int padding = 0)
    {
        var entries = new List<(int Tag, int Type, int Offset, int Count)>();
        var data = new MemoryStream();
        void String(int tag, string value)
        {
            entries.Add((tag, 6, (int)data.Length, 1));
            data.Write(Encoding.UTF8.GetBytes(value + "\0"));
        }

        String(1000, name);
        String(1001, version);
        String(1002, release);
        String(1022, arch);
        String(1014, "GPLv2+");
        if (sourceRpm is not null)
        {
            String(1044, sourceRpm);
        }

        if (epoch is not null)
        {
            while (data.Length % 4 != 0)
            {
                data.WriteByte(0);
            }

            entries.Add((1003, 4, (int)data.Length, 1));
            var bytes = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(bytes, epoch.Value);
            data.Write(bytes);
        }

        // Filler such as file lists, which make real headers span several pages.
        entries.Add((1027, 7, (int)data.Length, padding));
        data.Write(new byte[padding]);

        var blob = new byte[8 + (entries.Count * 16) + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(blob, entries.Count);
        BinaryPrimitives.WriteInt32BigEndian(blob.AsSpan(4), (int)data.Length);
        for (var i = 0; i < entries.Count; i++)
        {
            var span = blob.AsSpan(8 + (i * 16));
            BinaryPrimitives.WriteInt32BigEndian(span, entries[i].Tag);
            BinaryPrimitives.WriteInt32BigEndian(span[4..], entries[i].Type);
            BinaryPrimitives.WriteInt32BigEndian(span[8..], entries[i].Offset);
            BinaryPrimitives.WriteInt32BigEndian(span[12..], entries[i].Count);
        }

        data.ToArray().CopyTo(blob, 8 + (entries.Count * 16));
        return blob;
    }
}
