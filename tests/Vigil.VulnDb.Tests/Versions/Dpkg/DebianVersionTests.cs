using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions.Dpkg;

namespace Vigil.VulnDb.Tests.Versions.Dpkg;

public class DebianVersionTests
{
    // Expected signs are what dpkg --compare-versions answers (Debian policy §5.6.12), plus dpkg's own test vectors.
    [Theory]
    [InlineData("1.0", "1.0", 0)]
    [InlineData("1.0", "1.0-0", 0)]
    [InlineData("0:1.0", "1.0", 0)]
    [InlineData("1.0-1", "2.0-2", -1)]
    [InlineData("2.2~rc-4", "2.2-1", -1)]
    [InlineData("1.0000-1", "1.0-1", 0)]
    [InlineData("1.1-20080727-1", "1.1-20080316-1", 1)]
    [InlineData("1:0", "0:1", 1)]
    [InlineData("1.0~rc1", "1.0", -1)]
    [InlineData("1.0~~", "1.0~", -1)]
    [InlineData("1.0~~a", "1.0~~", 1)]
    [InlineData("1.0~", "1.0", -1)]
    [InlineData("1.0", "1.0a", -1)]
    [InlineData("1.0a", "1.0+", -1)]
    [InlineData("1.0+", "1.0.", -1)]
    [InlineData("1.0-1", "1.0+1", -1)]
    [InlineData("a", "z", -1)]
    [InlineData("A", "a", -1)]
    [InlineData("1.0a", "1.0A", 1)]
    [InlineData("1.2.3", "1.2.10", -1)]
    [InlineData("1.002", "1.2", 0)]
    [InlineData("0.1", ".1", -1)]
    [InlineData("1.0", "1.00", 0)]
    [InlineData("1.0.0", "1.0", 1)]
    [InlineData("1.0-1ubuntu1", "1.0-1", 1)]
    [InlineData("1.0-1ubuntu0.1", "1.0-1", 1)]
    [InlineData("1.0-1ubuntu0.1", "1.0-1ubuntu1", -1)]
    [InlineData("2:1.0", "1:9.9", 1)]
    [InlineData("7.6p2-4", "7.6-0", 1)]
    [InlineData("1.0.3-3", "1.0-1", 1)]
    [InlineData("1.3", "1.2.2-2", 1)]
    [InlineData("1.3", "1.2.2", 1)]
    [InlineData("0-pre", "0-pre", 0)]
    [InlineData("0-pre", "0-pree", -1)]
    [InlineData("1.1.6r2-2", "1.1.6r-1", 1)]
    [InlineData("2.6b2-1", "2.6b-2", 1)]
    [InlineData("98.1p5-1", "98.1-pre2-b6-2", -1)]
    [InlineData("0.4a6-2", "0.4-1", 1)]
    [InlineData("1:3.0.5+dfsg-1", "1:3.0.5-1", 1)]
    [InlineData("1.0+dfsg1-1", "1.0-1", 1)]
    [InlineData("2.30-1", "2.3-1", 1)]
    [InlineData("9.8.1.dfsg.P1-4ubuntu0.1", "9.8.1.dfsg-1", 1)]
    [InlineData("1.18.3~beta1-1", "1.18.3-1", -1)]
    [InlineData("1.18.3-1~bpo70+1", "1.18.3-1", -1)]
    [InlineData("2.0.0~git20200101.abcdef+dfsg1-1", "2.0.0-1", -1)]
    [InlineData("1.0-1", "1.0-1~", 1)]
    [InlineData("1.0~beta1~svn1245", "1.0~beta1", -1)]
    [InlineData("1.0~beta1", "1.0", -1)]
    [InlineData("0:1.0-1", "1.0-1", 0)]
    [InlineData("10", "9", 1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("1.0-10", "1.0-9", 1)]
    [InlineData("1:1.0", "2.0", 1)]
    [InlineData("1.2a", "1.2b", -1)]
    [InlineData("1.2z", "1.2+", -1)]
    [InlineData("1.2~", "1.2~~", 1)]
    [InlineData("0", "00", 0)]
    [InlineData("a0", "a", 0)]
    [InlineData("1.a", "1.0a", 1)]
    public void Orders_like_dpkg(string a, string b, int expected) => VersionAssert.Ordered<DebianVersion>(a, b, expected);

    [Theory]
    [InlineData("1:2.30-1ubuntu4", 1, "2.30", "1ubuntu4")]
    [InlineData("2.30", 0, "2.30", "")]
    [InlineData("1.1-20080727-1", 0, "1.1-20080727", "1")]
    [InlineData("3:1:2-3", 3, "1:2", "3")]
    [InlineData("0:a", 0, "a", "")]
    public void Splits_epoch_upstream_and_revision(string text, int epoch, string upstream, string revision)
    {
        var version = VersionAssert.Valid<DebianVersion>(text);
        Assert.Equal(epoch, version.Epoch);
        Assert.Equal(upstream, version.UpstreamVersion);
        Assert.Equal(revision, version.Revision);
        Assert.Equal(revision.Length > 0, version.HasRevision);
    }

    [Theory]
    [InlineData(":1.0", "epoch before ':' is empty")]
    [InlineData("a:1.0", "epoch before ':' is not a number")]
    [InlineData("-1:1.0", "epoch before ':' is not a number")]
    [InlineData("99999999999:1.0", "epoch is too big")]
    [InlineData("1:", "upstream version is empty")]
    [InlineData("-1", "upstream version is empty")]
    [InlineData("1:-1", "upstream version is empty")]
    [InlineData("1.0-", "revision after the last '-' is empty")]
    [InlineData("1.0 1", "invalid character '\\u0020' in the upstream version")]
    [InlineData(" 1.0", "invalid character '\\u0020' in the upstream version")]
    [InlineData("1.0_1", "invalid character '_' in the upstream version")]
    [InlineData("1.0-1_2", "invalid character '_' in the revision")]
    [InlineData("1:1.0-1:2", "invalid character ':' in the revision")]
    [InlineData("1.0é", "invalid character 'é' in the upstream version")]
    public void Rejects_invalid_versions(string text, string reason) => VersionAssert.Invalid<DebianVersion>(text, reason);

    [Fact]
    public void Rejects_common_garbage() => VersionAssert.RejectsCommonGarbage<DebianVersion>();

    [Fact]
    public void Default_value_sorts_like_zero_and_does_not_throw()
    {
        var zero = DebianVersion.Parse("0");
        Assert.Equal(0, default(DebianVersion).CompareTo(zero));
        Assert.Equal(string.Empty, default(DebianVersion).ToString());
        Assert.True(default(DebianVersion) < DebianVersion.Parse("0.1"));
    }

    [Fact]
    public void Is_a_total_order_on_generated_versions() =>
        OrderingProperties.AssertTotalOrder<DebianVersion>(Generator);

    private static Gen<string> Fragment(params string[] tokens) =>
        Gen.NonEmptyListOf(Gen.Elements(tokens)).Select(parts => string.Concat(parts.Take(6)));

    private static readonly Gen<string> Generator =
        from epoch in Gen.Elements("", "0:", "1:", "2:")
        from upstream in Fragment("0", "1", "01", "10", "2", "a", "b", "Z", "~", ".", "+")
        from hasRevision in Gen.Elements(false, true)
        from inner in Gen.Elements("", "-1", "-a")
        from revision in Fragment("0", "1", "2", "ubuntu", "~", ".", "+", "a")
        select hasRevision ? $"{epoch}{upstream}{inner}-{revision}" : epoch + upstream;
}
