using Vigil.Core;

namespace Vigil.Reporting.Tests.Sbom;

/// <summary>A small but varied inventory: OS packages with sources and epochs, scoped npm, Maven, a package found twice.</summary>
internal static class SbomSamples
{
    public static readonly Digest Layer = Digest.Sha256("layer"u8);

    public static Inventory Inventory()
    {
        var debian = new Ecosystem("Debian", "12");
        Package Os(string name, string version, string? source = null, string? sourceVersion = null) =>
            new(debian, name, version, PackageType.Os, PackageUrl.Create("deb", "debian", name, version, [new("arch", "amd64"), new("distro", "debian-12")]))
            {
                SourceName = source,
                SourceVersion = sourceVersion,
                AnalyzerId = "dpkg",
                LayerDigest = Layer,
                FilePath = "/var/lib/dpkg/status",
                Licenses = ["GPL-2.0+", "free text licence"],
            };

        var packages = new List<Package>
        {
            Os("libc6", "2.36-9+deb12u4", "glibc"),
            Os("libgcc-s1", "12.2.0-14", "gcc-12"),
            Os("login", "1:4.13+dfsg1-1+b1", "shadow", "1:4.13+dfsg1-1"),
            new(Ecosystem.Npm, "@babel/core", "7.0.0", PackageType.Library, "pkg:npm/%40babel/core@7.0.0") { FilePath = "/app/node_modules/@babel/core/package.json", AnalyzerId = "npm-package", Licenses = ["MIT"] },
            new(Ecosystem.Npm, "lodash", "4.17.15", PackageType.Library, "pkg:npm/lodash@4.17.15") { FilePath = "/app/node_modules/lodash/package.json" },
            new(Ecosystem.Npm, "lodash", "4.17.15", PackageType.Library, "pkg:npm/lodash@4.17.15") { FilePath = "/app/other/node_modules/lodash/package.json" },
            new(Ecosystem.Maven, "org.apache.logging.log4j:log4j-core", "2.14.1", PackageType.Library, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1") { FilePath = "/app/app.jar" },
            new(Ecosystem.PyPI, "pyyaml", "5.3", PackageType.Library, "pkg:pypi/pyyaml@5.3"),
        };
        var artifact = new ArtifactInfo("fixtures/debian:app", ArtifactKind.Image)
        {
            ManifestDigest = Digest.Sha256("manifest"u8),
            ConfigDigest = Digest.Sha256("config"u8),
            Repository = "127.0.0.1:5000/fixtures/debian",
            Platform = Platform.Default,
            Layers = [Layer],
        };
        return new Inventory(artifact, new OsInfo("debian", "12", debian) { PrettyName = "Debian GNU/Linux 12 (bookworm)", Codename = "bookworm" }, packages)
        {
            CreatedAt = new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero),
            AnalyzerVersions = new Dictionary<string, int> { ["dpkg"] = 1, ["npm-package"] = 1 },
        };
    }

    public static IReadOnlyList<Finding> Findings(Inventory inventory) =>
    [
        new("CVE-2020-8203", inventory.Packages.Single(p => p.Name == "lodash" && p.FilePath!.StartsWith("/app/node", StringComparison.Ordinal)), Severity.High)
        {
            Aliases = ["CVE-2020-8203", "GHSA-p6mc-m468-83gw"],
            FixedVersion = "4.17.19",
            CvssScore = 7.4,
            CvssVector = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H",
            Summary = "Prototype pollution in lodash",
            References = ["https://github.com/advisories/GHSA-p6mc-m468-83gw", "not a url"],
            Published = new DateTimeOffset(2020, 7, 15, 0, 0, 0, TimeSpan.Zero),
        },
        new("CVE-2023-4911", inventory.Packages.Single(p => p.Name == "libc6"), Severity.Critical) { FixedVersion = "2.36-9+deb12u3" },
        new("DSA-0000-1", inventory.Packages.Single(p => p.Name == "login"), Severity.Unknown),
    ];
}
