using System.Collections.Frozen;
using Vigil.Core;
using Vigil.VulnDb.Versions.Apk;
using Vigil.VulnDb.Versions.Dpkg;
using Vigil.VulnDb.Versions.Generic;
using Vigil.VulnDb.Versions.Maven;
using Vigil.VulnDb.Versions.NuGet;
using Vigil.VulnDb.Versions.Packagist;
using Vigil.VulnDb.Versions.Pep440;
using Vigil.VulnDb.Versions.Rpm;
using Vigil.VulnDb.Versions.RubyGems;
using Vigil.VulnDb.Versions.SemVer;

namespace Vigil.VulnDb.Versions;

/// <summary>Selects the version scheme and comparer of an OSV ecosystem.</summary>
public static class VersionSchemes
{
    // OSV ecosystem base names (https://ossf.github.io/osv-schema/#affectedpackage-field). Unlisted ones use Generic.
    private static readonly FrozenDictionary<string, VersionScheme> ByEcosystem = new Dictionary<string, VersionScheme>
    {
        ["Debian"] = VersionScheme.Dpkg,
        ["Ubuntu"] = VersionScheme.Dpkg,
        ["Alpine"] = VersionScheme.Apk,
        ["Wolfi"] = VersionScheme.Apk,
        ["Chainguard"] = VersionScheme.Apk,
        ["MinimOS"] = VersionScheme.Apk,
        ["Red Hat"] = VersionScheme.Rpm,
        ["Rocky Linux"] = VersionScheme.Rpm,
        ["AlmaLinux"] = VersionScheme.Rpm,
        ["openSUSE"] = VersionScheme.Rpm,
        ["SUSE"] = VersionScheme.Rpm,
        ["Mageia"] = VersionScheme.Rpm,
        ["openEuler"] = VersionScheme.Rpm,
        ["Photon OS"] = VersionScheme.Rpm,
        ["Azure Linux"] = VersionScheme.Rpm,
        ["npm"] = VersionScheme.SemVer,
        ["crates.io"] = VersionScheme.SemVer,
        ["Go"] = VersionScheme.SemVer,
        ["Bitnami"] = VersionScheme.SemVer,
        ["Hex"] = VersionScheme.SemVer,
        ["Pub"] = VersionScheme.SemVer,
        ["SwiftURL"] = VersionScheme.SemVer,
        ["PyPI"] = VersionScheme.Pep440,
        ["Maven"] = VersionScheme.Maven,
        ["NuGet"] = VersionScheme.NuGet,
        ["RubyGems"] = VersionScheme.RubyGems,
        ["Packagist"] = VersionScheme.Packagist,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The scheme of <paramref name="ecosystem"/> (its release is ignored); <see cref="VersionScheme.Generic"/> when unknown.</summary>
    public static VersionScheme SchemeOf(Ecosystem ecosystem) =>
        ecosystem.Name is { } name && ByEcosystem.TryGetValue(name, out var scheme) ? scheme : VersionScheme.Generic;

    /// <summary>The comparer for <paramref name="ecosystem"/> (its release is ignored); the generic comparer when unknown.</summary>
    public static IVersionComparer ForEcosystem(Ecosystem ecosystem) => Get(SchemeOf(ecosystem));

    /// <summary>The shared comparer of <paramref name="scheme"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scheme"/> is not a defined value.</exception>
    public static IVersionComparer Get(VersionScheme scheme) => scheme switch
    {
        VersionScheme.Generic => GenericVersionComparer.Instance,
        VersionScheme.Dpkg => DebianVersionComparer.Instance,
        VersionScheme.Rpm => RpmVersionComparer.Instance,
        VersionScheme.Apk => ApkVersionComparer.Instance,
        VersionScheme.SemVer => SemanticVersionComparer.Instance,
        VersionScheme.Pep440 => Pep440VersionComparer.Instance,
        VersionScheme.Maven => MavenVersionComparer.Instance,
        VersionScheme.NuGet => NuGetVersionComparer.Instance,
        VersionScheme.RubyGems => RubyGemsVersionComparer.Instance,
        VersionScheme.Packagist => PackagistVersionComparer.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown version scheme."),
    };
}
