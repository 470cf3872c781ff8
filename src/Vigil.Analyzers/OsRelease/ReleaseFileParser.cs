using Vigil.Core;

namespace Vigil.Analyzers.OsRelease;

/// <summary>Reads the operating system from <c>os-release</c> or a distribution's own release file.</summary>
public static class ReleaseFileParser
{
    /// <summary>The OS described by <paramref name="text"/>, read as the file at <paramref name="path"/>; null when unrecognised.</summary>
    public static OsInfo? Parse(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        return Path.GetFileName(path) switch
        {
            "os-release" => FromOsRelease(text),
            "debian_version" => FromDebianVersion(text.Trim()),
            "alpine-release" => FromAlpineRelease(text.Trim()),
            "redhat-release" => FromRedHatRelease(text.Trim()),
            _ => null,
        };
    }

    private static OsInfo? FromOsRelease(string text)
    {
        var values = OsReleaseParser.Parse(text);
        if (!values.TryGetValue("ID", out var id) || id.Length == 0)
        {
            return null;
        }

        id = id.ToLowerInvariant();
        var versionId = values.GetValueOrDefault("VERSION_ID") is { Length: > 0 } v ? v : null;
        return new OsInfo(id, versionId, OsEcosystems.For(id, versionId, values.GetValueOrDefault("VERSION")))
        {
            PrettyName = values.GetValueOrDefault("PRETTY_NAME"),
            Codename = values.GetValueOrDefault("VERSION_CODENAME") is { Length: > 0 } c ? c : null,
        };
    }

    private static OsInfo? FromDebianVersion(string text)
    {
        // "12.5" on stable; "trixie/sid" on testing, which has no number yet.
        if (text.Length == 0 || text.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }

        var versionId = char.IsAsciiDigit(text[0]) ? text.Split('.')[0] : null;
        return new OsInfo("debian", versionId, OsEcosystems.For("debian", versionId, null)) { PrettyName = $"Debian {text}" };
    }

    private static OsInfo? FromAlpineRelease(string text)
    {
        if (text.Length == 0 || !char.IsAsciiDigit(text[0]))
        {
            return null;
        }

        return new OsInfo("alpine", text, OsEcosystems.For("alpine", text, null)) { PrettyName = $"Alpine Linux v{text}" };
    }

    private static OsInfo? FromRedHatRelease(string text)
    {
        // "Rocky Linux release 9.3 (Blue Onyx)", "Red Hat Enterprise Linux release 9.3 (Plow)".
        var marker = text.IndexOf(" release ", StringComparison.Ordinal);
        if (marker <= 0)
        {
            return null;
        }

        var name = text[..marker];
        var version = text[(marker + 9)..].Split(' ')[0];
        var id = name switch
        {
            _ when name.StartsWith("Red Hat", StringComparison.Ordinal) => "rhel",
            _ when name.StartsWith("Rocky", StringComparison.Ordinal) => "rocky",
            _ when name.StartsWith("AlmaLinux", StringComparison.Ordinal) => "almalinux",
            _ when name.StartsWith("CentOS", StringComparison.Ordinal) => "centos",
            _ when name.StartsWith("Fedora", StringComparison.Ordinal) => "fedora",
            _ => null,
        };
        return id is null ? null : new OsInfo(id, version, OsEcosystems.For(id, version, null)) { PrettyName = text };
    }
}
