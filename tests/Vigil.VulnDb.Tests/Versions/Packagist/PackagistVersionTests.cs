using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions.Packagist;

namespace Vigil.VulnDb.Tests.Versions.Packagist;

public class PackagistVersionTests
{
    // Composer's VersionParserTest::successfulNormalizedVersions (composer/semver) plus stability spellings.
    [Theory]
    [InlineData("1.0.0", "1.0.0.0")]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("1.0.0RC1dev", "1.0.0.0-RC1-dev")]
    [InlineData("1.0.0-rC15-dev", "1.0.0.0-RC15-dev")]
    [InlineData("1.0.0.RC.15-dev", "1.0.0.0-RC15-dev")]
    [InlineData("1.0.0-rc1", "1.0.0.0-RC1")]
    [InlineData("1.0.0.pl3-dev", "1.0.0.0-patch3-dev")]
    [InlineData("1.0-dev", "1.0.0.0-dev")]
    [InlineData("0", "0.0.0.0")]
    [InlineData("10.4.13-beta", "10.4.13.0-beta")]
    [InlineData("10.4.13beta2", "10.4.13.0-beta2")]
    [InlineData("10.4.13-beta.2", "10.4.13.0-beta2")]
    [InlineData("v1.13.11-beta.0", "1.13.11.0-beta0")]
    [InlineData("1.13.11.0-beta0", "1.13.11.0-beta0")]
    [InlineData("10.4.13-b", "10.4.13.0-beta")]
    [InlineData("10.4.13-b5", "10.4.13.0-beta5")]
    [InlineData("v1.0.0", "1.0.0.0")]
    [InlineData("2010.01", "2010.01.0.0")]
    [InlineData("2010.01.02", "2010.01.02.0")]
    [InlineData("2010.1.555", "2010.1.555.0")]
    [InlineData("2010.10.200", "2010.10.200.0")]
    [InlineData("v20100102", "20100102")]
    [InlineData("2010-01-02", "2010.01.02")]
    [InlineData("2010-01-02.5", "2010.01.02.5")]
    [InlineData("20100102-203040", "20100102.203040")]
    [InlineData("20100102203040-10", "20100102203040.10")]
    [InlineData("20100102-203040-p1", "20100102.203040-patch1")]
    [InlineData("201903.0", "201903.0")]
    [InlineData("201903.0-p2", "201903.0-patch2")]
    [InlineData("1.0.0-beta.5+foo", "1.0.0.0-beta5")]
    [InlineData("1.0.0+foo", "1.0.0.0")]
    [InlineData("1.0.0-alpha.3.1+foo", "1.0.0.0-alpha3.1")]
    [InlineData("1.0.0-alpha2.1+foo", "1.0.0.0-alpha2.1")]
    [InlineData("1.0.0-alpha-2.1-3+foo", "1.0.0.0-alpha2.1-3")]
    [InlineData("1.0.0+foo as 2.0", "1.0.0.0")]
    [InlineData("00.01.03.04", "00.01.03.04")]
    [InlineData("0700", "0700.0.0.0")]
    [InlineData("041.x-dev", "041.9999999.9999999.9999999-dev")]
    [InlineData(" 1.0.0", "1.0.0.0")]
    [InlineData("1.0.0 ", "1.0.0.0")]
    [InlineData("1.0.0-stable", "1.0.0.0")]
    [InlineData("1.0.0-STABLE", "1.0.0.0-stable")]
    [InlineData("1.x-dev", "1.9999999.9999999.9999999-dev")]
    [InlineData("2.1.x-dev", "2.1.9999999.9999999-dev")]
    [InlineData("1.0.0@beta", "1.0.0.0")]
    [InlineData("1.0.0-patch1", "1.0.0.0-patch1")]
    [InlineData("1.0.0-p", "1.0.0.0-patch")]
    [InlineData("v1.0.0-alpha", "1.0.0.0-alpha")]
    public void Normalizes_like_composer(string text, string normalized) =>
        Assert.Equal(normalized, VersionAssert.Valid<PackagistVersion>(text).Normalized);

    // Expected signs are PHP 8.2's version_compare on the normalized forms (shown), which is what Composer compares.
    [Theory]
    [InlineData("1.0.0-dev", "1.0.0-alpha1", -1)] // 1.0.0.0-dev vs 1.0.0.0-alpha1
    [InlineData("1.0.0-alpha1", "1.0.0-alpha2", -1)] // 1.0.0.0-alpha1 vs 1.0.0.0-alpha2
    [InlineData("1.0.0-alpha2", "1.0.0-beta1", -1)] // 1.0.0.0-alpha2 vs 1.0.0.0-beta1
    [InlineData("1.0.0-beta1", "1.0.0-RC1", -1)] // 1.0.0.0-beta1 vs 1.0.0.0-RC1
    [InlineData("1.0.0-RC1", "1.0.0", -1)] // 1.0.0.0-RC1 vs 1.0.0.0
    [InlineData("1.0.0", "1.0.0-patch1", -1)] // 1.0.0.0 vs 1.0.0.0-patch1
    [InlineData("1.0.0-patch1", "1.0.1", -1)] // 1.0.0.0-patch1 vs 1.0.1.0
    [InlineData("1.0.0-a1", "1.0.0-alpha1", 0)] // 1.0.0.0-alpha1 vs 1.0.0.0-alpha1
    [InlineData("1.0.0-b2", "1.0.0-beta2", 0)] // 1.0.0.0-beta2 vs 1.0.0.0-beta2
    [InlineData("1.0.0-pl2", "1.0.0-p2", 0)] // 1.0.0.0-patch2 vs 1.0.0.0-patch2
    [InlineData("1.0", "1.0.0", 0)] // 1.0.0.0 vs 1.0.0.0
    [InlineData("v1.0.0", "1.0.0", 0)] // 1.0.0.0 vs 1.0.0.0
    [InlineData("1.0.0+build1", "1.0.0+build2", 0)] // 1.0.0.0 vs 1.0.0.0
    [InlineData("1.0.0-beta.2", "1.0.0-beta.10", -1)] // 1.0.0.0-beta2 vs 1.0.0.0-beta10
    [InlineData("1.0.0-beta2", "1.0.0-beta", 1)] // 1.0.0.0-beta2 vs 1.0.0.0-beta
    [InlineData("1.0.0-RC1-dev", "1.0.0-RC1", -1)] // 1.0.0.0-RC1-dev vs 1.0.0.0-RC1
    [InlineData("1.0.0-RC1-dev", "1.0.0-beta9", 1)] // 1.0.0.0-RC1-dev vs 1.0.0.0-beta9
    [InlineData("1.0-dev", "1.0.0-dev", 0)] // 1.0.0.0-dev vs 1.0.0.0-dev
    [InlineData("1.x-dev", "1.99999", 1)] // 1.9999999.9999999.9999999-dev vs 1.99999.0.0
    [InlineData("1.x-dev", "2.0.0-dev", -1)] // 1.9999999.9999999.9999999-dev vs 2.0.0.0-dev
    [InlineData("2.0.0-dev", "2.0.0-alpha", -1)] // 2.0.0.0-dev vs 2.0.0.0-alpha
    [InlineData("1.9.9", "1.10.0", -1)] // 1.9.9.0 vs 1.10.0.0
    [InlineData("1.2.3.4", "1.2.3.5", -1)] // 1.2.3.4 vs 1.2.3.5
    [InlineData("1.2.3.4", "1.2.4", -1)] // 1.2.3.4 vs 1.2.4.0
    [InlineData("00.01.03.04", "0.1.3.4", 0)] // 00.01.03.04 vs 0.1.3.4
    [InlineData("2010-01-02", "2010.01.02", -1)] // 2010.01.02 vs 2010.01.02.0
    [InlineData("2010-01-02", "2010.01.02.5", -1)] // 2010.01.02 vs 2010.01.02.5
    [InlineData("20100102-203040", "20100102.203041", -1)] // 20100102.203040 vs 20100102.203041
    [InlineData("1.0.0-alpha3.1", "1.0.0-alpha3", 1)] // 1.0.0.0-alpha3.1 vs 1.0.0.0-alpha3
    [InlineData("1.0.0-alpha3.1", "1.0.0-alpha4", -1)] // 1.0.0.0-alpha3.1 vs 1.0.0.0-alpha4
    [InlineData("0", "0.0.1", -1)] // 0.0.0.0 vs 0.0.1.0
    [InlineData("5.4.3", "5.4.10", -1)] // 5.4.3.0 vs 5.4.10.0
    [InlineData("3.4.0-BETA1", "3.4.0-beta1", 0)] // 3.4.0.0-beta1 vs 3.4.0.0-beta1
    [InlineData("1.0.0-stable", "1.0.0", 0)] // 1.0.0.0 vs 1.0.0.0
    [InlineData("1.0.0-STABLE", "1.0.0-dev", -1)] // 1.0.0.0-stable vs 1.0.0.0-dev
    [InlineData("1.0.0-patch", "1.0.0-patch1", -1)] // 1.0.0.0-patch vs 1.0.0.0-patch1
    public void Orders_like_composer(string a, string b, int expected) => VersionAssert.Ordered<PackagistVersion>(a, b, expected);

    // Composer's VersionParserTest::failingNormalizedVersions, and named branches, which Composer does not order.
    [Theory]
    [InlineData("a", "not a Composer version")]
    [InlineData("1.0.0-meh", "not a Composer version")]
    [InlineData("1.0.0.0.0", "not a Composer version")]
    [InlineData("feature-foo", "not a Composer version")]
    [InlineData("1.0.0+foo bar", "not a Composer version")]
    [InlineData("1.0.1-SNAPSHOT", "not a Composer version")]
    [InlineData("1.0.0<1.0.5-dev", "not a Composer version")]
    [InlineData("1.0 .2", "not a Composer version")]
    [InlineData("^1", "not a Composer version")]
    [InlineData("~1", "not a Composer version")]
    [InlineData("1.*", "not a Composer version")]
    [InlineData("20100102.0.3.4", "not a Composer version")]
    [InlineData("1.٣", "not a Composer version")]
    [InlineData("   ", "blank")]
    [InlineData("dev-master", "development branch")]
    [InlineData("master", "development branch")]
    [InlineData("dev-feature-foo", "development branch")]
    [InlineData("dev-1.0", "development branch")]
    public void Rejects_what_composer_cannot_order(string text, string reason) =>
        VersionAssert.Invalid<PackagistVersion>(text, reason);

    [Fact]
    public void Rejects_common_garbage() => VersionAssert.RejectsCommonGarbage<PackagistVersion>();

    [Fact]
    public void Default_value_is_zero()
    {
        Assert.Equal(PackagistVersion.Parse("0"), default);
        Assert.Equal("0.0.0.0", default(PackagistVersion).Normalized);
    }

    [Fact]
    public void Is_a_total_order_on_generated_versions() =>
        OrderingProperties.AssertTotalOrder<PackagistVersion>(Generator);

    private static readonly Gen<string> Generator =
        from v in Gen.Elements("", "v")
        from numbers in Gen.NonEmptyListOf(Gen.Elements("0", "1", "2", "10", "01"))
        from stability in Gen.Elements("", "", "-dev", "-alpha", "-a1", "-beta2", "-b", "-RC1", "-rc.2", "-patch1", "-pl", "-p2", "-stable", "-beta.1.2")
        from dev in Gen.Elements("", "", "-dev")
        from metadata in Gen.Elements("", "", "+build.7")
        select v + string.Join('.', numbers.Take(4)) + stability + (stability is "-dev" or "-stable" ? string.Empty : dev) + metadata;
}
