using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions.SemVer;

namespace Vigil.VulnDb.Tests.Versions.SemVer;

public class SemanticVersionTests
{
    // semver.org §11 examples, then edge cases of the precedence rules, then Go module forms.
    [Theory]
    [InlineData("1.0.0", "2.0.0", -1)]
    [InlineData("2.0.0", "2.1.0", -1)]
    [InlineData("2.1.0", "2.1.1", -1)]
    [InlineData("1.0.0-alpha", "1.0.0", -1)]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1", -1)]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta", -1)]
    [InlineData("1.0.0-alpha.beta", "1.0.0-beta", -1)]
    [InlineData("1.0.0-beta", "1.0.0-beta.2", -1)]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11", -1)]
    [InlineData("1.0.0-beta.11", "1.0.0-rc.1", -1)]
    [InlineData("1.0.0-rc.1", "1.0.0", -1)]
    [InlineData("1.0.0", "1.0.0", 0)]
    [InlineData("1.0.0+build.1", "1.0.0+build.2", 0)]
    [InlineData("1.0.0-rc.1+build.1", "1.0.0-rc.1", 0)]
    [InlineData("1.0.0+build", "1.0.0-rc.1", 1)]
    [InlineData("1.0.0-2", "1.0.0-10", -1)]
    [InlineData("1.0.0-10", "1.0.0-9a", -1)]
    [InlineData("1.0.0-Alpha", "1.0.0-alpha", -1)]
    [InlineData("1.0.0-alpha-1", "1.0.0-alpha.1", 1)]
    [InlineData("1.0.0-a.b.c", "1.0.0-a.b", 1)]
    [InlineData("1.0.0-0", "1.0.0-00a", -1)]
    [InlineData("1.9.0", "1.10.0", -1)]
    [InlineData("1.0.10", "1.0.9", 1)]
    [InlineData("10.0.0", "9.99.99", 1)]
    [InlineData("18446744073709551615.0.0", "18446744073709551614.9.9", 1)]
    [InlineData("1.0.0-99999999999999999999999", "1.0.0-99999999999999999999998", 1)]
    [InlineData("v1.2.3", "1.2.3", 0)]
    [InlineData("V1.2.3", "v1.2.3", 0)]
    [InlineData("v2.0.0+incompatible", "2.0.0", 0)]
    [InlineData("v2.0.1+incompatible", "v2.0.0", 1)]
    [InlineData("v0.0.0-20191109021931-daa7c04131f5", "v0.0.1", -1)]
    [InlineData("v0.0.0-20191109021931-daa7c04131f5", "v0.0.0-20200101000000-0123456789ab", -1)]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.3", 1)]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.4", -1)]
    [InlineData("v1.2.4-0.20191109021931-daa7c04131f5", "v1.2.4-0.20200101000000-0123456789ab", -1)]
    [InlineData("v1.2.4-pre.0.20191109021931-daa7c04131f5", "v1.2.4-pre", 1)]
    [InlineData("v1.2.4-pre.0.20191109021931-daa7c04131f5", "v1.2.4-pre.1", -1)]
    public void Orders_by_semver_precedence(string a, string b, int expected) =>
        VersionAssert.Ordered<SemanticVersion>(a, b, expected);

    [Fact]
    public void Exposes_parts()
    {
        var version = VersionAssert.Valid<SemanticVersion>("v1.22.333-rc.1+build.5");
        Assert.Equal(1UL, version.Major);
        Assert.Equal(22UL, version.Minor);
        Assert.Equal(333UL, version.Patch);
        Assert.True(version.IsPrerelease);
        Assert.Equal("rc.1", version.Prerelease);
        Assert.Equal("build.5", version.BuildMetadata);
        Assert.False(SemanticVersion.Parse("1.0.0+x").IsPrerelease);
    }

    [Theory]
    [InlineData("1", "expected '.' after the major version")]
    [InlineData("1.2", "expected '.' after the minor version")]
    [InlineData("1.2.", "expected the patch version number at position 4")]
    [InlineData("a.b.c", "expected the major version number at position 0")]
    [InlineData("01.2.3", "the major version has a leading zero")]
    [InlineData("1.02.3", "the minor version has a leading zero")]
    [InlineData("1.2.03", "the patch version has a leading zero")]
    [InlineData("1.2.3-", "the pre-release has an empty identifier")]
    [InlineData("1.2.3-a..b", "the pre-release has an empty identifier")]
    [InlineData("1.2.3-01", "numeric pre-release identifier '01' has a leading zero")]
    [InlineData("1.2.3-a_b", "invalid character '_' in the pre-release")]
    [InlineData("1.2.3+", "the build metadata has an empty identifier")]
    [InlineData("1.2.3+a+b", "invalid character '+' in the build metadata")]
    [InlineData("1.2.3.4", "unexpected '.' after the patch version")]
    [InlineData("1.2.3 ", "unexpected ' ' after the patch version")]
    [InlineData(" 1.2.3", "expected the major version number at position 0")]
    [InlineData("vv1.2.3", "expected the major version number at position 1")]
    [InlineData("18446744073709551616.0.0", "the major version is too big")]
    public void Rejects_invalid_versions(string text, string reason) => VersionAssert.Invalid<SemanticVersion>(text, reason);

    [Fact]
    public void Accepts_leading_zeros_in_build_metadata() => VersionAssert.Valid<SemanticVersion>("1.0.0+001");

    [Fact]
    public void Rejects_common_garbage() => VersionAssert.RejectsCommonGarbage<SemanticVersion>();

    [Fact]
    public void Default_value_is_zero()
    {
        Assert.Equal(SemanticVersion.Parse("0.0.0"), default);
        Assert.Equal("0.0.0", default(SemanticVersion).ToString());
    }

    [Fact]
    public void Is_a_total_order_on_generated_versions() =>
        OrderingProperties.AssertTotalOrder<SemanticVersion>(Generator);

    private static readonly Gen<string> Number = Gen.Elements("0", "1", "2", "10", "11");

    private static readonly Gen<string> Identifier = Gen.Elements("0", "1", "2", "10", "a", "b", "A", "alpha", "a-1", "1a", "-");

    private static readonly Gen<string> Generator =
        from v in Gen.Elements("", "v")
        from major in Number
        from minor in Number
        from patch in Number
        from prerelease in Gen.ListOf(Identifier, 3)
        from usePrerelease in Gen.Elements(false, true)
        from build in Gen.Elements("", "+build", "+incompatible", "+001")
        select $"{v}{major}.{minor}.{patch}{(usePrerelease ? "-" + string.Join('.', prerelease.Take(3).DefaultIfEmpty("rc")) : "")}{build}";
}
