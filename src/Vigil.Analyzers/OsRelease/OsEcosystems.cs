using Vigil.Core;

namespace Vigil.Analyzers.OsRelease;

/// <summary>Maps an os-release <c>ID</c> and version to the OSV ecosystem its packages are matched in.</summary>
/// <remarks>
/// OSV names distributions with a release (<c>Debian:12</c>, <c>Ubuntu:22.04:LTS</c>, <c>Alpine:v3.20</c>,
/// <c>Rocky Linux:9</c>, <c>AlmaLinux:9</c>, <c>openSUSE:Leap 15.5</c>). Red Hat records in OSV name a product stream and
/// repository (<c>Red Hat:enterprise_linux:9::appstream</c>); an image does not say which repository a package came from,
/// so RHEL maps to <c>Red Hat:enterprise_linux:9</c> and matching compares that prefix. Wolfi and Chainguard are rolling
/// and have no release. Unknown distributions keep their os-release id and version, which no OSV ecosystem matches.
/// </remarks>
public static class OsEcosystems
{
    /// <summary>The OSV ecosystem of a distribution.</summary>
    /// <param name="id">os-release <c>ID</c>, lower case.</param>
    /// <param name="versionId">os-release <c>VERSION_ID</c>, or null.</param>
    /// <param name="version">os-release <c>VERSION</c> (used to tell Ubuntu LTS releases), or null.</param>
    public static Ecosystem For(string id, string? versionId, string? version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var major = Major(versionId);
        return id switch
        {
            "debian" => new Ecosystem("Debian", major),
            "ubuntu" => new Ecosystem("Ubuntu", versionId is null ? null : IsUbuntuLts(versionId, version) ? $"{versionId}:LTS" : versionId),
            "alpine" => new Ecosystem("Alpine", MajorMinor(versionId) is { } mm ? $"v{mm}" : null),
            "rocky" => new Ecosystem("Rocky Linux", major),
            "almalinux" => new Ecosystem("AlmaLinux", major),
            "rhel" => new Ecosystem("Red Hat", major is null ? null : $"enterprise_linux:{major}"),
            "opensuse-leap" => new Ecosystem("openSUSE", versionId is null ? null : $"Leap {versionId}"),
            "opensuse-tumbleweed" => new Ecosystem("openSUSE", "Tumbleweed"),
            "sles" => new Ecosystem("SUSE", SlesRelease(versionId)),
            "wolfi" => new Ecosystem("Wolfi"),
            "chainguard" => new Ecosystem("Chainguard"),
            _ => new Ecosystem(id, versionId),
        };
    }

    private static bool IsUbuntuLts(string versionId, string? version)
    {
        if (version is not null)
        {
            return version.Contains("LTS", StringComparison.Ordinal);
        }

        // Without VERSION, the rule: even years, April releases (18.04, 20.04, 22.04, 24.04).
        var parts = versionId.Split('.');
        return parts.Length == 2 && parts[1] == "04" && int.TryParse(parts[0], out var year) && year % 2 == 0;
    }

    private static string? SlesRelease(string? versionId)
    {
        if (versionId is null)
        {
            return null;
        }

        var parts = versionId.Split('.');
        return parts.Length > 1 && parts[1] != "0" ? $"Linux Enterprise Server {parts[0]} SP{parts[1]}" : $"Linux Enterprise Server {parts[0]}";
    }

    private static string? Major(string? versionId)
    {
        var digits = LeadingVersion(versionId);
        return digits?.Split('.')[0];
    }

    private static string? MajorMinor(string? versionId)
    {
        var parts = LeadingVersion(versionId)?.Split('.');
        return parts is null ? null : parts.Length >= 2 ? $"{parts[0]}.{parts[1]}" : parts[0];
    }

    // "3.21.0_alpha20240606" → "3.21.0"; "bookworm/sid" → null.
    private static string? LeadingVersion(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var end = 0;
        while (end < value.Length && (char.IsAsciiDigit(value[end]) || value[end] == '.'))
        {
            end++;
        }

        var result = value[..end].Trim('.');
        return result.Length == 0 ? null : result;
    }
}
