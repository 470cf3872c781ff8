using FsCheck;
using FsCheck.Fluent;
using Vigil.VulnDb.Versions.Pep440;

namespace Vigil.VulnDb.Tests.Versions.Pep440;

public class Pep440VersionTests
{
    // Neighbours in packaging's sorted test list (tests/test_version.py), then PEP 440 normalization examples; expected
    // signs are what packaging.version.Version answers.
    [Theory]
    [InlineData("1.0.dev456", "1.0a1", -1)]
    [InlineData("1.0a1", "1.0a2.dev456", -1)]
    [InlineData("1.0a2.dev456", "1.0a12.dev456", -1)]
    [InlineData("1.0a12.dev456", "1.0a12", -1)]
    [InlineData("1.0a12", "1.0b1.dev456", -1)]
    [InlineData("1.0b1.dev456", "1.0b2", -1)]
    [InlineData("1.0b2", "1.0b2.post345.dev456", -1)]
    [InlineData("1.0b2.post345.dev456", "1.0b2.post345", -1)]
    [InlineData("1.0b2.post345", "1.0b2-346", -1)]
    [InlineData("1.0b2-346", "1.0c1.dev456", -1)]
    [InlineData("1.0c1.dev456", "1.0c1", -1)]
    [InlineData("1.0c1", "1.0rc2", -1)]
    [InlineData("1.0rc2", "1.0c3", -1)]
    [InlineData("1.0c3", "1.0", -1)]
    [InlineData("1.0", "1.0.post456.dev34", -1)]
    [InlineData("1.0.post456.dev34", "1.0.post456", -1)]
    [InlineData("1.0.post456", "1.1.dev1", -1)]
    [InlineData("1.1.dev1", "1.2+123abc", -1)]
    [InlineData("1.2+123abc", "1.2+123abc456", -1)]
    [InlineData("1.2+123abc456", "1.2+abc", -1)]
    [InlineData("1.2+abc", "1.2+abc123", -1)]
    [InlineData("1.2+abc123", "1.2+abc123def", -1)]
    [InlineData("1.2+abc123def", "1.2+1234.abc", -1)]
    [InlineData("1.2+1234.abc", "1.2+123456", -1)]
    [InlineData("1.2+123456", "1.2.r32+123456", -1)]
    [InlineData("1.2.r32+123456", "1.2.rev33+123456", -1)]
    [InlineData("1.2.rev33+123456", "1!1.0.dev456", -1)]
    [InlineData("1!1.0.dev456", "1!1.0a1", -1)]
    [InlineData("1!1.0a1", "1!1.0a2.dev456", -1)]
    [InlineData("1!1.0a2.dev456", "1!1.0a12.dev456", -1)]
    [InlineData("1!1.0a12.dev456", "1!1.0a12", -1)]
    [InlineData("1!1.0a12", "1!1.0b1.dev456", -1)]
    [InlineData("1!1.0b1.dev456", "1!1.0b2", -1)]
    [InlineData("1!1.0b2", "1!1.0b2.post345.dev456", -1)]
    [InlineData("1!1.0b2.post345.dev456", "1!1.0b2.post345", -1)]
    [InlineData("1!1.0b2.post345", "1!1.0b2-346", -1)]
    [InlineData("1!1.0b2-346", "1!1.0c1.dev456", -1)]
    [InlineData("1!1.0c1.dev456", "1!1.0c1", -1)]
    [InlineData("1!1.0c1", "1!1.0rc2", -1)]
    [InlineData("1!1.0rc2", "1!1.0c3", -1)]
    [InlineData("1!1.0c3", "1!1.0", -1)]
    [InlineData("1!1.0", "1!1.0.post456.dev34", -1)]
    [InlineData("1!1.0.post456.dev34", "1!1.0.post456", -1)]
    [InlineData("1!1.0.post456", "1!1.1.dev1", -1)]
    [InlineData("1!1.1.dev1", "1!1.2+123abc", -1)]
    [InlineData("1!1.2+123abc", "1!1.2+123abc456", -1)]
    [InlineData("1!1.2+123abc456", "1!1.2+abc", -1)]
    [InlineData("1!1.2+abc", "1!1.2+abc123", -1)]
    [InlineData("1!1.2+abc123", "1!1.2+abc123def", -1)]
    [InlineData("1!1.2+abc123def", "1!1.2+1234.abc", -1)]
    [InlineData("1!1.2+1234.abc", "1!1.2+123456", -1)]
    [InlineData("1!1.2+123456", "1!1.2.r32+123456", -1)]
    [InlineData("1!1.2.r32+123456", "1!1.2.rev33+123456", -1)]
    [InlineData("1.0RC1", "1.0rc1", 0)]
    [InlineData("1.0-alpha.1", "1.0a1", 0)]
    [InlineData("v1.0", "1.0", 0)]
    [InlineData("1.0.0", "1", 0)]
    [InlineData("1.0-1", "1.0.post1", 0)]
    [InlineData("1.0.post", "1.0.post0", 0)]
    [InlineData("1.0+ubuntu-1", "1.0+ubuntu.1", 0)]
    [InlineData("1.0+01", "1.0+1", 0)]
    [InlineData("1.0a-1", "1.0a1", 0)]
    [InlineData("1.0-r1", "1.0.post1", 0)]
    [InlineData("1.0preview2", "1.0rc2", 0)]
    [InlineData("1.0pre2", "1.0c2", 0)]
    [InlineData("1.0_beta_3", "1.0b3", 0)]
    [InlineData("1.0.dev", "1.0.dev0", 0)]
    [InlineData("  1.0  ", "1.0", 0)]
    [InlineData("1.0.0.0.1", "1.0.0.1", -1)]
    [InlineData("0!1.0", "1.0", 0)]
    [InlineData("2.0", "1!0.1", -1)]
    [InlineData("1.0+abc", "1.0+ABC", 0)]
    [InlineData("1.0+1", "1.0+a", 1)]
    [InlineData("1.0+a", "1.0+a.0", -1)]
    [InlineData("1.0", "1.0+0", -1)]
    [InlineData("1.0.post1.dev1", "1.0.post1", -1)]
    [InlineData("1.0.post1.dev1", "1.0", 1)]
    [InlineData("1.0a1.post1", "1.0a2", -1)]
    [InlineData("1.0a1.post1", "1.0a1.post1.dev1", 1)]
    [InlineData("1.0.dev1", "1.0a1.dev1", -1)]
    [InlineData("1.0rc1.dev1", "1.0rc1", -1)]
    [InlineData("1.10", "1.9", 1)]
    [InlineData("18446744073709551615", "18446744073709551614", 1)]
    [InlineData("1.0+12345678901234567890123", "1.0+12345678901234567890124", -1)]
    [InlineData("1.0rev", "1.0r0", 0)]
    [InlineData("1.0-dev1", "1.0.dev1", 0)]
    [InlineData("1.0a1-1", "1.0a1.post1", 0)]
    public void Orders_like_packaging(string a, string b, int expected) => VersionAssert.Ordered<Pep440Version>(a, b, expected);

    [Theory]
    [InlineData("1.0", "1")]
    [InlineData("v1.0.0", "1")]
    [InlineData("1.0-RC.1", "1rc1")]
    [InlineData("1!2.0ALPHA-3.POST-4_DEV.5+Ubuntu-1.2", "1!2a3.post4.dev5+ubuntu.1.2")]
    [InlineData("1.0-1", "1.post1")]
    [InlineData("1.0a-1", "1a1")]
    [InlineData("1.0a.-1", "1a0.post1")]
    [InlineData("1.0dev-1", "1.dev1")]
    [InlineData("0.0", "0")]
    public void Normalizes_like_pep_440(string text, string normalized)
    {
        var version = VersionAssert.Valid<Pep440Version>(text);
        Assert.Equal(normalized, version.Normalized);
    }

    [Fact]
    public void Exposes_parts()
    {
        var version = Pep440Version.Parse("2!1.2.0rc3.post4.dev5+local.7");
        Assert.Equal(2UL, version.Epoch);
        Assert.Equal([1UL, 2UL], version.Release);
        Assert.Equal(Pep440PreReleaseKind.ReleaseCandidate, version.PreRelease);
        Assert.Equal(3UL, version.PreReleaseNumber);
        Assert.Equal(4UL, version.PostRelease);
        Assert.Equal(5UL, version.DevRelease);
        Assert.Equal("local.7", version.Local);
        Assert.True(version.IsPrerelease);
        Assert.False(Pep440Version.Parse("1.0.post1").IsPrerelease);
    }

    // Each is rejected by packaging too.
    [Theory]
    [InlineData("1.0.a.b", "does not match")]
    [InlineData("1.0-", "does not match")]
    [InlineData("1.0+", "does not match")]
    [InlineData("1.0+a..b", "does not match")]
    [InlineData("1!", "does not match")]
    [InlineData("1.0a1a", "does not match")]
    [InlineData("1.0.post1-1", "does not match")]
    [InlineData("1..0", "does not match")]
    [InlineData("1.0.-1", "does not match")]
    [InlineData("a1", "must start with a number")]
    [InlineData("   ", "blank")]
    [InlineData("1.0\n1", "does not match")]
    [InlineData("18446744073709551616", "too big")]
    [InlineData("1.0.post18446744073709551616", "too big")]
    public void Rejects_invalid_versions(string text, string reason) => VersionAssert.Invalid<Pep440Version>(text, reason);

    [Fact]
    public void Rejects_common_garbage() => VersionAssert.RejectsCommonGarbage<Pep440Version>();

    [Fact]
    public void Default_value_is_zero()
    {
        Assert.Equal(Pep440Version.Parse("0"), default);
        Assert.True(default(Pep440Version) < Pep440Version.Parse("0.0.1.dev0"));
    }

    [Fact]
    public void Is_a_total_order_on_generated_versions() =>
        OrderingProperties.AssertTotalOrder<Pep440Version>(Generator);

    private static readonly Gen<string> Generator =
        from epoch in Gen.Elements("", "", "1!", "0!")
        from release in Gen.NonEmptyListOf(Gen.Elements("0", "1", "2", "10", "01"))
        from pre in Gen.Elements("", "", "a", "a1", "b2", "rc1", "c1", "-alpha.2", "pre", "RC0")
        from post in Gen.Elements("", "", ".post1", "-2", ".post", "r3", ".rev0")
        from dev in Gen.Elements("", "", ".dev0", ".dev1", "dev")
        from local in Gen.Elements("", "", "+1", "+a", "+a.1", "+1.a", "+01", "+A-b_2")
        select epoch + string.Join('.', release.Take(4)) + pre + post + dev + local;
}
