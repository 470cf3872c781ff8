using System.Formats.Tar;
using Vigil.Oci.Layers;
using Vigil.Oci.Streams;

namespace Vigil.Oci.Sources;

/// <summary>
/// The members of an uncompressed tar archive (oci-archive, docker-archive), indexed once by reading the headers, then
/// opened by seeking: the archive is never unpacked.
/// </summary>
internal sealed class TarLayoutFiles : ILayoutFiles
{
    private readonly Dictionary<string, (long Offset, long Length)> members;

    private TarLayoutFiles(string path, Dictionary<string, (long Offset, long Length)> members)
    {
        Location = path;
        this.members = members;
    }

    public string Location { get; }

    /// <summary>The member names.</summary>
    public IEnumerable<string> Names => members.Keys;

    /// <summary>Indexes the archive at <paramref name="path"/>.</summary>
    public static TarLayoutFiles Index(string path)
    {
        var members = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        var links = new List<(string Name, string Target)>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var reader = new TarReader(stream);
        try
        {
            while (reader.GetNextEntry() is { } entry)
            {
                var name = TarPath.Normalize(entry.Name)?.TrimStart('/');
                if (name is null)
                {
                    continue;
                }

                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    members[name] = (entry.DataOffset, entry.Length);
                }
                else if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
                {
                    // docker save links identical layers; resolved within the archive only.
                    var target = entry.EntryType == TarEntryType.HardLink ? entry.LinkName : TarPath.Parent("/" + name) + "/" + entry.LinkName;
                    if (TarPath.Normalize(target)?.TrimStart('/') is { } resolved)
                    {
                        links.Add((name, resolved));
                    }
                }
            }
        }
        catch (EndOfStreamException)
        {
            // Archives without an end-of-archive marker: every complete member is indexed.
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException)
        {
            throw new ImageReadException($"'{path}' is not a readable tar archive: {ex.Message}", ex);
        }

        foreach (var (name, target) in links)
        {
            if (members.TryGetValue(target, out var member))
            {
                members[name] = member;
            }
        }

        return new TarLayoutFiles(path, members);
    }

    public bool Exists(string relativePath) => members.ContainsKey(Key(relativePath));

    public Stream Open(string relativePath)
    {
        if (!members.TryGetValue(Key(relativePath), out var member))
        {
            throw new ImageReadException($"'{relativePath}' is missing from the archive {Location}.");
        }

        var file = new FileStream(Location, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return new BoundedStream(file, member.Offset, member.Length);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static string Key(string relativePath) => TarPath.Normalize(relativePath)?.TrimStart('/') ?? string.Empty;
}
