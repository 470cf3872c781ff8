using Vigil.Core;

namespace Vigil.Analyzers;

/// <summary>Gives OS packages the detected release: <c>Debian:12</c> and <c>pkg:deb/debian/x@1?arch=amd64&amp;distro=debian-12</c>.</summary>
internal static class OsPackageFinisher
{
    public static Package Finish(Package package, OsInfo? os)
    {
        if (package.Type != PackageType.Os || os is null)
        {
            return package;
        }

        var purl = package.Purl;
        if (PackageUrlParts.TryParse(purl, out var parts))
        {
            var distro = os.VersionId is null ? os.Id : $"{os.Id}-{os.VersionId}";
            purl = (parts with { Namespace = PurlNamespace(os.Id) }).WithQualifier("distro", distro).ToString();
        }

        return package with { Ecosystem = os.Ecosystem, Purl = purl };
    }

    // purl examples and other tools write pkg:rpm/redhat/…, while os-release says ID=rhel.
    private static string PurlNamespace(string osId) => osId == "rhel" ? "redhat" : osId;
}
