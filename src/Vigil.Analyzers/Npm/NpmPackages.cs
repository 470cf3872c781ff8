using Vigil.Core;

namespace Vigil.Analyzers.Npm;

/// <summary>Builds npm <see cref="Package"/>s: <c>pkg:npm/%40scope/name@version</c>.</summary>
internal static class NpmPackages
{
    public static Package Create(string name, string version, IReadOnlyList<string>? licenses = null)
    {
        var slash = name.StartsWith('@') ? name.IndexOf('/', StringComparison.Ordinal) : -1;
        var purl = slash > 0
            ? PackageUrl.Create("npm", name[..slash], name[(slash + 1)..], version)
            : PackageUrl.Create("npm", null, name, version);
        return new Package(Ecosystem.Npm, name, version, PackageType.Library, purl) { Licenses = licenses ?? [] };
    }
}
