namespace Vigil.Oci.Layers;

/// <summary>What one layer does to the paths of the layers below it: writes, deletions (whiteouts) and opaque directories.</summary>
internal sealed class LayerChanges
{
    /// <summary>Whiteout file prefix (<c>.wh.name</c> deletes <c>name</c>).</summary>
    public const string WhiteoutPrefix = ".wh.";

    /// <summary>Opaque directory marker: the directory's content from lower layers is hidden.</summary>
    public const string OpaqueMarker = ".wh..wh..opq";

    /// <summary>Every path this layer writes, of any type.</summary>
    public HashSet<string> Written { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths this layer writes as something other than a directory: they hide whatever lower layers had below them.</summary>
    public HashSet<string> NonDirectories { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths deleted by whiteout files, with everything below them.</summary>
    public HashSet<string> Whiteouts { get; } = new(StringComparer.Ordinal);

    /// <summary>Directories made opaque: lower layers' content below them is hidden.</summary>
    public HashSet<string> OpaqueDirectories { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Records a whiteout if <paramref name="path"/> is one, returning true; whiteout entries are markers, not files.
    /// </summary>
    public bool TryAddWhiteout(string path)
    {
        var slash = path.LastIndexOf('/');
        if (!path.AsSpan(slash + 1).StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var name = path[(slash + 1)..];

        var parent = slash <= 0 ? "/" : path[..slash];
        if (name == OpaqueMarker)
        {
            OpaqueDirectories.Add(parent);
        }
        else if (!name.StartsWith(WhiteoutPrefix + WhiteoutPrefix, StringComparison.Ordinal))
        {
            // Other ".wh..wh." names are AUFS bookkeeping, not deletions.
            Whiteouts.Add((parent == "/" ? string.Empty : parent) + "/" + name[WhiteoutPrefix.Length..]);
        }

        return true;
    }

    /// <summary>Records an entry of this layer.</summary>
    public void AddWritten(string path, bool isDirectory)
    {
        Written.Add(path);
        if (!isDirectory)
        {
            NonDirectories.Add(path);
        }
    }

    /// <summary>Whether this layer hides or replaces the lower layers' <paramref name="path"/>.</summary>
    public bool Hides(string path)
    {
        if (Written.Contains(path) || Whiteouts.Contains(path))
        {
            return true;
        }

        var whiteouts = Whiteouts.GetAlternateLookup<ReadOnlySpan<char>>();
        var opaque = OpaqueDirectories.GetAlternateLookup<ReadOnlySpan<char>>();
        var nonDirectories = NonDirectories.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = path.AsSpan();
        for (var slash = span.LastIndexOf('/'); slash >= 0; slash = span[..slash].LastIndexOf('/'))
        {
            var ancestor = slash == 0 ? "/".AsSpan() : span[..slash];
            if (whiteouts.Contains(ancestor) || opaque.Contains(ancestor) || nonDirectories.Contains(ancestor))
            {
                return true;
            }

            if (slash == 0)
            {
                break;
            }
        }

        return false;
    }
}
