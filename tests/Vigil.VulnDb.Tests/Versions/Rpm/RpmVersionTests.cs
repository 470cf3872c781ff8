using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions.Rpm;

namespace Vigil.VulnDb.Tests.Versions.Rpm;

public class RpmVersionTests
{
    // Cases from rpm's rpmvercmp tests; expected signs are what rpm 4.18's rpm.vercmp answers.
    [Theory]
    [InlineData("1.0", "1.0", 0)]
    [InlineData("1.0", "2.0", -1)]
    [InlineData("2.0.1", "2.0.1", 0)]
    [InlineData("2.0", "2.0.1", -1)]
    [InlineData("2.0.1a", "2.0.1", 1)]
    [InlineData("5.5p1", "5.5p2", -1)]
    [InlineData("5.5p10", "5.5p1", 1)]
    [InlineData("10xyz", "10.1xyz", -1)]
    [InlineData("xyz10", "xyz10.1", -1)]
    [InlineData("xyz.4", "8", -1)]
    [InlineData("xyz.4", "2", -1)]
    [InlineData("5.5p2", "5.6p1", -1)]
    [InlineData("5.6p1", "6.5p1", -1)]
    [InlineData("6.0.rc1", "6.0", 1)]
    [InlineData("10b2", "10a1", 1)]
    [InlineData("10a2", "10b2", -1)]
    [InlineData("1.0a", "1.0aa", -1)]
    [InlineData("10.0001", "10.1", 0)]
    [InlineData("10.0001", "10.0039", -1)]
    [InlineData("4.999.9", "5.0", -1)]
    [InlineData("20101121", "20101122", -1)]
    [InlineData("2_0", "2.0", 0)]
    [InlineData("a+", "a_", 0)]
    [InlineData("+a", "_a", 0)]
    [InlineData("_+", "+_", 0)]
    [InlineData("+", "_", 0)]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0~rc1", "1.0~rc2", -1)]
    [InlineData("1.0~rc1~git123", "1.0~rc1", -1)]
    [InlineData("1.0^", "1.0", 1)]
    [InlineData("1.0^git1", "1.0", 1)]
    [InlineData("1.0^git1", "1.0^git2", -1)]
    [InlineData("1.0^git1", "1.01", -1)]
    [InlineData("1.0^20160101", "1.0.1", -1)]
    [InlineData("1.0^20160102", "1.0^20160101^git1", 1)]
    [InlineData("1.0~rc1^git1", "1.0~rc1", 1)]
    [InlineData("1.0^git1", "1.0^git1~pre", 1)]
    [InlineData("1.0", "1.0.", 0)]
    [InlineData("1..0", "1.0", 0)]
    [InlineData("1.0a", "1.0.a", 0)]
    [InlineData("a", "1", -1)]
    [InlineData("A", "a", -1)]
    [InlineData("1.0~", "1.0", -1)]
    [InlineData("1.0~", "1.0~~", 1)]
    public void Orders_versions_like_rpmvercmp(string a, string b, int expected) =>
        VersionAssert.Ordered<RpmVersion>(a, b, expected);

    // Full EVRs; expected signs are what rpm 4.18's rpm.ver comparison answers.
    [Theory]
    [InlineData("1:1.0-1", "2.0-1", 1)]
    [InlineData("0:1.0-1", "1.0-1", 0)]
    [InlineData("1.0-1.el8", "1.0-1.el8_5", -1)]
    [InlineData("1.0-1.el8_5", "1.0-2.el8", -1)]
    [InlineData("4.18.0-305.el8", "4.18.0-305.3.1.el8_4", -1)]
    [InlineData("2:8.0.1-1", "1:9.0-1", 1)]
    [InlineData("1.2.3-4.fc38", "1.2.3-4.fc38", 0)]
    [InlineData("1.0~rc1-1", "1.0-0", -1)]
    [InlineData("1.0-1~beta", "1.0-1", -1)]
    public void Orders_epoch_version_release(string a, string b, int expected) =>
        VersionAssert.Ordered<RpmVersion>(a, b, expected);

    // rpm's dependency ranges let a missing release match any release; its version order (rpm.ver in rpm 4.18) puts it first.
    [Fact]
    public void Missing_release_sorts_before_any_release()
    {
        VersionAssert.Ordered<RpmVersion>("1.0", "1.0-1", -1);
        VersionAssert.Ordered<RpmVersion>("1.0", "1.0-0", -1);
        VersionAssert.Ordered<RpmVersion>("1.0", "0.9-99", 1);
    }

    [Theory]
    [InlineData("3:1.2-3.el9", 3L, "1.2", "3.el9")]
    [InlineData("1.2", 0L, "1.2", "")]
    [InlineData("1.2-3-4", 0L, "1.2-3", "4")]
    [InlineData("4294967295:1", 4294967295L, "1", "")]
    public void Splits_epoch_version_and_release(string text, long epoch, string version, string release)
    {
        var parsed = VersionAssert.Valid<RpmVersion>(text);
        Assert.Equal(epoch, parsed.Epoch);
        Assert.Equal(version, parsed.Version);
        Assert.Equal(release, parsed.Release);
    }

    [Theory]
    [InlineData(":1.0", "epoch before ':' is empty")]
    [InlineData("x:1.0", "epoch before ':' is not a number")]
    [InlineData("4294967296:1.0", "epoch is too big")]
    [InlineData("1:", "the version is empty")]
    [InlineData("-1", "the version is empty")]
    [InlineData("1.0-", "the release after the last '-' is empty")]
    [InlineData("1.0 -1", "invalid character '\\u0020' in the version")]
    [InlineData("1.0-1 ", "invalid character '\\u0020' in the release")]
    [InlineData("1.0-1:2", "epoch before ':' is not a number")]
    [InlineData("1:1.0-1:2", "invalid character ':' in the release")]
    [InlineData("1.0/2", "invalid character '/' in the version")]
    public void Rejects_invalid_versions(string text, string reason) => VersionAssert.Invalid<RpmVersion>(text, reason);

    [Fact]
    public void Rejects_common_garbage() => VersionAssert.RejectsCommonGarbage<RpmVersion>();

    [Fact]
    public void Default_value_equals_the_empty_version_and_does_not_throw()
    {
        Assert.True(default(RpmVersion) < RpmVersion.Parse("0"));
        Assert.Equal(0, default(RpmVersion).CompareTo(default));
    }

    [Fact]
    public void Is_a_total_order_on_generated_versions() => OrderingProperties.AssertTotalOrder<RpmVersion>(Generator);

    private static Gen<string> Part(params string[] tokens) =>
        Gen.NonEmptyListOf(Gen.Elements(tokens)).Select(parts => string.Concat(parts.Take(6)));

    private static readonly Gen<string> Generator =
        from epoch in Gen.Elements("", "0:", "1:", "2:")
        from version in Part("0", "1", "01", "10", "2", "a", "b", "Z", "~", "^", ".", "_", "+")
        from release in Gen.Elements("", "-1", "-2", "-1.el8", "-1.el8_5", "-0~rc1", "-1^git", "-01")
        select epoch + version + release;
}
