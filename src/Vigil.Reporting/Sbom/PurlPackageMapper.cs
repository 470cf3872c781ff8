using Vigil.Analyzers.OsRelease;
using Vigil.Core;

namespace Vigil.Reporting.Sbom;

/// <summary>
/// Turns a purl from an SBOM made by any tool into a Vigil <see cref="Package"/>: purl type → OSV ecosystem, namespace +
/// name → the ecosystem's package name, the <c>epoch</c> qualifier into the version, the <c>distro</c> qualifier (or the
/// document's OS) into the release of OS packages.
/// </summary>
public static class PurlPackageMapper
{
    /// <summary>The package, or null when the purl type is not one Vigil matches (generic, oci, github…).</summary>
    public static Package? Map(string purl, OsInfo? documentOs)
    {
        if (!PackageUrlParts.TryParse(purl, out var parts) || parts.Version is null)
        {
            return null;
        }

        var version = parts.Qualifier("epoch") is { Length: > 0 } epoch && epoch != "0" && !parts.Version.Contains(':', StringComparison.Ordinal)
            ? $"{epoch}:{parts.Version}"
            : parts.Version;
        var ns = parts.Namespace;
        (Ecosystem Ecosystem, string Name, PackageType Type)? mapped = parts.Type switch
        {
            "deb" or "apk" or "rpm" => (OsEcosystem(parts, documentOs), parts.Name, PackageType.Os),
            "npm" => (Ecosystem.Npm, ns is null ? parts.Name : $"{ns}/{parts.Name}", PackageType.Library),
            "pypi" => (Ecosystem.PyPI, Analyzers.PyPi.PythonNames.Normalize(parts.Name), PackageType.Library),
            "maven" when ns is not null => (Ecosystem.Maven, $"{ns}:{parts.Name}", PackageType.Library),
            "nuget" => (Ecosystem.NuGet, parts.Name, PackageType.Library),
            "golang" => (Ecosystem.Go, ns is null ? parts.Name : $"{ns}/{parts.Name}", PackageType.Library),
            "cargo" => (Ecosystem.CratesIo, parts.Name, PackageType.Library),
            "gem" => (Ecosystem.RubyGems, parts.Name, PackageType.Library),
            "composer" => (Ecosystem.Packagist, ns is null ? parts.Name : $"{ns}/{parts.Name}", PackageType.Library),
            _ => null,
        };
        if (mapped is not { } m)
        {
            return null;
        }

        var package = new Package(m.Ecosystem, m.Name, version, m.Type, purl);

        // Syft writes the source package as upstream=name or upstream=name@version.
        if (parts.Qualifier("upstream") is { Length: > 0 } upstream)
        {
            var at = upstream.IndexOf('@', StringComparison.Ordinal);
            var sourceName = at > 0 ? upstream[..at] : upstream;
            var sourceVersion = at > 0 ? upstream[(at + 1)..] : null;
            package = package with
            {
                SourceName = sourceName == package.Name ? null : sourceName,
                SourceVersion = sourceVersion == package.Version ? null : sourceVersion,
            };
        }

        return package;
    }

    /// <summary>The OS named by a <c>distro</c> qualifier (<c>debian-12.2</c>, <c>alpine-3.20.1</c>), or null.</summary>
    public static OsInfo? OsFromDistro(string? distro, string? purlNamespace)
    {
        if (string.IsNullOrEmpty(distro))
        {
            return null;
        }

        // "debian-12.2", "ubuntu-22.04", "rhel-9.3"; Syft may write only the codename ("bookworm"), which has no number.
        var dash = distro.LastIndexOf('-');
        if (dash > 0 && dash < distro.Length - 1 && char.IsAsciiDigit(distro[dash + 1]))
        {
            var id = distro[..dash].ToLowerInvariant();
            var version = distro[(dash + 1)..];
            return new OsInfo(id, version, OsEcosystems.For(id, version, null));
        }

        return purlNamespace is null ? null : new OsInfo(purlNamespace, null, OsEcosystems.For(purlNamespace, null, null)) { Codename = distro };
    }

    private static Ecosystem OsEcosystem(PackageUrlParts parts, OsInfo? documentOs)
    {
        if (documentOs is not null)
        {
            return documentOs.Ecosystem;
        }

        if (OsFromDistro(parts.Qualifier("distro"), parts.Namespace) is { } os)
        {
            return os.Ecosystem;
        }

        return parts.Type switch
        {
            "deb" => parts.Namespace == "ubuntu" ? Ecosystem.Ubuntu : Ecosystem.Debian,
            "apk" => Ecosystem.Alpine,
            _ => new Ecosystem("Red Hat"),
        };
    }
}
