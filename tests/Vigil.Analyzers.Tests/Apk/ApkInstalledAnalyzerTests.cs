using Vigil.Analyzers.Apk;
using Vigil.Analyzers.Tests.Support;

namespace Vigil.Analyzers.Tests.Apk;

public sealed class ApkInstalledAnalyzerTests
{
    private const string Installed = """
        C:Q1abc=
        P:musl
        V:1.2.5-r0
        A:x86_64
        S:383152
        L:MIT
        o:musl
        F:lib
        R:ld-musl-x86_64.so.1

        C:Q1def=
        P:libcrypto3
        V:3.3.1-r0
        A:x86_64
        L:Apache-2.0
        o:openssl

        P:broken
        A:x86_64

        """;

    private readonly ApkInstalledAnalyzer _analyzer = new();

    [Fact]
    public async Task ListsPackagesWithOrigin()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/lib/apk/db/installed", Installed);

        Assert.Equal(["musl@1.2.5-r0", "libcrypto3@3.3.1-r0"], result.Packages.Select(p => $"{p.Name}@{p.Version}"));
        Assert.Null(result.Packages[0].SourceName);
        Assert.Equal("openssl", result.Packages[1].SourceName);
        Assert.Equal("pkg:apk/alpine/libcrypto3@3.3.1-r0?arch=x86_64", result.Packages[1].Purl);
        Assert.Equal(["Apache-2.0"], result.Packages[1].Licenses);
        Assert.Contains("no V: (version)", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryGarbage_Warns()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/lib/apk/db/installed", [0x50, 0x3a, 0, 1, 2, 0x0a]);

        Assert.Empty(result.Packages);
        Assert.Single(result.Warnings);
    }

    [Theory]
    [InlineData("/lib/apk/db/installed", true)]
    [InlineData("/lib/apk/db/installed.old", false)]
    [InlineData("/app/lib/apk/db/installed", false)]
    public void IsRequired(string path, bool expected) => Assert.Equal(expected, _analyzer.IsRequired(AnalyzerRunner.File(path)));
}
