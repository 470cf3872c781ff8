using Vigil.Analyzers.Npm;
using Vigil.Analyzers.Tests.Support;

namespace Vigil.Analyzers.Tests.Npm;

public sealed class NpmAnalyzerTests
{
    private readonly NpmPackageAnalyzer _installed = new();
    private readonly PackageLockAnalyzer _lock = new();

    [Theory]
    [InlineData("""{"name":"lodash","version":"4.17.15","license":"MIT"}""", "lodash", "4.17.15", "pkg:npm/lodash@4.17.15", "MIT")]
    [InlineData("""{"name":"@babel/core","version":"7.0.0","license":{"type":"MIT"}}""", "@babel/core", "7.0.0", "pkg:npm/%40babel/core@7.0.0", "MIT")]
    [InlineData("""{"name":"old","version":"1.0.0","licenses":[{"type":"BSD"},"ISC"]}""", "old", "1.0.0", "pkg:npm/old@1.0.0", "BSD,ISC")]
    public async Task InstalledPackage(string json, string name, string version, string purl, string licenses)
    {
        var result = await AnalyzerRunner.RunAsync(_installed, "/app/node_modules/x/package.json", json);

        var package = Assert.Single(result.Packages);
        Assert.Equal((name, version, purl), (package.Name, package.Version, package.Purl));
        Assert.Equal("npm", package.Ecosystem.ToString());
        Assert.Equal(licenses, string.Join(',', package.Licenses));
    }

    [Theory]
    [InlineData("""{"type":"module"}""")]
    [InlineData("""{"name":"x"}""")]
    [InlineData("""{"name":"x","version":""}""")]
    public async Task ManifestWithoutIdentity_IsNotAPackage(string json)
    {
        var result = await AnalyzerRunner.RunAsync(_installed, "/app/node_modules/x/package.json", json);

        Assert.Empty(result.Packages);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    public async Task BrokenManifest_Throws_InvalidData(string json)
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(_installed, "/app/node_modules/x/package.json", json));
    }

    [Theory]
    [InlineData("/app/node_modules/lodash/package.json", true)]
    [InlineData("/app/node_modules/@types/node/package.json", true)]
    [InlineData("/app/node_modules/a/node_modules/b/package.json", true)]
    [InlineData("/node_modules/a/package.json", true)]
    [InlineData("/app/package.json", false)]
    [InlineData("/app/node_modules/lodash/dist/package.json", false)]
    [InlineData("/app/node_modules/@types/package.json", false)]
    [InlineData("/app/node_modules/.bin/package.json", false)]
    [InlineData("/app/node_modules/lodash/package.json.bak", false)]
    public void InstalledIsRequired(string path, bool expected) => Assert.Equal(expected, _installed.IsRequired(AnalyzerRunner.File(path)));

    [Fact]
    public async Task LockfileV1_NestedAndDevSkipped()
    {
        const string json = """
            {"name":"app","lockfileVersion":1,"dependencies":{
              "express":{"version":"4.16.0","dependencies":{"debug":{"version":"2.6.9"}}},
              "jest":{"version":"29.0.0","dev":true},
              "local":{"version":"file:../local"}
            }}
            """;
        var result = await AnalyzerRunner.RunAsync(_lock, "/app/package-lock.json", json);

        Assert.Equal(["express@4.16.0", "debug@2.6.9"], result.Packages.Select(p => $"{p.Name}@{p.Version}"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task LockfileV2V3_Packages(int version)
    {
        var json = $$"""
            {"name":"app","lockfileVersion":{{version}},"packages":{
              "":{"name":"app","version":"1.0.0"},
              "node_modules/lodash":{"version":"4.17.15"},
              "node_modules/@scope/pkg":{"version":"2.0.0"},
              "node_modules/a/node_modules/lodash":{"version":"3.10.1"},
              "node_modules/typescript":{"version":"5.0.0","dev":true},
              "node_modules/mylib":{"resolved":"packages/mylib","link":true},
              "packages/mylib":{"version":"0.1.0"}
            },"dependencies":{"ignored":{"version":"9.9.9"} } }
            """;
        var result = await AnalyzerRunner.RunAsync(_lock, "/app/package-lock.json", json);

        Assert.Equal(["lodash@4.17.15", "@scope/pkg@2.0.0", "lodash@3.10.1"], result.Packages.Select(p => $"{p.Name}@{p.Version}"));
        Assert.Equal("pkg:npm/%40scope/pkg@2.0.0", result.Packages[1].Purl);
    }

    [Fact]
    public async Task LockfileDeepNesting_IsRejected()
    {
        var json = "{\"dependencies\":" + string.Concat(Enumerable.Repeat("{\"a\":{\"version\":\"1.0.0\",\"dependencies\":", 70)) + "{}" + new string('}', 140) + "}";

        await Assert.ThrowsAsync<InvalidDataException>(() => AnalyzerRunner.RunAsync(_lock, "/app/package-lock.json", json));
    }

    [Theory]
    [InlineData("/app/package-lock.json", true)]
    [InlineData("/app/node_modules/.package-lock.json", false)]
    [InlineData("/app/node_modules/x/package-lock.json", false)]
    [InlineData("/app/yarn.lock", false)]
    public void LockIsRequired(string path, bool expected) => Assert.Equal(expected, _lock.IsRequired(AnalyzerRunner.File(path)));
}
