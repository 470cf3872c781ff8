using System.Text;
using Vigil.Core;
using Vigil.Reporting.Sbom;

namespace Vigil.Reporting.Tests.Sbom;

public sealed class SbomReaderTests
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "Sbom", "testdata");

    [Fact]
    public async Task CycloneDx_RoundTripsVigilInventories()
    {
        var inventory = SbomSamples.Inventory();
        var json = await SbomWriterTests.CycloneDxAsync(inventory, null);

        var read = await ReadAsync(json);

        AssertSamePackages(inventory, read);
        Assert.Equal(inventory.Os, read.Os);
        Assert.Equal(inventory.Artifact.ManifestDigest, read.Artifact.ManifestDigest);
        Assert.Equal(inventory.Artifact.Platform, read.Artifact.Platform);
        Assert.Equal(inventory.Artifact.Layers, read.Artifact.Layers);
        Assert.Equal(ArtifactKind.Image, read.Artifact.Kind);
        Assert.Equal(inventory.CreatedAt, read.CreatedAt);
        Assert.Equal(inventory.AnalyzerVersions.OrderBy(a => a.Key), read.AnalyzerVersions.OrderBy(a => a.Key));
    }

    [Fact]
    public async Task Spdx_RoundTripsVigilInventories()
    {
        var inventory = SbomSamples.Inventory();

        var read = await ReadAsync(await SbomWriterTests.SpdxAsync(inventory));

        AssertSamePackages(inventory, read);
        Assert.Equal("Debian:12", read.Os!.Ecosystem.ToString());
    }

    [Fact]
    public async Task TrivyCycloneDx()
    {
        await using var file = File.OpenRead(Path.Combine(TestData, "trivy-debian.cdx.json"));
        var inventory = await SbomReader.ReadAsync(file, "trivy.json", CancellationToken.None);

        Assert.Equal(("debian", "12.2", "Debian:12"), (inventory.Os!.Id, inventory.Os.VersionId, inventory.Os.Ecosystem.ToString()));
        Assert.Equal("fixtures/debian:app", inventory.Artifact.Name);
        var gcc = inventory.Packages.Single(p => p.Name == "libgcc-s1");
        Assert.Equal(("Debian:12", "gcc-12", (string?)null, PackageType.Os), (gcc.Ecosystem.ToString(), gcc.SourceName, gcc.SourceVersion, gcc.Type));
        Assert.Equal(Digest.Parse("sha256:2222222222222222222222222222222222222222222222222222222222222222"), gcc.LayerDigest);
        var login = inventory.Packages.Single(p => p.Name == "login");
        Assert.Equal(("1:4.13+dfsg1-1+b1", "shadow", "1:4.13+dfsg1-1"), (login.Version, login.SourceName, login.SourceVersion));
        var lodash = inventory.Packages.Single(p => p.Name == "lodash");
        Assert.Equal(("npm", "/app/node_modules/lodash/package.json"), (lodash.Ecosystem.ToString(), lodash.FilePath));
        Assert.Contains(inventory.Packages, p => p.Name == "@types/node" && p.Version == "20.1.0");
        Assert.Contains(inventory.Packages, p => p is { Name: "pyyaml", Version: "5.3" } && p.Ecosystem == Ecosystem.PyPI);
        Assert.Equal("pkg:github/actions/checkout@v4", Assert.Single(inventory.Warnings).Source);
    }

    [Fact]
    public async Task SyftSpdx()
    {
        await using var file = File.OpenRead(Path.Combine(TestData, "syft-alpine.spdx.json"));
        var inventory = await SbomReader.ReadAsync(file, "syft.json", CancellationToken.None);

        Assert.Null(inventory.Os);
        var crypto = inventory.Packages.Single(p => p.Name == "libcrypto3");
        Assert.Equal(("Alpine:v3.20", "openssl", PackageType.Os), (crypto.Ecosystem.ToString(), crypto.SourceName, crypto.Type));
        Assert.Contains(inventory.Packages, p => p.Name == "github.com/pkg/errors" && p.Ecosystem == Ecosystem.Go);
        Assert.Contains(inventory.Packages, p => p.Name == "org.apache.logging.log4j:log4j-core" && p.Ecosystem == Ecosystem.Maven);
        Assert.Equal(3, inventory.Packages.Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("[]")]
    [InlineData("{\"spdxVersion\":\"SPDX-3.0\"}")]
    public async Task NotAnSbom_Throws_InvalidData(string json)
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => ReadAsync(json));
    }

    [Theory]
    [InlineData("pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12.2", "Debian:12", "libc6", "2.36-9")]
    [InlineData("pkg:deb/ubuntu/libc6@2.35-0ubuntu3?distro=ubuntu-22.04", "Ubuntu:22.04:LTS", "libc6", "2.35-0ubuntu3")]
    [InlineData("pkg:rpm/redhat/openssl-libs@3.0.7-27.el9?epoch=1&distro=rhel-9.3", "Red Hat:enterprise_linux:9", "openssl-libs", "1:3.0.7-27.el9")]
    [InlineData("pkg:apk/alpine/musl@1.2.5-r0?distro=alpine-3.20.1", "Alpine:v3.20", "musl", "1.2.5-r0")]
    [InlineData("pkg:npm/%40babel/core@7.0.0", "npm", "@babel/core", "7.0.0")]
    [InlineData("pkg:pypi/PyYAML@5.3", "PyPI", "pyyaml", "5.3")]
    [InlineData("pkg:maven/org.yaml/snakeyaml@1.33", "Maven", "org.yaml:snakeyaml", "1.33")]
    [InlineData("pkg:nuget/Newtonsoft.Json@12.0.1", "NuGet", "Newtonsoft.Json", "12.0.1")]
    [InlineData("pkg:golang/golang.org/x/net@v0.17.0", "Go", "golang.org/x/net", "v0.17.0")]
    [InlineData("pkg:cargo/serde@1.0.0", "crates.io", "serde", "1.0.0")]
    [InlineData("pkg:gem/rake@13.0.6", "RubyGems", "rake", "13.0.6")]
    [InlineData("pkg:composer/monolog/monolog@1.23.0", "Packagist", "monolog/monolog", "1.23.0")]
    public void PurlMapping(string purl, string ecosystem, string name, string version)
    {
        var package = PurlPackageMapper.Map(purl, null);

        Assert.Equal((ecosystem, name, version), (package!.Ecosystem.ToString(), package.Name, package.Version));
    }

    [Theory]
    [InlineData("pkg:generic/openssl@3.0")]
    [InlineData("pkg:npm/noversion")]
    [InlineData("not a purl")]
    public void UnmatchablePurls_AreNull(string purl) => Assert.Null(PurlPackageMapper.Map(purl, null));

    private static void AssertSamePackages(Inventory expected, Inventory actual)
    {
        static string Key(Package p) => $"{p.Ecosystem}|{p.Name}|{p.Version}|{p.Type}|{p.Purl}|{p.SourceName}|{p.SourceVersion}|{p.FilePath}|{p.LayerDigest}";
        Assert.Equal(expected.Packages.Select(Key).Order(StringComparer.Ordinal), actual.Packages.Select(Key).Order(StringComparer.Ordinal));
    }

    private static async Task<Inventory> ReadAsync(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await SbomReader.ReadAsync(stream, "input.json", CancellationToken.None);
    }
}
