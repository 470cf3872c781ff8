using System.Formats.Tar;
using System.Text;

namespace Vigil.Testing.Images;

/// <summary>
/// The content of one test image layer, in tar order: files, directories, links, whiteouts and opaque markers, or raw
/// tar entries for hostile cases. Paths are written as given (leading <c>/</c> stripped), so <c>../x</c> stays hostile.
/// </summary>
public sealed class TestLayer
{
    private static readonly DateTimeOffset Mtime = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
    private readonly List<Action<TarWriter>> entries = [];

    /// <summary>How the layer blob is compressed (default gzip).</summary>
    public LayerCompression Compression { get; set; } = LayerCompression.Gzip;

    /// <summary>Adds a regular file with UTF-8 text.</summary>
    public TestLayer File(string path, string content, UnixFileMode mode = (UnixFileMode)0b110_100_100) =>
        File(path, Encoding.UTF8.GetBytes(content), mode);

    /// <summary>Adds a regular file.</summary>
    public TestLayer File(string path, byte[] content, UnixFileMode mode = (UnixFileMode)0b110_100_100) => Add(TarEntryType.RegularFile, path, mode, entry =>
        entry.DataStream = new MemoryStream(content));

    /// <summary>Adds a directory.</summary>
    public TestLayer Directory(string path) => Add(TarEntryType.Directory, path, (UnixFileMode)0b111_101_101, null);

    /// <summary>Adds a symbolic link.</summary>
    public TestLayer Symlink(string path, string target) => Add(TarEntryType.SymbolicLink, path, (UnixFileMode)0b111_111_111, e => e.LinkName = target);

    /// <summary>Adds a hard link to an earlier entry.</summary>
    public TestLayer HardLink(string path, string target) => Add(TarEntryType.HardLink, path, (UnixFileMode)0b110_100_100, e => e.LinkName = target);

    /// <summary>Adds a character device.</summary>
    public TestLayer CharacterDevice(string path) => Add(TarEntryType.CharacterDevice, path, (UnixFileMode)0b110_110_110, null);

    /// <summary>Deletes <paramref name="path"/> of lower layers (a <c>.wh.name</c> file).</summary>
    public TestLayer Whiteout(string path)
    {
        var slash = path.TrimEnd('/').LastIndexOf('/');
        return File($"{path[..(slash + 1)]}.wh.{path[(slash + 1)..]}", []);
    }

    /// <summary>Hides lower layers' content of <paramref name="directory"/> (a <c>.wh..wh..opq</c> file).</summary>
    public TestLayer Opaque(string directory) => File(directory.TrimEnd('/') + "/.wh..wh..opq", []);

    /// <summary>Adds whatever the callback writes (hostile or unusual entries).</summary>
    public TestLayer Raw(Action<TarWriter> write)
    {
        entries.Add(write);
        return this;
    }

    /// <summary>The uncompressed tar.</summary>
    public byte[] ToTar()
    {
        using var buffer = new MemoryStream();
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var write in entries)
            {
                write(writer);
            }
        }

        return buffer.ToArray();
    }

    private TestLayer Add(TarEntryType type, string path, UnixFileMode mode, Action<PaxTarEntry>? configure)
    {
        entries.Add(writer =>
        {
            var entry = new PaxTarEntry(type, path.TrimStart('/')) { Mode = mode, ModificationTime = Mtime };
            configure?.Invoke(entry);
            writer.WriteEntry(entry);
        });
        return this;
    }
}
