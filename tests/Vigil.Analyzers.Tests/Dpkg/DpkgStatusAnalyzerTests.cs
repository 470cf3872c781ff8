using Vigil.Analyzers.Dpkg;
using Vigil.Analyzers.Tests.Support;
using Vigil.Core;

namespace Vigil.Analyzers.Tests.Dpkg;

public sealed class DpkgStatusAnalyzerTests
{
    private const string Status = """
        Package: libc6
        Status: install ok installed
        Priority: optional
        Architecture: amd64
        Multi-Arch: same
        Source: glibc
        Version: 2.36-9+deb12u4
        Description: GNU C Library: Shared libraries
         Contains the standard libraries that are used by nearly all programs on
         the system.

        Package: libgcc-s1
        Status: install ok installed
        Architecture: amd64
        Source: gcc-12 (12.2.0-14)
        Version: 12.2.0-14
        Conffiles:
         /etc/foo 0123

        Package: tzdata
        Status: install ok installed
        Architecture: all
        Version: 2024a-0+deb12u1

        Package: removed-pkg
        Status: deinstall ok config-files
        Architecture: amd64
        Version: 1.0-1

        Package: login
        Status: install ok installed
        Architecture: amd64
        Source: shadow (1:4.13+dfsg1-1)
        Version: 1:4.13+dfsg1-1+b1

        """;

    private readonly DpkgStatusAnalyzer _analyzer = new();

    [Fact]
    public async Task ListsInstalledPackagesWithSources()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/lib/dpkg/status", Status);

        Assert.Empty(result.Warnings);
        Assert.Equal(["libc6", "libgcc-s1", "tzdata", "login"], result.Packages.Select(p => p.Name));
        var libc = result.Packages[0];
        Assert.Equal("2.36-9+deb12u4", libc.Version);
        Assert.Equal("glibc", libc.SourceName);
        Assert.Null(libc.SourceVersion);
        Assert.Equal(PackageType.Os, libc.Type);
        Assert.Equal("Debian", libc.Ecosystem.ToString());
        Assert.Equal("pkg:deb/debian/libc6@2.36-9+deb12u4?arch=amd64", libc.Purl);
    }

    [Fact]
    public async Task SourceVersionInParentheses_AndEpochs()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/lib/dpkg/status", Status);

        var gcc = result.Packages.Single(p => p.Name == "libgcc-s1");
        Assert.Equal(("gcc-12", "12.2.0-14"), (gcc.MatchName, gcc.MatchVersion));
        var login = result.Packages.Single(p => p.Name == "login");
        Assert.Equal("1:4.13+dfsg1-1+b1", login.Version);
        Assert.Equal(("shadow", "1:4.13+dfsg1-1"), (login.SourceName, login.SourceVersion));
        var tzdata = result.Packages.Single(p => p.Name == "tzdata");
        Assert.Equal(("tzdata", "2024a-0+deb12u1"), (tzdata.MatchName, tzdata.MatchVersion));
    }

    [Fact]
    public async Task DistrolessStatusDirectory_HasNoStatusField()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/lib/dpkg/status.d/base-files", "Package: base-files\nVersion: 12.4+deb12u5\nArchitecture: amd64\n");

        Assert.Equal("base-files", Assert.Single(result.Packages).Name);
    }

    [Theory]
    [InlineData("Package: a\nStatus: install ok installed\n\nPackage: b\nVersion: 1\n", "no Version field")]
    [InlineData("Version: 1\nArchitecture: amd64\n", "no Package field")]
    [InlineData("Package: b\nVersion: 1\nthis is not a field\n", "neither fields nor continuations")]
    public async Task MalformedStatus_WarnsAndKeepsTheRest(string content, string expected)
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/lib/dpkg/status", content);

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("/var/lib/dpkg/status", warning.Source);
        Assert.Contains(expected, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinaryGarbage_WarnsWithoutPackages()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/lib/dpkg/status", [0x50, 0x61, 0, 0xff, 0xfe, 0x0a, 0x00]);

        Assert.Empty(result.Packages);
        Assert.Contains("binary data", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyFile_NoPackagesNoWarnings()
    {
        var result = await AnalyzerRunner.RunAsync(_analyzer, "/var/lib/dpkg/status", string.Empty);

        Assert.Empty(result.Packages);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("/var/lib/dpkg/status", true)]
    [InlineData("/var/lib/dpkg/status.d/libssl3", true)]
    [InlineData("/var/lib/dpkg/status.d/libssl3.md5sums", false)]
    [InlineData("/var/lib/dpkg/status.d/sub/x", false)]
    [InlineData("/var/lib/dpkg/status-old", false)]
    [InlineData("/var/lib/dpkg/available", false)]
    [InlineData("/app/var/lib/dpkg/status", false)]
    public void IsRequired(string path, bool expected) => Assert.Equal(expected, _analyzer.IsRequired(AnalyzerRunner.File(path)));
}
