namespace Vigil.Oci.Layers;

/// <summary>Normalizes paths met in layers: absolute, forward slashes, no <c>.</c> or <c>..</c> parts.</summary>
internal static class TarPath
{
    /// <summary>
    /// <c>./usr//lib/</c> → <c>/usr/lib</c>. Returns null when <c>..</c> climbs above the root: such entries would write
    /// outside the image and are skipped.
    /// </summary>
    public static string? Normalize(string name)
    {
        var relative = name.AsSpan();
        while (relative.StartsWith("./", StringComparison.Ordinal) || relative.StartsWith('/'))
        {
            relative = relative[(relative[0] == '/' ? 1 : 2)..];
        }

        if (IsClean(relative))
        {
            // Nearly every entry is already clean (`usr/lib/x`, `./usr/lib/x`): one allocation instead of split and join.
            return string.Concat("/", relative.TrimEnd('/'));
        }

        var parts = new List<string>();
        foreach (var part in name.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return "/" + string.Join('/', parts);
    }

    /// <summary>No empty, <c>.</c> or <c>..</c> segment (a trailing slash aside).</summary>
    private static bool IsClean(ReadOnlySpan<char> path)
    {
        path = path.TrimEnd('/');
        foreach (var range in path.Split('/'))
        {
            var segment = path[range];
            if (segment.IsEmpty || segment is "." or "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a link target, resolved against the link's directory (or the root when absolute), leaves the root.</summary>
    public static bool EscapesRoot(string linkPath, string target)
    {
        if (target.StartsWith('/'))
        {
            // Absolute targets resolve inside the image's root when the image runs: never outside.
            return false;
        }

        var directory = Parent(linkPath);
        return Normalize(directory + "/" + target) is null;
    }

    /// <summary>The parent directory of a normalized path (<c>/</c> for top-level entries).</summary>
    public static string Parent(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }
}
