using Vigil.Core;

namespace Vigil.Analyzers;

/// <summary>Chooses the operating system when several release files survive.</summary>
internal static class OsSelector
{
    // os-release is authoritative; the distribution-specific files only fill in when it is missing (old or minimal images).
    private static readonly string[] Priority = ["/etc/os-release", "/usr/lib/os-release", "/etc/alpine-release", "/etc/redhat-release", "/etc/debian_version"];

    public static OsInfo? Select(IEnumerable<(string Path, OsInfo Os)> candidates)
    {
        var ranked = candidates
            .Select(c => (c.Os, Rank: Array.IndexOf(Priority, c.Path) is var i and >= 0 ? i : Priority.Length))
            .OrderBy(c => c.Rank)
            .Select(c => c.Os)
            .ToList();
        if (ranked.Count == 0)
        {
            return null;
        }

        var best = ranked[0];

        // Debian testing/sid os-release has no VERSION_ID; /etc/debian_version still names the release line.
        if (best.VersionId is null && best.Id == "debian" && ranked.FirstOrDefault(o => o.Id == "debian" && o.VersionId is not null) is { } versioned)
        {
            return best with { VersionId = versioned.VersionId, Ecosystem = versioned.Ecosystem };
        }

        return best;
    }
}
