using Vigil.Core;

namespace Vigil.Scanning.Tests.Sbom;

internal static class InventorySamples
{
    public static Inventory Image(string tag = "app", int dpkgVersion = 1, string manifestSeed = "manifest")
    {
        var debian = new Ecosystem("Debian", "12");
        var layer = Digest.Sha256("layer"u8);
        var artifact = new ArtifactInfo($"fixtures/debian:{tag}", ArtifactKind.Image)
        {
            ManifestDigest = Digest.Sha256(System.Text.Encoding.UTF8.GetBytes(manifestSeed)),
            ConfigDigest = Digest.Sha256("config"u8),
            Repository = "127.0.0.1:5000/fixtures/debian",
            Platform = Platform.Default,
            Layers = [layer],
        };
        return new Inventory(artifact, new OsInfo("debian", "12", debian) { PrettyName = "Debian GNU/Linux 12 (bookworm)", Codename = "bookworm" },
        [
            new Package(debian, "login", "1:4.13+dfsg1-1+b1", PackageType.Os, "pkg:deb/debian/login@1:4.13+dfsg1-1+b1?arch=amd64&distro=debian-12")
            {
                SourceName = "shadow",
                SourceVersion = "1:4.13+dfsg1-1",
                AnalyzerId = "dpkg",
                LayerDigest = layer,
                FilePath = "/var/lib/dpkg/status",
                Licenses = ["GPL-2.0+"],
            },
            new Package(Ecosystem.Npm, "lodash", "4.17.15", PackageType.Library, "pkg:npm/lodash@4.17.15") { FilePath = "/app/node_modules/lodash/package.json" },
        ])
        {
            Warnings = [new ScanWarning("/app/x.jar", "jar: not a valid zip archive")],
            CreatedAt = new DateTimeOffset(2026, 11, 22, 21, 0, 0, TimeSpan.Zero),
            AnalyzerVersions = new Dictionary<string, int> { ["dpkg"] = dpkgVersion, ["npm-package"] = 1 },
        };
    }
}
