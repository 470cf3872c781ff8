using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions.RubyGems;

namespace Vigil.VulnDb.Tests.Versions.RubyGems;

public class RubyGemsVersionTests
{
    // Cases from RubyGems' test_gem_version.rb (test_spaceship and friends) and real gem versions; every expected sign
    // is what Gem::Version#<=> answers (Ruby 3.1).
    [Theory]
    [InlineData("1.0", "1.0.0", 0)]
    [InlineData("1.0", "1.0.a", 1)]
    [InlineData("1.8.2", "0.0.0", 1)]
    [InlineData("1.8.2", "1.8.2.a", 1)]
    [InlineData("1.8.2.b", "1.8.2.a", 1)]
    [InlineData("1.8.2.a", "1.8.2", -1)]
    [InlineData("1.8.2.a10", "1.8.2.a9", 1)]
    [InlineData("0.beta.1", "0.0.beta.1", 0)]
    [InlineData("0.0.beta", "0.0.beta.1", -1)]
    [InlineData("0.0.beta", "0.beta.1", -1)]
    [InlineData("5.a", "5.0.0.rc2", -1)]
    [InlineData("5.x", "5.0.0.rc2", 1)]
    [InlineData("1.0.0-beta", "1.0.0.pre.beta", 0)]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.10", -1)]
    [InlineData("1.0.0-rc1", "1.0.0", -1)]
    [InlineData("1.0.0.rc1", "1.0.0.beta2", 1)]
    [InlineData("1.0.a", "1.a", 0)]
    [InlineData("1.A", "1.a", -1)]
    [InlineData("1.0.0.1", "1.0.0", 1)]
    [InlineData("1.01", "1.1", 0)]
    [InlineData("2.7.0.preview1", "2.7.0", -1)]
    [InlineData("6.1.4.1", "6.1.4", 1)]
    [InlineData("6.1.4.1", "6.1.5", -1)]
    [InlineData("1.2.3.pre", "1.2.3.beta", 1)]
    [InlineData("1.0.0-alpha-1", "1.0.0.pre.alpha.pre.1", 0)]
    [InlineData("1.0b1", "1.0.b1", 0)]
    [InlineData("1.0b1", "1.0b", 1)]
    [InlineData("10.0", "9.9.9", 1)]
    [InlineData("1.9.3", "1.10", -1)]
    [InlineData("0", "0.0.0", 0)]
    [InlineData("3.0.0.a", "3.0.0.a.0", 0)]
    [InlineData("1.a.0.b", "1.a.b", 1)]
    [InlineData("1.0.a.0.0", "1.a", 0)]
    [InlineData("1.0a", "1.0.0a", 0)]
    [InlineData("2", "2.0.0.0.0.1", -1)]
    [InlineData("2.0.0.0.0.1", "2.1", -1)]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567891", -1)]
    [InlineData("1.0.0-x-y", "1.0.0.pre.x.pre.y", 0)]
    [InlineData(" 1.0 ", "1.0", 0)]
    public void Orders_like_gem_version(string a, string b, int expected) =>
        VersionAssert.Ordered<RubyGemsVersion>(a, b, expected);

    // Gem::Version#canonical_segments and #prerelease? (Ruby 3.1).
    [Theory]
    [InlineData("1.0.0-beta.1", "1.pre.beta.1", true)]
    [InlineData("1.0.a.0", "1.a", true)]
    [InlineData("1.0", "1", false)]
    [InlineData("1.a.b.0.c.0", "1.a.b.0.c", true)]
    [InlineData("  1.2.3  ", "1.2.3", false)]
    [InlineData("1-x", "1.pre.x", true)]
    public void Canonicalizes_like_gem_version(string text, string canonical, bool prerelease)
    {
        var version = VersionAssert.Valid<RubyGemsVersion>(text);
        Assert.Equal(canonical, version.Canonical);
        Assert.Equal(prerelease, version.IsPrerelease);
    }

    // Gem::Version.correct? rejects each of these.
    [Theory]
    [InlineData("1.0.", "separated by '.'")]
    [InlineData(".1", "must start with a number")]
    [InlineData("1..0", "separated by '.'")]
    [InlineData("1.0-", "separated by '.'")]
    [InlineData("1-a..b", "separated by '.'")]
    [InlineData("a", "must start with a number")]
    [InlineData("1 0", "separated by '.'")]
    [InlineData("1.0_1", "separated by '.'")]
    [InlineData("1.0+1", "separated by '.'")]
    [InlineData("1.é", "separated by '.'")]
    [InlineData("  ", "blank")]
    public void Rejects_invalid_versions(string text, string reason) => VersionAssert.Invalid<RubyGemsVersion>(text, reason);

    [Theory]
    [InlineData("1-a-b.c")]
    [InlineData("1\n")]
    [InlineData("\n1")]
    public void Accepts_what_gem_version_accepts(string text) => VersionAssert.Valid<RubyGemsVersion>(text);

    [Fact]
    public void Rejects_common_garbage() => VersionAssert.RejectsCommonGarbage<RubyGemsVersion>();

    [Fact]
    public void Default_value_is_zero() => Assert.Equal(RubyGemsVersion.Parse("0"), default);

    [Fact]
    public void Is_a_total_order_on_generated_versions() =>
        OrderingProperties.AssertTotalOrder<RubyGemsVersion>(Generator);

    private static readonly Gen<string> Generator =
        from first in Gen.Elements("0", "1", "2", "10", "01")
        from rest in Gen.ListOf(Gen.Elements("0", "1", "2", "a", "b", "B", "pre", "rc1", "1a", "a0"), 4)
        from pre in Gen.Elements("", "", "-beta", "-rc.1", "-x-y")
        select first + string.Concat(rest.Take(4).Select(part => "." + part)) + pre;
}
