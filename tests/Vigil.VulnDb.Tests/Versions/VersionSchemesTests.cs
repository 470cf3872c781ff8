using Vigil.Core;
using Vigil.VulnDb.Versions;
using Vigil.VulnDb.Versions.Dpkg;
using Vigil.VulnDb.Versions.SemVer;

namespace Vigil.VulnDb.Tests.Versions;

public class VersionSchemesTests
{
    [Theory]
    [InlineData("Debian:12", VersionScheme.Dpkg)]
    [InlineData("Ubuntu:22.04:LTS", VersionScheme.Dpkg)]
    [InlineData("Alpine:v3.20", VersionScheme.Apk)]
    [InlineData("Wolfi", VersionScheme.Apk)]
    [InlineData("Chainguard", VersionScheme.Apk)]
    [InlineData("Red Hat:enterprise_linux:9::baseos", VersionScheme.Rpm)]
    [InlineData("Rocky Linux:9", VersionScheme.Rpm)]
    [InlineData("AlmaLinux:8", VersionScheme.Rpm)]
    [InlineData("openSUSE:Tumbleweed", VersionScheme.Rpm)]
    [InlineData("SUSE:Linux Enterprise Server 15 SP5", VersionScheme.Rpm)]
    [InlineData("npm", VersionScheme.SemVer)]
    [InlineData("crates.io", VersionScheme.SemVer)]
    [InlineData("Go", VersionScheme.SemVer)]
    [InlineData("Bitnami", VersionScheme.SemVer)]
    [InlineData("Hex", VersionScheme.SemVer)]
    [InlineData("Pub", VersionScheme.SemVer)]
    [InlineData("PyPI", VersionScheme.Pep440)]
    [InlineData("Maven", VersionScheme.Maven)]
    [InlineData("NuGet", VersionScheme.NuGet)]
    [InlineData("RubyGems", VersionScheme.RubyGems)]
    [InlineData("Packagist", VersionScheme.Packagist)]
    [InlineData("CRAN", VersionScheme.Generic)]
    [InlineData("Hackage", VersionScheme.Generic)]
    [InlineData("SomethingNew", VersionScheme.Generic)]
    public void Maps_osv_ecosystems_to_schemes(string ecosystem, VersionScheme expected)
    {
        var parsed = Ecosystem.Parse(ecosystem);
        Assert.Equal(expected, VersionSchemes.SchemeOf(parsed));
        Assert.Equal(expected, VersionSchemes.ForEcosystem(parsed).Scheme);
    }

    [Fact]
    public void Every_scheme_has_one_shared_comparer()
    {
        foreach (var scheme in Enum.GetValues<VersionScheme>())
        {
            var comparer = VersionSchemes.Get(scheme);
            Assert.Equal(scheme, comparer.Scheme);
            Assert.Same(comparer, VersionSchemes.Get(scheme));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => VersionSchemes.Get((VersionScheme)99));
    }

    [Fact]
    public void Default_ecosystem_uses_the_generic_scheme() =>
        Assert.Equal(VersionScheme.Generic, VersionSchemes.SchemeOf(default));

    [Fact]
    public void Parsed_handles_compare_within_a_scheme_and_refuse_across_schemes()
    {
        var dpkg = VersionSchemes.Get(VersionScheme.Dpkg);
        var installed = dpkg.Parse("1:2.36-9+deb12u4");
        Assert.True(installed > dpkg.Parse("1:2.36-9"));
        Assert.True(installed < dpkg.Parse("1:2.36-9+deb12u5"));
        Assert.True(installed == dpkg.Parse("01:2.36-9+deb12u4"));
        Assert.Equal(installed.GetHashCode(), dpkg.Parse("01:2.36-9+deb12u4").GetHashCode());
        Assert.Equal(VersionScheme.Dpkg, installed.Scheme);
        Assert.IsType<DebianVersion>(installed.Value);
        Assert.Equal("1:2.36-9+deb12u4", installed.ToString());

        var semver = VersionSchemes.Get(VersionScheme.SemVer).Parse("1.0.0");
        var error = Assert.Throws<ArgumentException>(() => installed.CompareTo(semver));
        Assert.Contains("Dpkg", error.Message, StringComparison.Ordinal);
        Assert.False(installed.Equals(semver));
        Assert.Throws<ArgumentException>(() => installed.CompareTo("1.0"));
    }

    [Fact]
    public void Null_handles_sort_first()
    {
        var version = VersionSchemes.Get(VersionScheme.SemVer).Parse("1.0.0");
        Assert.True(version > null);
        Assert.True(null < version);
        Assert.Equal(1, version.CompareTo(null));
        Assert.Equal(1, version.CompareTo((object?)null));
        Assert.False(version == null);
        ParsedVersion? none = null;
        Assert.True(none == null);
    }

    [Fact]
    public void Comparers_sort_strings()
    {
        var comparer = (IComparer<string>)SemanticVersionComparer.Instance;
        string[] versions = ["1.10.0", "1.2.0", "1.2.0-rc.1", "0.9.0"];
        Array.Sort(versions, comparer);
        Assert.Equal(["0.9.0", "1.2.0-rc.1", "1.2.0", "1.10.0"], versions);
        Assert.True(comparer.Compare(null, "1.0.0") < 0);
    }

    [Fact]
    public void TryParse_never_throws_and_IsValid_agrees()
    {
        foreach (var scheme in Enum.GetValues<VersionScheme>())
        {
            var comparer = VersionSchemes.Get(scheme);
            foreach (var text in new[] { null, string.Empty, " ", "\0", "💥", "1", "1.0.0", "-", ":", "~", new string('9', 2000) })
            {
                var parsed = comparer.TryParse(text, out var handle);
                Assert.Equal(parsed, comparer.IsValid(text));
                Assert.Equal(parsed, handle is not null);
            }
        }
    }
}
