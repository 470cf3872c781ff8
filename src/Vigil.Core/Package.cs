namespace Vigil.Core;

/// <summary>One installed package found in an image, the unit that vulnerabilities are matched against.</summary>
/// <param name="Ecosystem">The OSV ecosystem, with the distribution release for OS packages (<c>Debian:12</c>).</param>
/// <param name="Name">The package name as its ecosystem writes it (binary package name for OS packages).</param>
/// <param name="Version">The installed version, in the ecosystem's own syntax (with epoch and revision for dpkg/rpm).</param>
/// <param name="Type">OS or library package.</param>
/// <param name="Purl">The package URL (<c>pkg:deb/debian/libc6@2.36-9?distro=debian-12</c>).</param>
public sealed record Package(Ecosystem Ecosystem, string Name, string Version, PackageType Type, string Purl)
{
    /// <summary>The source package name where it differs (dpkg Source, apk origin, rpm source rpm name).</summary>
    public string? SourceName { get; init; }

    /// <summary>The source package version where it differs from <see cref="Version"/>.</summary>
    public string? SourceVersion { get; init; }

    /// <summary>The id of the analyzer that found it (<c>dpkg</c>, <c>npm</c>…).</summary>
    public string? AnalyzerId { get; init; }

    /// <summary>The digest of the layer that introduced the file it was found in; null for a plain directory or SBOM input.</summary>
    public Digest? LayerDigest { get; init; }

    /// <summary>The absolute path of the file it was found in (<c>/var/lib/dpkg/status</c>, <c>/app/node_modules/x/package.json</c>).</summary>
    public string? FilePath { get; init; }

    /// <summary>Licences as declared by the package (SPDX ids or free text).</summary>
    public IReadOnlyList<string> Licenses { get; init; } = [];

    /// <summary>The name advisories use: the source package for distributions that publish per source package.</summary>
    public string MatchName => SourceName ?? Name;

    /// <summary>The version advisories use, paired with <see cref="MatchName"/>.</summary>
    public string MatchVersion => SourceVersion ?? Version;
}
